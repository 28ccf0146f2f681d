import { describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP, secondsLockedOut, signInLockout } from './sign-in-throttle.ts';

const now = new Date('2026-03-01T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe('sign-in lockout', () => {
  it('allows attempts while fewer than five failures are recent', () => {
    expect(secondsLockedOut([1, 2, 3, 4].map(minutesAgo), MAX_FAILURES_PER_EMAIL, now)).toBe(0);
  });

  it('locks after five recent failures until the oldest of them is fifteen minutes old', () => {
    const failures = [1, 2, 3, 4, 10].map(minutesAgo);
    expect(secondsLockedOut(failures, MAX_FAILURES_PER_EMAIL, now)).toBe(5 * 60);
  });

  it('forgets failures older than fifteen minutes', () => {
    expect(secondsLockedOut([1, 2, 3, 4, 16, 20].map(minutesAgo), MAX_FAILURES_PER_EMAIL, now)).toBe(0);
  });

  it('never asks to wait less than a second while locked', () => {
    const failures = [1, 1, 1, 1, 15 - 1 / 600].map(minutesAgo);
    expect(secondsLockedOut(failures, MAX_FAILURES_PER_EMAIL, now)).toBe(1);
  });

  it('locks an IP after twenty failures whichever addresses they were for', () => {
    const twenty = Array.from({ length: MAX_FAILURES_PER_IP }, (_, index) => minutesAgo(index * 0.5));
    expect(signInLockout({ byEmail: [], byIp: twenty.slice(0, 19) }, now).locked).toBe(false);
    expect(signInLockout({ byEmail: [], byIp: twenty }, now)).toEqual({ locked: true, retryAfterSeconds: (15 - 9.5) * 60 });
  });

  it('waits for the longer of the two lockouts', () => {
    const byEmail = [1, 1, 1, 1, 2].map(minutesAgo);
    const byIp = Array.from({ length: 20 }, () => minutesAgo(14));
    expect(signInLockout({ byEmail, byIp }, now).retryAfterSeconds).toBe(13 * 60);
  });
});
