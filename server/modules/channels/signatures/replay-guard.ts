import type { Clock } from './timestamp-window.ts';
import { systemClock } from './timestamp-window.ts';

export interface ReplayGuardOptions {
  /** At most this many requests are remembered at once. */
  capacity: number;
  now?: Clock;
}

/**
 * Remembers requests already accepted until they could no longer pass the timestamp window, so the
 * same signed request sent twice inside the window is refused the second time.
 *
 * Only requests whose signature was already verified are remembered, so an attacker cannot fill the
 * memory with junk. When it is full of unexpired entries (genuine traffic above capacity within one
 * window), the entry that would be forgotten soonest is dropped to make room and counted in
 * `evicted`; capacity should be sized above peak requests per window. The memory lives in one
 * process: a deployment with several processes needs a shared store (see decision 0021).
 */
export class ReplayGuard {
  readonly #capacity: number;
  readonly #now: Clock;
  /** key -> the instant (ms) after which the key may be forgotten. */
  readonly #forgetAt = new Map<string, number>();
  #evicted = 0;

  constructor(options: ReplayGuardOptions) {
    if (!Number.isInteger(options.capacity) || options.capacity < 1) {
      throw new RangeError('ReplayGuard capacity must be a positive integer');
    }
    this.#capacity = options.capacity;
    this.#now = options.now ?? systemClock;
  }

  /**
   * True the first time `key` is seen (and remembers it until `rememberUntilMs`); false when the key
   * was admitted before and is still remembered.
   */
  admit(key: string, rememberUntilMs: number): boolean {
    const now = this.#now();
    const known = this.#forgetAt.get(key);
    if (known !== undefined && known >= now) return false;
    if (known !== undefined) this.#forgetAt.delete(key);
    if (this.#forgetAt.size >= this.#capacity) this.#makeRoom(now);
    this.#forgetAt.set(key, rememberUntilMs);
    return true;
  }

  /** How many requests are remembered now. */
  get size(): number {
    return this.#forgetAt.size;
  }

  /** How many unexpired entries were dropped because the memory was full. */
  get evicted(): number {
    return this.#evicted;
  }

  #makeRoom(now: number): void {
    let soonestKey: string | null = null;
    let soonestAt = Infinity;
    for (const [key, forgetAt] of this.#forgetAt) {
      if (forgetAt < now) {
        this.#forgetAt.delete(key);
      } else if (forgetAt < soonestAt) {
        soonestAt = forgetAt;
        soonestKey = key;
      }
    }
    if (this.#forgetAt.size >= this.#capacity && soonestKey !== null) {
      this.#forgetAt.delete(soonestKey);
      this.#evicted += 1;
    }
  }
}
