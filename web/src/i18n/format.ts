import { en } from './en.ts';

// Times and durations in words, in the viewer's time zone (the browser's unless a test says).

/** Wall-clock minutes as people say them: "45 minutes", "1 hour 10 minutes", "5 hours", "3 days". */
export function durationWords(minutes: number): string {
  const rounded = Math.max(1, Math.round(minutes));
  if (rounded < 60) return en.time.minutes(rounded);
  if (rounded < 48 * 60) {
    const hours = Math.floor(rounded / 60);
    const rest = rounded % 60;
    // Past a few hours, minutes are noise to the reader.
    if (rest === 0 || hours >= 6) return en.time.hours(Math.round(rounded / 60));
    return en.time.and(en.time.hours(hours), en.time.minutes(rest));
  }
  return en.time.days(Math.round(rounded / 1440));
}

/** Business minutes (an SLA target): counted in the team's working time, so said so. */
export function workingDurationWords(minutes: number): string {
  if (minutes < 60) return en.time.workingMinutes(minutes);
  return en.time.workingHours(Math.round((minutes / 60) * 10) / 10);
}

function dayKey(date: Date, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** "15:00 today", "08:00 tomorrow", "08:00 on Mon 30 Nov" (with the year when it is not this one). */
export function whenWords(iso: string, now: Date = new Date(), timeZone?: string): string {
  const date = new Date(iso);
  const time = new Intl.DateTimeFormat(en.locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  const tomorrow = new Date(now.getTime() + 86_400_000);
  const key = dayKey(date, timeZone);
  if (key === dayKey(now, timeZone)) return en.time.today(time);
  if (key === dayKey(tomorrow, timeZone)) return en.time.tomorrow(time);
  const sameYear = key.slice(0, 4) === dayKey(now, timeZone).slice(0, 4);
  const day = new Intl.DateTimeFormat(en.locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(date);
  return en.time.onDay(time, day);
}

/** "15:00" when it is today, else as whenWords. */
export function timeWords(iso: string, now: Date = new Date(), timeZone?: string): string {
  const words = whenWords(iso, now, timeZone);
  const time = new Intl.DateTimeFormat(en.locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  return words === en.time.today(time) ? time : words;
}

/** A date-time for lists and the timeline, e.g. "26 Nov 2026, 10:48". */
export function dateTimeWords(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(en.locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
