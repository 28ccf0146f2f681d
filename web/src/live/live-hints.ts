import type { QueryKey } from '@tanstack/react-query';

// What the live stream (GET /api/v1/live) says, and which cached reads it makes stale. Pure, so it
// is tested without a browser; useLiveUpdates.ts wires it to an EventSource and TanStack Query.

/** Request keys that moved, or every request read at once (a resync, a reconnect). */
export type StaleRequests = { kind: 'some'; keys: ReadonlySet<string> } | { kind: 'all' };

/** The request key of an `event: request` hint, or undefined for anything else. */
export function requestKeyOfHint(data: string): string | undefined {
  try {
    const hint: unknown = JSON.parse(data);
    if (typeof hint !== 'object' || hint === null) return undefined;
    const key = (hint as { key?: unknown }).key;
    return typeof key === 'string' && key.length > 0 ? key : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a cached query reads something that may have changed. The query-key convention
 * (api/queries.ts): every list of requests starts with 'requests', since a moved request may join,
 * leave or reorder any list; everything about one request starts with ['request', key].
 */
export function isStale(queryKey: QueryKey, stale: StaleRequests): boolean {
  if (queryKey[0] === 'requests') return true;
  if (queryKey[0] !== 'request') return false;
  if (stale.kind === 'all') return true;
  return typeof queryKey[1] === 'string' && stale.keys.has(queryKey[1]);
}

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/**
 * Gathers hints for `delayMs` after the first one and hands them over together, so a burst (a
 * bulk change of fifty requests, a flurry of replies) refetches each read once, not fifty times.
 */
export class HintBatcher {
  #keys = new Set<string>();
  #all = false;
  #timer: unknown;

  constructor(
    private readonly flush: (stale: StaleRequests) => void,
    private readonly delayMs = 300,
    private readonly timers: Timers = { set: (run, ms) => setTimeout(run, ms), clear: (handle) => clearTimeout(handle as number) },
  ) {}

  request(key: string): void {
    if (!this.#all) this.#keys.add(key);
    this.#schedule();
  }

  /** Everything may have changed: read all requests again. */
  everything(): void {
    this.#all = true;
    this.#keys.clear();
    this.#schedule();
  }

  /** Drops what was gathered (the hook is unmounting: nobody is left to refresh). */
  cancel(): void {
    if (this.#timer !== undefined) this.timers.clear(this.#timer);
    this.#timer = undefined;
    this.#keys = new Set();
    this.#all = false;
  }

  #schedule(): void {
    if (this.#timer !== undefined) return;
    this.#timer = this.timers.set(() => {
      const stale: StaleRequests = this.#all ? { kind: 'all' } : { kind: 'some', keys: this.#keys };
      this.#timer = undefined;
      this.#keys = new Set();
      this.#all = false;
      this.flush(stale);
    }, this.delayMs);
  }
}

/**
 * How long to wait before opening the stream again after the browser gave up on it (an answer
 * other than the stream: the server restarting, a proxy error). Doubles up to a minute.
 */
export function reopenDelayMs(failures: number): number {
  return Math.min(60_000, 2_000 * 2 ** Math.max(0, failures - 1));
}
