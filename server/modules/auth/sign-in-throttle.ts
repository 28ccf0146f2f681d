// Guessing passwords is slowed per e-mail address (one account) and per IP address (one attacker
// trying many accounts). Five failed attempts for an address, or twenty from an IP, within fifteen
// minutes lock further attempts until the oldest of those failures is fifteen minutes old.

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

/**
 * Seconds until another attempt is allowed, or 0 when one is allowed now.
 * `failures` are the most recent failure instants (any order); at most `limit` are needed.
 */
export function secondsLockedOut(failures: readonly Date[], limit: number, now: Date, windowMs = SIGN_IN_WINDOW_MS): number {
  const recent = failures
    .map((instant) => instant.getTime())
    .filter((instant) => instant > now.getTime() - windowMs)
    .sort((a, b) => b - a);
  // The limit-th most recent failure decides: once it leaves the window, fewer than `limit` remain.
  const decisive = recent[limit - 1];
  if (decisive === undefined) return 0;
  return Math.max(1, Math.ceil((decisive + windowMs - now.getTime()) / 1000));
}

export function signInLockout(
  failures: { byEmail: readonly Date[]; byIp: readonly Date[] },
  now: Date,
): { locked: boolean; retryAfterSeconds: number } {
  const retryAfterSeconds = Math.max(
    secondsLockedOut(failures.byEmail, MAX_FAILURES_PER_EMAIL, now),
    secondsLockedOut(failures.byIp, MAX_FAILURES_PER_IP, now),
  );
  return { locked: retryAfterSeconds > 0, retryAfterSeconds };
}
