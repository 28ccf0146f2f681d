import type { Database } from '../db/database.ts';
import { timerErrorForLog } from './timer-errors.ts';
import { fireDueTimers, nextTimerDueAt, type TimerFailure, type TimerHandlers } from './timers.ts';

/** What the loop logs through: a pino logger (app.log) fits. Payloads are never passed to it. */
export interface TimerLoopLogger {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface TimerLoopOptions {
  /**
   * The longest the loop sleeps: a timer another process schedules (which this one cannot hear of)
   * is seen within this long. Shorter means more idle queries, longer means later firings.
   */
  pollIntervalMs: number;
  /** Recorded by handlers that say who fired (the probe); hostname and pid in `hallway serve`. */
  firedBy: string;
  logger: TimerLoopLogger;
  /** The most timers one round tries before the loop looks again (and can be stopped between). */
  batchLimit?: number;
}

export interface TimerLoop {
  /** Finishes the firing in progress, fires no more, and resolves once the loop has ended. */
  stop(): Promise<void>;
  /** Look now: for a caller in this process that just committed a timer due sooner than the next poll. */
  nudge(): void;
}

/** When a due timer is held by another process's firing, look again this soon rather than spin. */
const HELD_ELSEWHERE_RETRY_MS = 50;
/** After repeated database errors, wait at most this long between tries (unless the poll is longer). */
const MAX_ERROR_BACKOFF_MS = 10_000;

/**
 * Fires due timers, then sleeps until the earlier of the next timer's due time and the poll interval.
 * One round at a time (never overlapping itself), each timer in its own short transaction, so on
 * PGlite's single connection requests interleave with firings.
 */
export function startTimerLoop(database: Database, handlers: TimerHandlers, options: TimerLoopOptions): TimerLoop {
  const { pollIntervalMs, firedBy, logger } = options;
  const stopping = new AbortController();
  let nudged = false;
  let wake: (() => void) | undefined;
  let consecutiveErrors = 0;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timeout);
        wake = undefined;
        resolve();
      };
      const timeout = setTimeout(done, ms);
      wake = done;
    });

  const onFailure = (failure: TimerFailure) => {
    // The kind and id find the timer; the error without query values (which may quote the payload).
    const details = { timerId: failure.id, kind: failure.kind, attempts: failure.attempts, error: timerErrorForLog(failure.error) };
    if (failure.gaveUp) logger.error(details, 'timer failed for the last time and is given up');
    else logger.warn(details, 'timer failed and will be tried again');
  };

  /** Fires what is due and returns how long to sleep. */
  async function round(): Promise<number> {
    const fired = await fireDueTimers(database, handlers, {
      firedBy,
      limit: options.batchLimit ?? 100,
      signal: stopping.signal,
      onFailure,
    });
    if (stopping.signal.aborted) return 0;
    const next = await nextTimerDueAt(database.db);
    consecutiveErrors = 0;
    if (!next) return pollIntervalMs;
    const untilDue = Math.ceil(next.getTime() - Date.now());
    if (untilDue > 0) return Math.min(untilDue, pollIntervalMs);
    // Due but not claimed: either a full batch just fired and more wait (go on at once), or another
    // process holds it mid-firing (nextTimerDueAt cannot skip locked rows): look again shortly.
    return fired > 0 ? 0 : Math.min(HELD_ELSEWHERE_RETRY_MS, pollIntervalMs);
  }

  const running = (async () => {
    while (!stopping.signal.aborted) {
      nudged = false;
      let delay: number;
      try {
        delay = await round();
      } catch (error) {
        // The database is away (restarting, network): back off so an outage is not a log flood.
        consecutiveErrors += 1;
        delay = Math.min(pollIntervalMs * 2 ** (consecutiveErrors - 1), Math.max(pollIntervalMs, MAX_ERROR_BACKOFF_MS));
        logger.error({ error: timerErrorForLog(error), retryInMs: delay }, 'timer loop could not fire timers');
      }
      if (stopping.signal.aborted) break;
      if (nudged || delay <= 0) continue;
      await sleep(delay);
    }
  })();

  return {
    nudge: () => {
      nudged = true;
      wake?.();
    },
    stop: () => {
      stopping.abort();
      wake?.();
      return running;
    },
  };
}
