import type { Database } from '../db/database.ts';

/**
 * Work that leaves Hallway (a mail to a relay, an HTTP call to a webhook or a chat app) cannot run
 * inside a timer's transaction: the call may take seconds, and on PGlite's single connection an open
 * transaction stops every other query. So outgoing work is a row in its own table (an outbox),
 * written in the transaction of the change that caused it, and a worker per table (decision 0022):
 *
 *   claim (short transaction: due rows, FOR UPDATE SKIP LOCKED, lease them for a while)
 *   -> deliver (no transaction open: the network call)
 *   -> record (short transaction: sent, or the error and the next attempt's time).
 *
 * A process that dies mid-delivery leaves a lease that runs out, and another worker delivers again:
 * at-least-once, so each outbox keeps what makes a repeat harmless (a stable Message-ID, a delivery
 * id the receiver can deduplicate on).
 */
export interface DeliveryQueue<Item> {
  /** For logs: 'mail', 'http'. */
  readonly name: string;
  /** Leases up to `limit` items due by `now` until `leaseUntil`, committed before returning. */
  claim(db: Database, now: Date, limit: number, leaseUntil: Date): Promise<Item[]>;
  /**
   * Delivers one leased item and records the outcome (sent, or failed with its next attempt).
   * Throws only when the outcome itself could not be recorded; the lease then runs out and the
   * item is tried again.
   */
  deliver(db: Database, item: Item): Promise<void>;
  /** Lets go of what the queue holds open (a pooled SMTP connection); called once the worker has stopped. */
  close?(): void | Promise<void>;
}

export interface DeliveryWorkerLogger {
  error(details: object, message: string): void;
}

export interface DeliveryWorkerOptions {
  /** The longest the worker sleeps between looks when it finds nothing due. */
  pollIntervalMs: number;
  /** How long a claimed item stays leased: longer than any one delivery may take. */
  leaseMs?: number;
  /** Items claimed per round, delivered concurrently. */
  batchSize?: number;
  logger: DeliveryWorkerLogger;
}

export interface DeliveryWorker {
  /** Look now (a caller in this process just queued something). */
  wake(): void;
  /** Finishes the deliveries in progress and resolves once the worker has ended. */
  stop(): Promise<void>;
}

export const DEFAULT_LEASE_MS = 60_000;
const DEFAULT_BATCH_SIZE = 8;

/**
 * Claims and delivers one round; the number of items delivered (tried). Tests call this, or
 * `drainDeliveries`, instead of starting the worker, to decide exactly when deliveries happen.
 */
export async function deliverDueRound<Item>(
  db: Database,
  queue: DeliveryQueue<Item>,
  options: { now?: Date; batchSize?: number; leaseMs?: number } = {},
): Promise<number> {
  // The database stamps microseconds, this clock milliseconds: without the extra millisecond a row
  // queued (`now()`) earlier within this same millisecond would look due only on the next round.
  const now = options.now ?? new Date(Date.now() + 1);
  const leaseUntil = new Date(now.getTime() + (options.leaseMs ?? DEFAULT_LEASE_MS));
  const items = await queue.claim(db, now, options.batchSize ?? DEFAULT_BATCH_SIZE, leaseUntil);
  const outcomes = await Promise.allSettled(items.map((item) => queue.deliver(db, item)));
  const failed = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return items.length;
}

/** Delivers rounds until nothing is due by `now` (or `maxRounds` ran): for tests and benches. */
export async function drainDeliveries<Item>(
  db: Database,
  queue: DeliveryQueue<Item>,
  options: { now?: Date; maxRounds?: number; batchSize?: number } = {},
): Promise<number> {
  let total = 0;
  for (let round = 0; round < (options.maxRounds ?? 1000); round += 1) {
    const delivered = await deliverDueRound(db, queue, options);
    total += delivered;
    if (delivered === 0) break;
  }
  return total;
}

/** Runs `queue` until stopped: rounds back to back while work is found, a sleep when none is. */
export function startDeliveryWorker<Item>(db: Database, queue: DeliveryQueue<Item>, options: DeliveryWorkerOptions): DeliveryWorker {
  let stopped = false;
  let wakeSleeper: (() => void) | undefined;
  let errorStreak = 0;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timeout = setTimeout(done, ms);
      function done() {
        clearTimeout(timeout);
        wakeSleeper = undefined;
        resolve();
      }
      wakeSleeper = done;
    });

  const loop = (async () => {
    while (!stopped) {
      let delivered = 0;
      try {
        delivered = await deliverDueRound(db, queue, { batchSize: options.batchSize, leaseMs: options.leaseMs });
        errorStreak = 0;
      } catch (error) {
        errorStreak += 1;
        options.logger.error({ err: error, queue: queue.name }, 'delivery round failed');
      }
      if (stopped) break;
      // Work found: look again at once. None, or the database failing: sleep (longer after errors).
      if (delivered === 0 || errorStreak > 0) await sleep(options.pollIntervalMs * Math.min(2 ** errorStreak, 20));
    }
  })();

  return {
    wake: () => wakeSleeper?.(),
    stop: async () => {
      stopped = true;
      wakeSleeper?.();
      await loop;
      await queue.close?.();
    },
  };
}
