import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import type { Database } from '../db/database.ts';
import { ensureTimerCleanup, FIRED_TIMER_RETENTION_DAYS, TIMER_CLEANUP_KIND, timerCleanupHandlers } from './timer-cleanup.ts';
import { fireDueTimers, scheduleTimer } from './timers.ts';

const DAY = 86_400_000;

describe('the daily timer cleanup', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('deletes timers fired long ago, keeps recent, pending and failed ones, and schedules tomorrow', async () => {
    const now = new Date('2026-06-01T03:00:00Z');
    const daysAgo = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
    const old = await scheduleTimer(database.db, { kind: 'probe', dueAt: new Date(daysAgo(40)) });
    const recent = await scheduleTimer(database.db, { kind: 'probe', dueAt: new Date(daysAgo(2)) });
    const pending = await scheduleTimer(database.db, { kind: 'probe', dueAt: new Date(now.getTime() + DAY) });
    const failed = await scheduleTimer(database.db, { kind: 'probe', dueAt: new Date(daysAgo(90)) });
    await database.rows(sql`update timers set fired_at = ${daysAgo(FIRED_TIMER_RETENTION_DAYS + 1)}::timestamptz where id = ${old}`);
    await database.rows(sql`update timers set fired_at = ${daysAgo(2)}::timestamptz where id = ${recent}`);
    await database.rows(sql`update timers set failed_at = ${daysAgo(80)}::timestamptz, last_error = 'gave up' where id = ${failed}`);
    await database.rows(sql`insert into timer_probe_firings (timer_id, due_at, fired_at, fired_by)
      values (${old}, ${daysAgo(40)}::timestamptz, ${daysAgo(40)}::timestamptz, 'old'), (${recent}, ${daysAgo(2)}::timestamptz, ${daysAgo(2)}::timestamptz, 'recent')`);

    await ensureTimerCleanup(database, new Date(now.getTime() - DAY));
    await ensureTimerCleanup(database, new Date(now.getTime() - DAY));
    expect(await fireDueTimers(database, timerCleanupHandlers, { now })).toBe(1);

    const left = await database.rows<{ id: number; kind: string; due: string }>(
      sql`select id::int as id, kind, to_json(due_at) as due from timers where kind <> ${TIMER_CLEANUP_KIND} order by id`,
    );
    expect(left.map((row) => row.id)).toEqual([recent, pending, failed]);
    const firings = await database.rows<{ firedBy: string }>(sql`select fired_by as "firedBy" from timer_probe_firings`);
    expect(firings).toEqual([{ firedBy: 'recent' }]);
    const next = await database.rows<{ due: string }>(
      sql`select to_json(due_at) as due from timers where kind = ${TIMER_CLEANUP_KIND} and fired_at is null`,
    );
    expect(next.map((row) => new Date(row.due).getTime())).toEqual([now.getTime() + DAY]);
  });
});
