import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { findActorByApiToken } from '../../platform/auth/credentials.store.ts';
import { hashSecret } from '../../platform/auth/secrets.ts';
import type { Database } from '../../platform/db/database.ts';
import { LiveHub } from './live.service.ts';
import { condition } from './live.test-support.ts';

// The hub on its own, fed by real notifications of this run's database, writing to a sink in memory.
const POLL_MS = 10;
let database: Database;
let hub: LiveHub;
let agent: Actor;
let teamId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  hub = new LiveHub(database, { heartbeatMs: 50, pollMs: POLL_MS });
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
async function fileInTeam(subject: string, events = 1): Promise<{ id: string; key: string }> {
  const [filed] = await database.rows<{ id: string; key: string }>(sql`
    insert into requests (key, team_id, number, subject, description, requester_id)
    values (${`LIVE-${subject.length}-${randomUUID().slice(0, 6)}`}, ${teamId}, 1, ${subject}, '', ${agent.personId}) returning id, key`);
  await database.rows(sql`insert into request_events (request_id, kind) select ${filed!.id}, 'commented' from generate_series(1, ${events})`);
  return filed!;
}
const hintsIn = (written: string[]) => written.filter((chunk) => chunk.startsWith('event: request'));

describe('the live hub', () => {
  it('tells a stream of each request that moved once, and reads nothing once no stream is open', async () => {
    // Created in beforeAll, with no stream until now: it has not read once.
    expect(hub.polling).toEqual({ running: false, reads: 0 });
    const stream = sink();
    const close = hub.open(agent, stream.sink);
    await condition(() => hub.polling.reads >= 2);
    const first = await fileInTeam('Screen flickers');
    await condition(() => hintsIn(stream.written).length === 1);
    // Later reads see the same rows again until the cursor passes them: still one hint.
    const readsThen = hub.polling.reads;
    await condition(() => hub.polling.reads >= readsThen + 3);
    const second = await fileInTeam('Keyboard missing keys', 2);
    await condition(() => hintsIn(stream.written).length >= 2);
    const lastOf = async (id: string) =>
      (await database.rows<{ last: number }>(sql`select max(id)::int as last from request_events where request_id = ${id}`))[0]!.last;
    expect(hintsIn(stream.written)).toEqual([
      `event: request\ndata: {"key":"${first.key}","last":${await lastOf(first.id)}}\n\n`,
      `event: request\ndata: {"key":"${second.key}","last":${await lastOf(second.id)}}\n\n`,
    ]);
    close();
    expect(hub.size).toBe(0);
    expect(hub.polling.running).toBe(false);
    // The timer is gone; a read already under way may still finish, and then nothing follows it.
    const stoppedAt = hub.polling.reads;
    await new Promise((resolve) => setTimeout(resolve, 20 * POLL_MS));
    expect(hub.polling.reads).toBeLessThanOrEqual(stoppedAt + 1);
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
