import { describe, expect, it } from 'vitest';
import type { SlaClock } from '../../api/types.ts';
import { clockWords, firstResponseDue } from './clock-words.ts';

const now = new Date('2026-11-26T10:00:00Z');
const running: SlaClock = {
  metric: 'first_response',
  targetMinutes: 240,
  dueAt: '2026-11-26T15:00:00Z',
  paused: false,
  remainingMinutes: 200,
  breachedAt: null,
  stoppedAt: null,
  met: null,
  businessHours: true,
};

describe("a request's clocks in words", () => {
  it('says when a running clock is due', () => {
    expect(clockWords(running, now, 'UTC')).toBe('First answer: due by 15:00 today');
    expect(firstResponseDue([running])).toBe('2026-11-26T15:00:00Z');
  });

  it('says a paused clock is on hold, and has no due time to promise', () => {
    const paused = { ...running, paused: true, dueAt: null };
    expect(clockWords(paused, now, 'UTC')).toBe('First answer: on hold while the request waits');
    expect(firstResponseDue([paused])).toBeNull();
  });

  it('says whether a stopped clock was met', () => {
    const stopped = { ...running, stoppedAt: '2026-11-26T09:30:00Z', dueAt: null };
    expect(clockWords({ ...stopped, met: 'met' }, now, 'UTC')).toBe('First answer: done at 09:30 today, on time');
    expect(clockWords({ ...stopped, metric: 'resolution', met: 'missed' }, now, 'UTC')).toBe('Solved: done at 09:30 today, later than promised');
  });

  it('says a running clock past due was due', () => {
    expect(clockWords({ ...running, breachedAt: '2026-11-26T15:00:00Z' }, now, 'UTC')).toBe('First answer: was due at 15:00 today');
  });
});
