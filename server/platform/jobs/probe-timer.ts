import { sql } from 'drizzle-orm';
import type { TimerHandlers } from './timers.ts';

/** Schedule one with `scheduleTimer(db, { kind: PROBE_TIMER_KIND, dueAt })` to see timers fire. */
export const PROBE_TIMER_KIND = 'probe';

/**
 * The `probe` kind writes one timer_probe_firings row per firing, in the firing's transaction: so an
 * operator (and the multi-process test and the lag benchmark) sees whether each timer fired once,
 * by whom, and how late. `fired_at` is the database's clock when the row is written, not the poll's
 * `now`, so the lag it shows includes claiming the timer; compare it with `due_at` only where the
 * application and the database share a clock (one machine, or both kept by NTP).
 */
export const probeTimerHandlers: TimerHandlers = {
  [PROBE_TIMER_KIND]: async (tx, timer, { firedBy }) => {
    await tx.execute(
      sql`insert into timer_probe_firings (timer_id, due_at, fired_at, fired_by)
          values (${timer.id}, ${timer.dueAt.toISOString()}::timestamptz, clock_timestamp(), ${firedBy})`,
    );
  },
};
