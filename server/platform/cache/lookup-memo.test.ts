import { describe, expect, it } from 'vitest';
import { memoOn } from './lookup-memo.ts';

describe('lookups remembered per holder', () => {
  it('loads once per holder and key, and never shares between holders', async () => {
    let loads = 0;
    const load = async () => ++loads;
    const first = {};
    const second = {};
    expect(await memoOn(first, 'service:a', load)).toBe(1);
    expect(await memoOn(first, 'service:a', load)).toBe(1);
    expect(await memoOn(first, 'service:b', load)).toBe(2);
    expect(await memoOn(second, 'service:a', load)).toBe(3);
  });

  it('forgets a failed lookup, so the next caller reads again', async () => {
    const holder = {};
    await expect(memoOn(holder, 'k', () => Promise.reject(new Error('connection lost')))).rejects.toThrow('connection lost');
    expect(await memoOn(holder, 'k', async () => 'found')).toBe('found');
  });
});
