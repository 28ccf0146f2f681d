import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Queryable } from '../db/database.ts';
import { timerErrorSummary } from './timer-errors.ts';

/**
 * Durable timers (docs/decisions/0009-durable-timers.md). A timer is a row; firing it means running
 * its handler and stamping `fired_at` in ONE transaction, while the row is locked FOR UPDATE SKIP
 * LOCKED. So of several processes polling one database exactly one fires each timer, a handler's
 * effect and the firing commit or roll back together, and a process killed mid-way loses its
 * connection, its transaction and its lock at once: another process fires the timer on its next poll.
 */

export interface DueTimer {
  id: number;
  kind: string;
  dueAt: Date;
  payload: Record<string, unknown>;
  attempts: number;
}

export interface FiringContext {
  /** The instant the timer fires at: the clock of this poll (tests pass one far ahead). */
  now: Date;
  /** Who fired it, for the probe kind and logs. */
  firedBy: string;
}

/** Runs inside the firing transaction: every write it makes commits with the firing, or not at all. */
export type TimerHandler = (tx: Queryable, timer: DueTimer, context: FiringContext) => Promise<void>;
export type TimerHandlers = Readonly<Record<string, TimerHandler>>;

export interface NewTimer {
  kind: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
}

/** Schedules a timer; pass the transaction of the change that needs it, so both commit together. */
export async function scheduleTimer(db: Queryable, timer: NewTimer): Promise<number> {
  const result = await db.execute(
    sql`insert into timers (kind, due_at, payload)
        values (${timer.kind}, ${timer.dueAt.toISOString()}::timestamptz, ${JSON.stringify(timer.payload ?? {})}::jsonb)
        returning id`,
  );
  return Number(rowsOf<{ id: number | string }>(result)[0]!.id);
}

/**
 * Schedules several timers in one statement (a filing's SLA clocks each want a warning and a
 * breach); their ids in the order given. Pass the transaction of the change that needs them.
 */
export async function scheduleTimers(db: Queryable, timers: readonly NewTimer[]): Promise<number[]> {
  if (timers.length === 0) return [];
  const rows = timers.map(
    (timer) => sql`(${timer.kind}, ${timer.dueAt.toISOString()}::timestamptz, ${JSON.stringify(timer.payload ?? {})}::jsonb)`,
  );
  // The sequence numbers the rows in the order of the VALUES list, so ids by size are ids in that order.
  const result = await db.execute(
    sql`with added as (insert into timers (kind, due_at, payload) values ${sql.join(rows, sql`, `)} returning id)
        select id from added order by id`,
  );
  return rowsOf<{ id: number | string }>(result).map((row) => Number(row.id));
}

/** A failing timer is tried again after 2^attempts seconds (capped), and given up after this many tries. */
export const MAX_TIMER_ATTEMPTS = 8;
const MAX_RETRY_DELAY_SECONDS = 600;

export interface FireOptions {
  /**
   * The instant to fire what is due by; tests pass one far ahead. Defaults to this process's clock,
   * read afresh for each timer: the same clock the timer loop sleeps by, so a database whose clock
   * lags ours can never make the loop wake for a timer it then finds not yet due (and spin).
   */
  now?: Date;
  /** The most timers one call tries (fired or failed), so one call stays short. */
  limit?: number;
  firedBy?: string;
  /** Stop claiming further timers once aborted; the one in progress finishes (the loop's stop()). */
  signal?: AbortSignal;
  /** Told about each failure after it is recorded, for the caller's log. */
  onFailure?: (failure: TimerFailure) => void;
}

export interface TimerFailure {
  id: number;
  kind: string;
  /** Tries so far, this one included. */
  attempts: number;
  /** True when this was the last try: the timer will not be tried again. */
  gaveUp: boolean;
  error: unknown;
}

interface ClaimedRow {
  id: number | string;
  kind: string;
  dueAt: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * Fires the timers due by `now`, each in its own transaction, and returns how many fired. A handler
 * that throws rolls its own firing back; the failure is then recorded on the timer, which is tried
 * again later (and given up after MAX_TIMER_ATTEMPTS), so one bad timer never blocks the others.
 * One transaction per timer keeps each short: on PGlite every other query waits for it.
 */
export async function fireDueTimers(database: Database, handlers: TimerHandlers, options: FireOptions = {}): Promise<number> {
  const limit = options.limit ?? 500;
  const firedBy = options.firedBy ?? `pid ${process.pid}`;
  let fired = 0;
  for (let tried = 0; tried < limit && !options.signal?.aborted; tried += 1) {
    let failure: TimerFailure | undefined;
    const now = options.now ?? new Date();
    const outcome = await database.db.transaction(async (tx) => {
      const [claimed] = rowsOf<ClaimedRow>(
        await tx.execute(sql`select id, kind, to_json(due_at) as "dueAt", payload, attempts from timers
              where fired_at is null and failed_at is null and due_at <= ${now.toISOString()}::timestamptz
              order by due_at, id limit 1 for update skip locked`),
      );
      if (!claimed) return 'none' as const;
      const timer: DueTimer = { ...claimed, id: Number(claimed.id), dueAt: new Date(claimed.dueAt) };
      const handler = handlers[timer.kind];
      try {
        // A savepoint, so a failing handler's writes go and the claim (this transaction) stays ours.
        await tx.transaction(async (handlerTx) => {
          if (!handler) throw new Error(`no handler for timer kind "${timer.kind}"`);
          await handler(handlerTx, timer, { now, firedBy });
        });
      } catch (error) {
        const attempts = timer.attempts + 1;
        failure = { id: timer.id, kind: timer.kind, attempts, gaveUp: attempts >= MAX_TIMER_ATTEMPTS, error };
        await recordFailure(tx, failure, now);
        return 'failed' as const;
      }
      await tx.execute(sql`update timers set fired_at = ${now.toISOString()}::timestamptz where id = ${timer.id}`);
      return 'fired' as const;
    });
    if (outcome === 'none') break;
    if (outcome === 'fired') fired += 1;
    if (failure) options.onFailure?.(failure);
  }
  return fired;
}

/**
 * The retry is due 2^attempts seconds after the failed firing's instant (the same clock as the due
 * check, so a test's far-ahead `now` does not retry at once). The stored message leaves out values
 * the payload may have put in a query (timer-errors.ts).
 */
async function recordFailure(tx: Queryable, failure: TimerFailure, now: Date): Promise<void> {
  const message = timerErrorSummary(failure.error);
  const retryAt = new Date(now.getTime() + Math.min(2 ** failure.attempts, MAX_RETRY_DELAY_SECONDS) * 1000);
  await tx.execute(
    sql`update timers set attempts = ${failure.attempts}, last_error = ${message},
          due_at = ${retryAt.toISOString()}::timestamptz,
          failed_at = ${failure.gaveUp ? now.toISOString() : null}::timestamptz
        where id = ${failure.id}`,
  );
}

/** The instant the next pending timer is due, or undefined when none is pending. */
export async function nextTimerDueAt(db: Queryable): Promise<Date | undefined> {
  const [row] = rowsOf<{ dueAt: string | null }>(
    await db.execute(sql`select to_json(min(due_at)) as "dueAt" from timers where fired_at is null and failed_at is null`),
  );
  return row?.dueAt ? new Date(row.dueAt) : undefined;
}
