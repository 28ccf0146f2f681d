// The reports' period: from and to as calendar days ('YYYY-MM-DD', both included), the last 30 days
// unless the lead picks others. Days are UTC days, as the report endpoints count them. Pure, tested
// in report-period.test.ts.

export interface Period {
  from: string;
  to: string;
}

export const periodChoices = [7, 30, 90, 365] as const;
export type PeriodDays = (typeof periodChoices)[number];
export const DEFAULT_PERIOD_DAYS: PeriodDays = 30;

const DAY_MS = 24 * 60 * 60 * 1000;
const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

/** The last `days` UTC days, today included. */
export function lastDays(days: number, now: Date = new Date()): Period {
  return { from: dayOf(new Date(now.getTime() - (days - 1) * DAY_MS)), to: dayOf(now) };
}

export function periodDaysFrom(value: string | null): PeriodDays {
  const days = Number(value);
  return (periodChoices as readonly number[]).includes(days) ? (days as PeriodDays) : DEFAULT_PERIOD_DAYS;
}

/** A rate (0..1, or null when nothing was counted) as people read it: "42%", or the words for none. */
export function rateWords(rate: number | null, none: string): string {
  return rate === null ? none : `${Math.round(rate * 100)}%`;
}
