import { describe, expect, it } from 'vitest';
import { connectLive, LIVE_URL, type EventSourceLike } from './live-connection.ts';
import type { StaleRequests, Timers } from './live-hints.ts';

/** An EventSource the test drives: it says what the server sent and how the connection fares. */
class FakeSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  readonly #listeners = new Map<string, Array<(event: MessageEvent<string>) => void>>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  emit(type: string, data = '', readyState = this.readyState): void {
    this.readyState = readyState;
    for (const listener of this.#listeners.get(type) ?? []) listener({ data } as MessageEvent<string>);
  }
}

function harness() {
  const sources: FakeSource[] = [];
  const stale: Array<'all' | string[]> = [];
  let refused = 0;
  let pending: Array<{ run: () => void; at: number; handle: number }> = [];
  let now = 0;
  let next = 1;
  const timers: Timers = {
    set: (run, ms) => {
      pending.push({ run, at: now + ms, handle: next });
      return next++;
    },
    clear: (handle) => void (pending = pending.filter((timer) => timer.handle !== handle)),
  };
  const advance = (ms: number) => {
    now += ms;
    const due = pending.filter((timer) => timer.at <= now);
    pending = pending.filter((timer) => timer.at > now);
    for (const timer of due) timer.run();
  };
  const close = connectLive({
    open: (url) => {
      const source = new FakeSource(url);
      sources.push(source);
      return source;
    },
    onStale: (s: StaleRequests) => stale.push(s.kind === 'all' ? 'all' : [...s.keys].sort()),
    onRefused: () => void (refused += 1),
    timers,
  });
  return { sources, stale, refused: () => refused, advance, close, pending: () => pending.length };
}

describe('the live connection', () => {
  it('opens the stream once and turns a burst of hints into one refresh of their requests', () => {
    const live = harness();
    expect(live.sources.map((source) => source.url)).toEqual([LIVE_URL]);
    const source = live.sources[0]!;
    source.emit('open', '', 1);
    source.emit('request', '{"key":"IT-1","last":10}');
    source.emit('request', '{"key":"HR-2","last":11}');
    source.emit('request', 'garbage');
    expect(live.stale).toEqual([]);
    live.advance(300);
    expect(live.stale).toEqual([['HR-2', 'IT-1']]);
  });

  it('refreshes everything on resync, and when the stream is back after a break', () => {
    const live = harness();
    const source = live.sources[0]!;
    source.emit('open', '', 1);
    source.emit('resync', '{}');
    live.advance(300);
    // The server ended the stream (new credentials, a restart): the browser reconnects by itself.
    source.emit('error', '', 0);
    live.advance(300);
    expect(live.stale).toEqual(['all']);
    source.emit('open', '', 1);
    live.advance(300);
    expect(live.stale).toEqual(['all', 'all']);
    expect(live.sources).toHaveLength(1);
    expect(live.refused()).toBe(0);
  });

  it('when refused, asks who is signed in and opens the stream again later, waiting longer each time', () => {
    const live = harness();
    live.sources[0]!.emit('error', '', 2);
    expect(live.refused()).toBe(1);
    live.advance(1_999);
    expect(live.sources).toHaveLength(1);
    live.advance(1);
    expect(live.sources).toHaveLength(2);
    live.sources[1]!.emit('error', '', 2);
    live.advance(2_000);
    expect(live.sources).toHaveLength(2);
    live.advance(2_000);
    expect(live.sources).toHaveLength(3);
    // Once open again, everything shown is refreshed and the waiting starts over.
    live.sources[2]!.emit('open', '', 1);
    live.advance(300);
    expect(live.stale).toEqual(['all']);
  });

  it('closes the stream, and opens none again, once closed', () => {
    const live = harness();
    live.sources[0]!.emit('error', '', 2);
    live.close();
    live.advance(120_000);
    expect(live.sources).toHaveLength(1);
    expect(live.sources[0]!.closed).toBe(true);
    expect(live.pending()).toBe(0);
  });
});
