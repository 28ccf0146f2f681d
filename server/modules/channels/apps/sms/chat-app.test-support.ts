import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../../../../app.ts';
import type { Database } from '../../../../platform/db/database.ts';
import { rowsOf } from '../../../../platform/db/database.ts';
import type { RequestReaction } from '../../../requests/request-reactions.ts';
import { patchRequest, readRequest } from '../../../requests/requests.test-support.ts';
import { findRequestForHallway } from '../../../requests/requests.service.ts';
import type { RequestStatus } from '../../../requests/requests.tables.ts';
import { channelConnections, type ConnectionKind } from '../apps.tables.ts';

/**
 * Test helpers for the Teams and SMS endpoints: a connection inserted as the admin API would save
 * it (that API is built alongside), and the rows tests look at.
 */
export async function insertConnection(
  database: Database,
  connection: { teamId: string; kind: ConnectionKind; externalId: string; signingSecret: string; credentialEnv?: string; settings?: Record<string, unknown> },
) {
  const [row] = await database.db
    .insert(channelConnections)
    .values({ name: `${connection.kind} test`, ...connection, settings: connection.settings ?? {} })
    .returning();
  return row!;
}

/**
 * Runs `work` against a second app on the same database: another process, with a replay memory of
 * its own, so only the inbound receipts can stop a repeat there.
 */
export async function inAnotherProcess<Result>(database: Database, work: (app: FastifyInstance) => Promise<Result>): Promise<Result> {
  const other = await buildApp({ database, config: { secureCookies: false, bodyLimitBytes: 1_000_000, logLevel: 'silent' }, logger: false });
  try {
    return await work(other);
  } finally {
    await other.close();
  }
}

export interface QueuedDelivery {
  id: string;
  purpose: string;
  url: string;
  body: string;
  headers: Record<string, string>;
  status: string;
  last_error: string | null;
  request_id: string | null;
}

export async function deliveriesOf(database: Database, connectionId: string): Promise<QueuedDelivery[]> {
  return rowsOf<QueuedDelivery>(
    await database.db.execute(sql`select id, purpose, url, body, headers, status, last_error, request_id from http_deliveries
      where connection_id = ${connectionId} order by created_at, id`),
  );
}

export async function requestsFiledThrough(database: Database, channel: string, requesterId: string) {
  return rowsOf<{ id: string; key: string; subject: string; description: string; status: string }>(
    await database.db.execute(sql`select id, key, subject, description, status from requests
      where channel = ${channel} and requester_id = ${requesterId} order by created_at, key`),
  );
}

export async function publicCommentsOf(database: Database, requestId: string): Promise<string[]> {
  const rows = rowsOf<{ body: string }>(
    await database.db.execute(sql`select data->>'body' as body from request_events
      where request_id = ${requestId} and kind = 'commented' and visibility = 'public' order by id`),
  );
  return rows.map((row) => row.body);
}

export async function countRows(database: Database, table: 'requests' | 'request_events' | 'http_deliveries' | 'channel_inbound_receipts'): Promise<number> {
  const [row] = rowsOf<{ count: number }>(await database.db.execute(sql`select count(*)::int as count from ${sql.identifier(table)}`));
  return row!.count;
}

/** Moves the request's status through the API as `headers` would, with the reason given; fails the test on anything but 200. */
export async function moveRequest(app: FastifyInstance, headers: Record<string, string>, key: string, status: RequestStatus, reason?: string): Promise<void> {
  const { version } = await readRequest(app, headers, key);
  const moved = await patchRequest(app, headers, key, version, reason ? { status, reason } : { status });
  expect(moved.statusCode, moved.body).toBe(200);
}

/** Runs `reaction` again on the request's latest status change, as a replayed change (the same event ids) would. */
export async function replayLatestStatusChange(database: Database, key: string, reaction: RequestReaction): Promise<void> {
  const after = await findRequestForHallway(database.db, { key });
  if (!after) throw new Error(`no request ${key}`);
  const [event] = rowsOf<{ id: number; actorId: string | null; data: Record<string, unknown> }>(
    await database.db.execute(sql`select id::int as id, actor_id as "actorId", data from request_events
      where request_id = ${after.id} and kind = 'status_changed' order by id desc limit 1`),
  );
  if (!event) throw new Error(`${key} has no status change`);
  const before = { ...after, status: event.data.from as RequestStatus };
  await database.db.transaction((tx) =>
    reaction(tx, { before, after, events: [{ ...event, kind: 'status_changed', visibility: 'public' }], actorId: event.actorId, at: after.updatedAt }),
  );
}
