import type { FastifyBaseLogger } from 'fastify';
import type { Queryable } from '../../platform/db/database.ts';
import { eventsSince } from './moved-requests.store.ts';
import { announcementsOf, type RequestAnnouncement } from './request-announcement.ts';

export interface PollerOptions {
  /** How often to read while running: a hint reaches a browser within this (plus its own batching). */
  intervalMs?: number;
  log?: Pick<FastifyBaseLogger, 'warn'>;
}

/**
 * Reads which requests moved, off the write path: a few times a second, the timeline events
 * committed since the last read (migration 0008), one announcement per request.
 *
 * Event ids are not commit-ordered, so the cursor is a transaction id: each read takes the events
 * of transactions from the cursor on, then moves the cursor to the oldest transaction still running
 * in that read's snapshot. Everything before it had finished, so had been read if it committed (and
 * never will be if it rolled back); anything from it on may still commit, and is read again next
 * time. The ids read at or past the cursor are kept to drop those repeats, and forgotten once the
 * cursor passes their transaction.
 */
export class RequestEventPoller {
  readonly #intervalMs: number;
  #cursor: bigint | undefined;
  /** Event id -> its transaction, for the events at or past the cursor already announced. */
  readonly #seen = new Map<number, bigint>();
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  /** Bumped by start and stop, so a read that was under way when they ran is discarded. */
  #generation = 0;
  #reads = 0;

  constructor(
    private readonly db: Queryable,
    private readonly onMoved: (announcements: RequestAnnouncement[]) => void,
    private readonly options: PollerOptions = {},
  ) {
    this.#intervalMs = options.intervalMs ?? 250;
  }

  get running(): boolean {
    return this.#running;
  }

  /** Statements run so far (for tests and diagnostics). */
  get reads(): number {
    return this.#reads;
  }

  /** Starts reading from now: what committed before is not announced. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#reset();
    void this.#tick(this.#generation);
  }

  /** Stops reading; a read under way is discarded. */
  stop(): void {
    this.#running = false;
    this.#reset();
  }

  /**
   * One read: the first sets the cursor and announces nothing, the next announce what committed
   * since. Runs by itself while started; tests call it directly on a poller they never start. A
   * failed read leaves the cursor where it was, so the next one covers the same ground.
   */
  async poll(): Promise<void> {
    const generation = this.#generation;
    this.#reads += 1;
    const first = this.#cursor === undefined;
    const { events, horizon } = await eventsSince(this.db, this.#cursor);
    if (generation !== this.#generation) return;
    // The first read only learns what is already there (visible events of transactions still past
    // its horizon would otherwise come back as new next time).
    const fresh = events.filter((event) => !this.#seen.has(event.eventId));
    for (const event of fresh) this.#seen.set(event.eventId, event.tx);
    // The next read starts at the horizon: nothing before it comes back, so nothing to remember.
    this.#cursor = horizon;
    for (const [eventId, tx] of this.#seen) if (tx < horizon) this.#seen.delete(eventId);
    if (fresh.length > 0 && !first) this.onMoved(announcementsOf(fresh));
  }

  async #tick(generation: number): Promise<void> {
    try {
      await this.poll();
    } catch (error) {
      this.options.log?.warn({ err: error }, 'live: could not read new timeline events; trying again');
    }
    if (!this.#running || generation !== this.#generation) return;
    this.#timer = setTimeout(() => void this.#tick(generation), this.#intervalMs);
    this.#timer.unref();
  }

  #reset(): void {
    this.#generation += 1;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#cursor = undefined;
    this.#seen.clear();
  }
}
