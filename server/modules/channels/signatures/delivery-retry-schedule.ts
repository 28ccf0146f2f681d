/**
 * When to try an outgoing webhook delivery again: exponential backoff with "full jitter" (the delay
 * is drawn uniformly between zero and the exponential ceiling), which spreads the retries of many
 * deliveries that failed together instead of having them return in step. Source: Marc Brooker,
 * "Exponential Backoff And Jitter", AWS Architecture Blog, 2015.
 */
export interface RetryPolicy {
  /** The ceiling of the first retry's delay; each later ceiling doubles. */
  baseDelayMs: number;
  /** No ceiling grows beyond this. */
  maxDelayMs: number;
  /** Attempts in all, the first delivery included. */
  maxAttempts: number;
}

/** About three hours of retries over ten attempts before a delivery is given up and shown as failed. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({ baseDelayMs: 30_000, maxDelayMs: 60 * 60_000, maxAttempts: 10 });

/** A number in [0, 1); Math.random in production, a fixed sequence in tests. */
export type RandomSource = () => number;

/**
 * The delay before the next attempt, after `attemptsMade` attempts have failed, or null when no
 * attempt is left.
 */
export function nextRetryDelayMs(attemptsMade: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY, random: RandomSource = Math.random): number | null {
  if (!Number.isInteger(attemptsMade) || attemptsMade < 1) throw new RangeError('attemptsMade counts attempts already made (1 or more)');
  if (attemptsMade >= policy.maxAttempts) return null;
  const ceiling = retryCeilingMs(attemptsMade, policy);
  const draw = random();
  // A source outside [0, 1) would otherwise give a negative delay or one above the cap.
  const unit = Number.isFinite(draw) ? Math.min(Math.max(draw, 0), 1 - Number.EPSILON) : 0;
  return Math.floor(unit * ceiling);
}

/** The largest delay the retry after `attemptsMade` failures may have. */
export function retryCeilingMs(attemptsMade: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  // 2 ** 1024 is Infinity; min() caps it either way, so a very late attempt is still just the cap.
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attemptsMade - 1));
}
