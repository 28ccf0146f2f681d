// The reports' period: from and to as calendar days ('YYYY-MM-DD', both included), the last 30 days
// unless the lead picks others. Pure, tested in report-period.test.ts.

export interface Period {
  from: string;
  to: string;
}

export const periodChoices = [7, 30, 90, 365] as const;
export type PeriodDays = (typeof periodChoices)[number];
export const DEFAULT_PERIOD_DAYS: PeriodDays = 30;

/** A local calendar day, as the viewer's own calendar names it. */
export function dayOf(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The last `days` days, today included. */
export function lastDays(days: number, today: Date = new Date()): Period {
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1));
  return { from: dayOf(start), to: dayOf(today) };
}

export function periodDaysFrom(value: string | null): PeriodDays {
  const days = Number(value);
  return (periodChoices as readonly number[]).includes(days) ? (days as PeriodDays) : DEFAULT_PERIOD_DAYS;
}

/** A rate (0..1, or null when nothing was counted) as people read it: "42%", or the words for none. */
export function rateWords(rate: number | null, none: string): string {
  return rate === null ? none : `${Math.round(rate * 100)}%`;
}
