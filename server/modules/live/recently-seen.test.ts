import { describe, expect, it } from 'vitest';
import { RecentlySeen } from './recently-seen.ts';

describe('remembering the last few announcements', () => {
  it('lets a value through once while it is remembered', () => {
    const seen = new RecentlySeen<number>(3);
    expect([1, 2, 1, 3, 2].map((value) => seen.firstTime(value))).toEqual([true, true, false, true, false]);
  });

  it('forgets the oldest beyond its capacity, so memory stays bounded', () => {
    const seen = new RecentlySeen<number>(3);
    for (const value of [1, 2, 3, 4]) seen.firstTime(value);
    expect(seen.size).toBe(3);
    expect(seen.firstTime(1)).toBe(true);
    expect(seen.firstTime(4)).toBe(false);
    for (let value = 100; value < 10_000; value += 1) seen.firstTime(value);
    expect(seen.size).toBe(3);
  });

  it('refuses a capacity that could not hold anything', () => {
    expect(() => new RecentlySeen(0)).toThrow(RangeError);
  });
});
