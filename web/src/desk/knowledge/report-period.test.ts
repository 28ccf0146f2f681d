import { describe, expect, it } from 'vitest';
import { DEFAULT_PERIOD_DAYS, lastDays, periodDaysFrom, rateWords } from './report-period.ts';

describe('the reports period', () => {
  it('is the last 30 days, today included, by default', () => {
    expect(DEFAULT_PERIOD_DAYS).toBe(30);
    expect(lastDays(30, new Date('2026-11-26T15:00:00Z'))).toEqual({ from: '2026-10-28', to: '2026-11-26' });
    expect(lastDays(7, new Date('2026-01-03T09:00:00Z'))).toEqual({ from: '2025-12-28', to: '2026-01-03' });
  });

  it('counts UTC days, as the report endpoints do, wherever the viewer is', () => {
    expect(lastDays(1, new Date('2026-03-29T23:30:00Z'))).toEqual({ from: '2026-03-29', to: '2026-03-29' });
    expect(lastDays(1, new Date('2026-03-30T00:30:00+02:00'))).toEqual({ from: '2026-03-29', to: '2026-03-29' });
  });

  it('takes only the offered lengths from the address', () => {
    expect(periodDaysFrom('90')).toBe(90);
    expect(periodDaysFrom('31')).toBe(30);
    expect(periodDaysFrom(null)).toBe(30);
  });

  it('words a rate, and says when nothing was counted', () => {
    expect(rateWords(0.4166, 'none')).toBe('42%');
    expect(rateWords(0, 'none')).toBe('0%');
    expect(rateWords(null, 'none')).toBe('none');
  });
});
