import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { scheduleTimer, type TimerHandlers } from './timers.ts';

/**
 * Fired timers are kept a while (to see what fired, when and by whom), then deleted, or the table
 * only grows: every clock move schedules two. One daily `timers.cleanup` timer does it and schedules
 * the next; failed timers (`failed_at`) are kept for an operator to look at and re-arm.
 */
export const TIMER_CLEANUP_KIND = 'timers.cleanup';
export const FIRED_TIMER_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;
/** Rows deleted per table per run: a backlog clears over a few days without one long transaction. */
const CLEANUP_BATCH = 50_000;
/** Any number the app processes agree on: they make sure of the cleanup one at a time. */
const CLEANUP_LOCK_ID = 47_112_027;

export const timerCleanupHandlers: TimerHandlers = {
  [TIMER_CLEANUP_KIND]: async (tx, _timer, { now }) => {
    const before = new Date(now.getTime() - FIRED_TIMER_RETENTION_DAYS * DAY_MS).toISOString();
    await tx.execute(
      sql`delete from timers where id in (
            select id from timers where fired_at < ${before}::timestamptz limit ${CLEANUP_BATCH})`,
    );
    await tx.execute(
      sql`delete from timer_probe_firings where id in (
            select id from timer_probe_firings where fired_at < ${before}::timestamptz limit ${CLEANUP_BATCH})`,
    );
    await scheduleTimer(tx, { kind: TIMER_CLEANUP_KIND, dueAt: new Date(now.getTime() + DAY_MS) });
  },
};

/**
 * Makes sure one cleanup is pending (the first start, or an operator deleted it). Processes that
 * start together take turns, so there is never a second daily chain.
 */
export async function ensureTimerCleanup(database: Database, now = new Date()): Promise<void> {
  await database.exclusively(CLEANUP_LOCK_ID, async () => {
    await database.rows(
      sql`insert into timers (kind, due_at)
          select ${TIMER_CLEANUP_KIND}, ${new Date(now.getTime() + DAY_MS).toISOString()}::timestamptz
          where not exists (select 1 from timers where kind = ${TIMER_CLEANUP_KIND} and fired_at is null and failed_at is null)`,
    );
  });
}
