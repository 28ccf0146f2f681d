import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { testDatabaseKind } from '../../../test/support/test-database-kind.ts';
import { createServerDatabaseUrl, createTestDatabase } from '../../../test/support/test-database.ts';
import { fromPool, rowsOf, type Database, type Queryable } from '../../platform/db/database.ts';
import { RequestEventPoller } from './live.poller.ts';
import type { RequestAnnouncement } from './request-announcement.ts';

// The poller driven by hand (never started, so no timer): what it announces after each read.
let database: Database;
let teamId: string;
let otherTeamId: string;
let requesterId: string;
let heard: RequestAnnouncement[];
let poller: RequestEventPoller;

async function setUp(opened: Database) {
  database = opened;
  teamId = (await buildTeam(database)).id;
  otherTeamId = (await buildTeam(database)).id;
  requesterId = (await buildPerson(database)).id;
}

let numbers = 0;
async function newRequest(db: Queryable = database.db): Promise<{ id: string; key: string }> {
  numbers += 1;
  const key = `LIVE-${numbers}`;
  const [row] = rowsOf<{ id: string }>(
    await db.execute(sql`
      insert into requests (key, team_id, number, subject, description, requester_id)
      values (${key}, ${teamId}, ${numbers}, 'Printer jam', '', ${requesterId}) returning id`),
  );
  return { id: row!.id, key };
}
const addEvent = (db: Queryable, requestId: string, kind = 'commented', visibility = 'public', data: Record<string, unknown> = {}) =>
  db.execute(sql`insert into request_events (request_id, kind, visibility, data) values (${requestId}, ${kind}, ${visibility}, ${JSON.stringify(data)}::jsonb)`);
const keysHeard = () => heard.map((a) => a.key).sort();

function freshPoller(db: Queryable = database.db) {
  heard = [];
  poller = new RequestEventPoller(db, (moved) => heard.push(...moved));
}

describe('the timeline poller', () => {
  beforeAll(async () => setUp(await createTestDatabase()));
  afterAll(async () => database.close());
  beforeEach(() => freshPoller());

  it('announces nothing written before its first read, then each request moved since, once', async () => {
    const before = await newRequest();
    await addEvent(database.db, before.id);
    await poller.poll();
    const filed = await newRequest();
    await addEvent(database.db, filed.id, 'created');
    await addEvent(database.db, filed.id, 'commented');
    await poller.poll();
    await poller.poll();
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ id: filed.id, key: filed.key, teamId, requesterId, assigneeId: null, confidential: false, internal: false, fromTeamId: null });
    const [{ last } = { last: 0 }] = await database.rows<{ last: number }>(sql`select max(id)::int as last from request_events where request_id = ${filed.id}`);
    expect(heard[0]!.last).toBe(last);
  });

  it('says internal only when every new event was, and names the team a handoff left', async () => {
    await poller.poll();
    const note = await newRequest();
    await addEvent(database.db, note.id, 'commented', 'internal');
    const mixed = await newRequest();
    await addEvent(database.db, mixed.id, 'commented', 'internal');
    await addEvent(database.db, mixed.id, 'commented', 'public');
    const handed = await newRequest();
    await addEvent(database.db, handed.id, 'handoff', 'public', { fromTeamId: otherTeamId });
    await poller.poll();
    const byKey = new Map(heard.map((a) => [a.key, a]));
    expect(byKey.get(note.key)).toMatchObject({ internal: true, fromTeamId: null });
    expect(byKey.get(mixed.key)).toMatchObject({ internal: false });
    expect(byKey.get(handed.key)).toMatchObject({ fromTeamId: otherTeamId });
  });

  it('never announces an event that was rolled back', async () => {
    await poller.poll();
    const kept = await newRequest();
    await database.db
      .transaction(async (tx) => {
        const dropped = await newRequest(tx);
        await addEvent(tx, dropped.id);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await addEvent(database.db, kept.id);
    await poller.poll();
    await poller.poll();
    expect(keysHeard()).toEqual([kept.key]);
  });

  it('keeps the cursor where it was when a read fails, and reads that ground again', async () => {
    await poller.poll();
    const filed = await newRequest();
    await addEvent(database.db, filed.id);
    const failing = { execute: () => Promise.reject(new Error('connection lost')) } as unknown as Queryable;
    // Same cursor, a database that fails: swap the handle for one read only.
    const handle = poller as unknown as { db: Queryable };
    handle.db = failing;
    await expect(poller.poll()).rejects.toThrow('connection lost');
    handle.db = database.db;
    await poller.poll();
    expect(keysHeard()).toEqual([filed.key]);
  });
});

// Two transactions at once need two connections: a server only (PGlite has one session).
describe.runIf(testDatabaseKind() === 'postgres')('the timeline poller with transactions that overlap', () => {
  let url: string;
  const clients: pg.Client[] = [];
  beforeAll(async () => {
    url = await createServerDatabaseUrl();
    await setUp(fromPool(new pg.Pool({ connectionString: url, max: 3 })));
  });
  afterAll(async () => {
    for (const client of clients) await client.end();
    await database.close();
  });
  beforeEach(() => freshPoller());

  async function connection(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    clients.push(client);
    return client;
  }

  it('announces a transaction that began first and committed after a later one was read, each once', async () => {
    const [first, second] = [await newRequest(), await newRequest()];
    const [a, b] = [await connection(), await connection()];
    await poller.poll();
    await a.query('begin');
    // A takes the smaller event id and the older transaction id, but commits last.
    await a.query(`insert into request_events (request_id, kind) values ($1, 'commented')`, [first.id]);
    await b.query('begin');
    await b.query(`insert into request_events (request_id, kind) values ($1, 'commented')`, [second.id]);
    await b.query('commit');
    await poller.poll();
    expect(keysHeard()).toEqual([second.key]);
    await a.query('commit');
    await poller.poll();
    await poller.poll();
    expect(keysHeard()).toEqual([first.key, second.key].sort());
  });

  it('announces nothing committed before its first read, even behind an older transaction still open', async () => {
    const [older, before] = [await newRequest(), await newRequest()];
    const a = await connection();
    await a.query('begin');
    await a.query(`insert into request_events (request_id, kind) values ($1, 'commented')`, [older.id]);
    // Committed after A began, so at or past the first read's horizon, yet already there.
    await addEvent(database.db, before.id);
    await poller.poll();
    await poller.poll();
    await a.query('commit');
    await poller.poll();
    expect(keysHeard()).toEqual([older.key]);
  });

  it('does not announce what a transaction still open has written, nor after it rolls back', async () => {
    const request = await newRequest();
    const a = await connection();
    await poller.poll();
    await a.query('begin');
    await a.query(`insert into request_events (request_id, kind) values ($1, 'commented')`, [request.id]);
    await poller.poll();
    await a.query('rollback');
    await poller.poll();
    expect(heard).toEqual([]);
  });
});
