import { describe, expect, it } from 'vitest';
import { HintBatcher, isStale, reopenDelayMs, requestKeyOfHint, type StaleRequests, type Timers } from './live-hints.ts';

/** Timers a test moves by hand: no waiting, no flakiness. */
function manualTimers() {
  let pending: Array<{ run: () => void; at: number; handle: number }> = [];
  let now = 0;
  let next = 1;
  const timers: Timers = {
    set: (run, ms) => {
      pending.push({ run, at: now + ms, handle: next });
      return next++;
    },
    clear: (handle) => {
      pending = pending.filter((timer) => timer.handle !== handle);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    const due = pending.filter((timer) => timer.at <= now);
    pending = pending.filter((timer) => timer.at > now);
    for (const timer of due) timer.run();
  };
  return { timers, advance };
}
const keysOf = (stale: StaleRequests) => (stale.kind === 'all' ? 'all' : [...stale.keys].sort());

describe('which cached reads a hint makes stale', () => {
  const some: StaleRequests = { kind: 'some', keys: new Set(['IT-42']) };

  it('every list of requests, whatever its filters', () => {
    expect(isStale(['requests', 'mine'], some)).toBe(true);
    expect(isStale(['requests', 'queue', 'it', { status: 'open' }], some)).toBe(true);
    expect(isStale(['requests', 'approvals', 'pending'], some)).toBe(true);
  });

  it('the reads of the request that moved, not of another one', () => {
    expect(isStale(['request', 'IT-42'], some)).toBe(true);
    expect(isStale(['request', 'IT-42', 'timeline'], some)).toBe(true);
    expect(isStale(['request', 'IT-421'], some)).toBe(false);
    expect(isStale(['request', 'HR-42', 'answers'], some)).toBe(false);
  });

  it('every request read after a resync; never what is not about requests', () => {
    expect(isStale(['request', 'HR-7', 'answers'], { kind: 'all' })).toBe(true);
    for (const stale of [some, { kind: 'all' } as const]) {
      expect(isStale(['me'], stale)).toBe(false);
      expect(isStale(['services', 'laptop-repair'], stale)).toBe(false);
      expect(isStale(['people', 'IT-42'], stale)).toBe(false);
    }
  });
});

describe('reading a hint', () => {
  it('takes the key and ignores whatever else', () => {
    expect(requestKeyOfHint('{"key":"IT-42","last":1234}')).toBe('IT-42');
    expect(requestKeyOfHint('not json')).toBeUndefined();
    expect(requestKeyOfHint('null')).toBeUndefined();
    expect(requestKeyOfHint('{"key":42}')).toBeUndefined();
    expect(requestKeyOfHint('{"key":""}')).toBeUndefined();
  });
});

describe('batching hints', () => {
  it('hands over a burst once, 300 ms after its first hint, each key once', () => {
    const { timers, advance } = manualTimers();
    const flushed: Array<ReturnType<typeof keysOf>> = [];
    const batcher = new HintBatcher((stale) => flushed.push(keysOf(stale)), 300, timers);
    batcher.request('IT-1');
    advance(100);
    batcher.request('IT-2');
    batcher.request('IT-1');
    advance(199);
    expect(flushed).toEqual([]);
    advance(1);
    expect(flushed).toEqual([['IT-1', 'IT-2']]);
    batcher.request('IT-3');
    advance(300);
    expect(flushed).toEqual([['IT-1', 'IT-2'], ['IT-3']]);
  });

  it('a resync in a burst makes it everything, and the next burst starts afresh', () => {
    const { timers, advance } = manualTimers();
    const flushed: Array<ReturnType<typeof keysOf>> = [];
    const batcher = new HintBatcher((stale) => flushed.push(keysOf(stale)), 300, timers);
    batcher.request('IT-1');
    batcher.everything();
    batcher.request('IT-2');
    advance(300);
    batcher.request('IT-3');
    advance(300);
    expect(flushed).toEqual(['all', ['IT-3']]);
  });

  it('hands over nothing once cancelled (the page unmounted)', () => {
    const { timers, advance } = manualTimers();
    const flushed: unknown[] = [];
    const batcher = new HintBatcher((stale) => flushed.push(stale), 300, timers);
    batcher.request('IT-1');
    batcher.cancel();
    advance(1_000);
    expect(flushed).toEqual([]);
  });
});

describe('trying the stream again after it was refused', () => {
  it('waits longer each time, up to a minute', () => {
    expect([1, 2, 3, 4, 10].map(reopenDelayMs)).toEqual([2_000, 4_000, 8_000, 16_000, 60_000]);
  });
});
