import { HintBatcher, reopenDelayMs, requestKeyOfHint, type StaleRequests, type Timers } from './live-hints.ts';

/** The part of the browser's EventSource this uses (a test passes a fake). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export interface LiveConnectionOptions {
  open(url: string): EventSourceLike;
  /** Mark these request reads stale. */
  onStale(stale: StaleRequests): void;
  /** The browser gave up on the stream (refused, e.g. signed out): check who is signed in. */
  onRefused(): void;
  timers?: Timers;
  batchMs?: number;
}

export const LIVE_URL = '/api/v1/live';
/** EventSource.CLOSED, spelled out so this file runs where EventSource does not exist (tests). */
const CLOSED = 2;

/**
 * One live stream and what its events mean for cached reads: a request hint makes that request
 * stale (batched); a resync, or the stream coming back after a break, makes every request read
 * stale; a stream the browser gave up on is reported and opened again later, waiting longer each
 * time. Returns the function that closes it for good.
 */
export function connectLive(options: LiveConnectionOptions): () => void {
  const timers: Timers = options.timers ?? { set: (run, ms) => setTimeout(run, ms), clear: (handle) => clearTimeout(handle as number) };
  const batcher = new HintBatcher(options.onStale, options.batchMs ?? 300, timers);
  let source: EventSourceLike | undefined;
  let reopenTimer: unknown;
  let failures = 0;
  let broken = false;
  let closed = false;

  const open = () => {
    reopenTimer = undefined;
    const current = options.open(LIVE_URL);
    source = current;
    current.addEventListener('open', () => {
      // Whatever happened while the stream was down was not heard.
      if (broken) batcher.everything();
      broken = false;
      failures = 0;
    });
    current.addEventListener('request', (event) => {
      const key = requestKeyOfHint(event.data);
      if (key) batcher.request(key);
    });
    current.addEventListener('resync', () => batcher.everything());
    current.addEventListener('error', () => {
      broken = true;
      // Still connecting: the browser retries by itself. Closed: it was refused (signed out, a
      // server restarting): report it, and try again later.
      if (current.readyState !== CLOSED || closed || reopenTimer !== undefined) return;
      options.onRefused();
      failures += 1;
      reopenTimer = timers.set(open, reopenDelayMs(failures));
    });
  };
  open();

  return () => {
    closed = true;
    if (reopenTimer !== undefined) timers.clear(reopenTimer);
    source?.close();
    batcher.cancel();
  };
}
