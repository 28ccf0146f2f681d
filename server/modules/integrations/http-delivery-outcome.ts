import { nextRetryDelayMs, type RandomSource, type RetryPolicy } from '../channels/signatures/delivery-retry-schedule.ts';
import type { AnswerRefusal } from '../domain-delivery-credentials.ts';
import type { HttpCallResult } from './http-delivery-send.ts';

/** What one attempt comes to, and what becomes of the delivery. */
export interface AttemptOutcome {
  statusCode: number | null;
  error: string | null;
  responseExcerpt: string | null;
  /** delivered; failed (no retry: permanent, or the last attempt); retry at `nextAttemptAt`. */
  next: { status: 'delivered' } | { status: 'failed' } | { status: 'retry'; nextAttemptAt: Date };
}

const EXCERPT_CHARACTERS = 300;

/** 408 (timeout) and 429 (slow down) say "later"; any other 4xx says the request itself is wrong. */
function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/**
 * Classifies an attempt: 2xx delivered, unless the owner read a refusal in it (then failed, or
 * retried when the refusal says so); other 4xx failed at once; 5xx/408/429 and network errors
 * retried by the full-jitter schedule (or the peer's Retry-After when sane), until the last attempt.
 */
export function outcomeOf(
  result: HttpCallResult,
  attemptsMade: number,
  now: Date,
  policy: RetryPolicy,
  random: RandomSource,
  refusal: AnswerRefusal | null = null,
): AttemptOutcome {
  const retryLater = (retryAfter: string | null) => {
    const backoff = nextRetryDelayMs(attemptsMade, policy, random);
    if (backoff === null) return { status: 'failed' as const };
    const asked = retryAfterMs(retryAfter, now, policy.maxDelayMs);
    return { status: 'retry' as const, nextAttemptAt: new Date(now.getTime() + (asked ?? backoff)) };
  };
  if (result.kind === 'error') {
    return {
      statusCode: null,
      error: result.error,
      responseExcerpt: null,
      next: result.permanent ? { status: 'failed' } : retryLater(null),
    };
  }
  const excerpt = result.body === '' ? null : result.body.slice(0, EXCERPT_CHARACTERS);
  if (result.status >= 200 && result.status < 300) {
    if (!refusal) return { statusCode: result.status, error: null, responseExcerpt: excerpt, next: { status: 'delivered' } };
    return { statusCode: result.status, error: refusal.error, responseExcerpt: excerpt, next: refusal.retryable ? retryLater(result.retryAfter) : { status: 'failed' } };
  }
  const error = `HTTP ${result.status}`;
  if (!isRetryableStatus(result.status)) return { statusCode: result.status, error, responseExcerpt: excerpt, next: { status: 'failed' } };
  return { statusCode: result.status, error, responseExcerpt: excerpt, next: retryLater(result.retryAfter) };
}

/**
 * Retry-After as seconds or an HTTP date, in ms from `now`; null when absent or not sane (negative,
 * unparsable, or beyond the schedule's longest delay: a peer must not park a delivery for a week).
 */
export function retryAfterMs(header: string | null, now: Date, maxDelayMs: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  let delay: number;
  if (/^\d{1,9}$/.test(text)) delay = Number(text) * 1000;
  else {
    const at = Date.parse(text);
    if (Number.isNaN(at)) return null;
    delay = at - now.getTime();
  }
  return delay >= 0 && delay <= maxDelayMs ? delay : null;
}
