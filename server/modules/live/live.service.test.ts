import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { findActorByApiToken } from '../../platform/auth/credentials.store.ts';
import { hashSecret } from '../../platform/auth/secrets.ts';
import type { Database } from '../../platform/db/database.ts';
import { CHANGE_CHANNEL } from '../../platform/events/change-signals.ts';
import { LiveHub } from './live.service.ts';
import { condition } from './live.test-support.ts';

// The hub on its own, fed by real notifications of this run's database, writing to a sink in memory.
let database: Database;
let hub: LiveHub;
let agent: Actor;
let teamId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  hub = new LiveHub(database, { heartbeatMs: 50 });
  teamId = (await buildTeam(database)).id;
  const person = await buildPerson(database, { agentOf: [teamId] });
  const token = (await bearerFor(database, person.id)).authorization.slice('Bearer '.length);
  const found = await findActorByApiToken(database.db, hashSecret(token));
  agent = found!;
  await condition(() => database.changes.live);
});
afterAll(async () => {
  hub.close();
  await database.close();
});

function sink() {
  const written: string[] = [];
  let ended = false;
  return { written, isEnded: () => ended, sink: { write: (chunk: string) => void written.push(chunk), end: () => void (ended = true) } };
}
const announce = (detail: string) => database.rows(sql`select pg_notify(${CHANGE_CHANNEL}, ${`request ${detail}`})`);
const announcement = (last: number) =>
  JSON.stringify({ id: randomUUID(), key: `IT-${last}`, teamId, requesterId: randomUUID(), assigneeId: null, confidential: false, internal: false, fromTeamId: null, last });

describe('the live hub', () => {
  it('tells a stream of an announcement once, however often it is heard, and ignores a malformed one', async () => {
    const stream = sink();
    const close = hub.open(agent, stream.sink);
    await announce(announcement(101));
    await announce(announcement(101));
    await announce('{"key":"IT-1"');
    await announce(announcement(102));
    await condition(() => stream.written.some((chunk) => chunk.includes('IT-102')));
    expect(stream.written.filter((chunk) => chunk.startsWith('event: request'))).toEqual([
      'event: request\ndata: {"key":"IT-101","last":101}\n\n',
      'event: request\ndata: {"key":"IT-102","last":102}\n\n',
    ]);
    close();
    expect(hub.size).toBe(0);
  });

  it('keeps a quiet stream open with comment lines', async () => {
    const stream = sink();
    const close = hub.open(agent, stream.sink);
    await condition(() => stream.written.includes(': keep-alive\n\n'));
    expect(stream.isEnded()).toBe(false);
    close();
  });

  it('ends every stream when it closes, and any opened after at once', async () => {
    const local = new LiveHub(database);
    const streams = [sink(), sink()];
    for (const stream of streams) local.open(agent, stream.sink);
    local.close();
    expect(streams.map((stream) => stream.isEnded())).toEqual([true, true]);
    expect(local.size).toBe(0);
    const late = sink();
    local.open(agent, late.sink);
    expect(late.isEnded()).toBe(true);
    expect(local.size).toBe(0);
  });
});
