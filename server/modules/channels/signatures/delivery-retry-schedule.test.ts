import { describe, expect, it } from 'vitest';
import { nextRetryDelayMs, retryCeilingMs, type RetryPolicy } from './delivery-retry-schedule.ts';

const policy: RetryPolicy = { baseDelayMs: 1_000, maxDelayMs: 10_000, maxAttempts: 6 };
const always = (value: number) => () => value;

describe('the delivery retry schedule', () => {
  it('doubles the ceiling after each failure until the cap', () => {
    expect([1, 2, 3, 4, 5].map((attempts) => retryCeilingMs(attempts, policy))).toEqual([1_000, 2_000, 4_000, 8_000, 10_000]);
    expect(retryCeilingMs(5_000, policy)).toBe(10_000);
  });

  it('draws the delay uniformly below the ceiling (full jitter)', () => {
    expect(nextRetryDelayMs(3, policy, always(0))).toBe(0);
    expect(nextRetryDelayMs(3, policy, always(0.5))).toBe(2_000);
    expect(nextRetryDelayMs(3, policy, always(0.999))).toBe(3_996);
    expect(nextRetryDelayMs(5, policy, always(0.999))).toBe(9_990);
  });

  it('takes one draw per retry from the injected source', () => {
    const draws = [0.25, 0.75, 0.1, 0.9, 0.5];
    let next = 0;
    const sequence = () => draws[next++] ?? 0;
    const delays = [1, 2, 3, 4, 5].map((attempts) => nextRetryDelayMs(attempts, policy, sequence));
    expect(delays).toEqual([250, 1_500, 400, 7_200, 5_000]);
  });

  it('gives up once the attempts are spent', () => {
    expect(nextRetryDelayMs(5, policy, always(0.5))).not.toBeNull();
    expect(nextRetryDelayMs(6, policy, always(0.5))).toBeNull();
    expect(nextRetryDelayMs(60, policy, always(0.5))).toBeNull();
  });

  it('stays within [0, ceiling) whatever the random source returns', () => {
    for (const draw of [-1, 1, 7, Number.NaN, Number.POSITIVE_INFINITY]) {
      const delay = nextRetryDelayMs(2, policy, always(draw));
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(2_000);
    }
  });

  it('refuses an attempt count that is not a positive whole number', () => {
    expect(() => nextRetryDelayMs(0, policy)).toThrow(RangeError);
    expect(() => nextRetryDelayMs(1.5, policy)).toThrow(RangeError);
  });

  it('by default retries for about three hours over ten attempts', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((attempts) => retryCeilingMs(attempts));
    expect(ceilings.reduce((sum, ceiling) => sum + ceiling, 0)).toBe(30_000 * (1 + 2 + 4 + 8 + 16 + 32 + 64) + 2 * 3_600_000);
    expect(nextRetryDelayMs(10)).toBeNull();
  });
});
