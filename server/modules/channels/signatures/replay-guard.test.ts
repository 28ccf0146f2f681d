import { describe, expect, it } from 'vitest';
import { ReplayGuard } from './replay-guard.ts';

/** A clock the test moves by hand. */
function manualClock(startMs: number) {
  let nowMs = startMs;
  return { now: () => nowMs, advance: (ms: number) => (nowMs += ms) };
}

describe('the replay guard', () => {
  it('admits a key once, refuses it while remembered, and admits it again once forgotten', () => {
    const clock = manualClock(1_000);
    const guard = new ReplayGuard({ capacity: 10, now: clock.now });
    expect(guard.admit('a', 5_000)).toBe(true);
    expect(guard.admit('a', 5_000)).toBe(false);
    clock.advance(4_000); // now 5,000: still remembered up to and including its instant
    expect(guard.admit('a', 9_000)).toBe(false);
    clock.advance(1);
    expect(guard.admit('a', 9_000)).toBe(true);
    expect(guard.size).toBe(1);
  });

  it('keeps different keys apart', () => {
    const guard = new ReplayGuard({ capacity: 10, now: () => 0 });
    expect(guard.admit('slack:1', 100)).toBe(true);
    expect(guard.admit('slack:2', 100)).toBe(true);
    expect(guard.admit('slack:1', 100)).toBe(false);
  });

  it('never holds more than its capacity: expired entries go first', () => {
    const clock = manualClock(0);
    const guard = new ReplayGuard({ capacity: 3, now: clock.now });
    guard.admit('old-1', 10);
    guard.admit('old-2', 10);
    guard.admit('fresh', 1_000);
    clock.advance(11);
    expect(guard.admit('new', 1_000)).toBe(true);
    expect(guard.size).toBe(2);
    expect(guard.evicted).toBe(0);
    expect(guard.admit('fresh', 1_000)).toBe(false);
  });

  it('when full of live entries, drops the one to be forgotten soonest and counts it', () => {
    const guard = new ReplayGuard({ capacity: 2, now: () => 0 });
    guard.admit('late', 900);
    guard.admit('soon', 100);
    expect(guard.admit('third', 500)).toBe(true);
    expect(guard.size).toBe(2);
    expect(guard.evicted).toBe(1);
    expect(guard.admit('late', 900)).toBe(false);
    expect(guard.admit('soon', 100)).toBe(true); // the price of a bounded memory, made visible by `evicted`
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new ReplayGuard({ capacity: 0 })).toThrow(RangeError);
    expect(() => new ReplayGuard({ capacity: 1.5 })).toThrow(RangeError);
  });
});
