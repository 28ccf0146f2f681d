import type { Closure } from '../../api/types.ts';
import { en } from '../../i18n/en.ts';

// The company's closures still ahead, by year, in words with the day of the week. Pure: the page
// passes "now" on the calendar's own clock, so a closure is upcoming by the company's date, not the viewer's.

export interface Holiday {
  id: string;
  name: string;
  /** "Fri 25 Dec", "Thu 24 Dec – Mon 28 Dec", "Thu 24 Dec, 13:00–17:00". */
  when: string;
  /** Whole days closed, for a closure of days; null for a part of a day. */
  days: number | null;
}

export interface HolidayYear {
  year: number;
  holidays: Holiday[];
}

/** Today's date and the wall-clock minute in a time zone: "2026-11-26" and "2026-11-26T14:05". */
export function localNow(timeZone: string, now: Date = new Date()): { date: string; dateTime: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return { date, dateTime: `${date}T${parts.hour}:${parts.minute}` };
}

/** A calendar date, not an instant: formatted in UTC so no zone moves it to the day before. */
function dayWords(date: string, withYear: boolean): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(en.locale, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
  }).format(new Date(Date.UTC(year, month - 1, day)));
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

function describe(closure: Closure): Holiday & { startsOn: string } {
  if ('startsOn' in closure) {
    const crossesYear = closure.startsOn.slice(0, 4) !== closure.endsOn.slice(0, 4);
    const when =
      closure.startsOn === closure.endsOn
        ? dayWords(closure.startsOn, false)
        : en.holidays.range(dayWords(closure.startsOn, false), dayWords(closure.endsOn, crossesYear));
    return { id: closure.id, name: closure.name, when, days: daysBetween(closure.startsOn, closure.endsOn) + 1, startsOn: closure.startsOn };
  }
  const [startDay = '', startTime = ''] = closure.startsAt.split('T');
  const [endDay = '', endTime = ''] = closure.endsAt.split('T');
  const when =
    startDay === endDay
      ? en.holidays.partOfDay(dayWords(startDay, false), startTime, endTime)
      : en.holidays.range(`${dayWords(startDay, false)} ${startTime}`, `${dayWords(endDay, startDay.slice(0, 4) !== endDay.slice(0, 4))} ${endTime}`);
  return { id: closure.id, name: closure.name, when, days: null, startsOn: startDay };
}

/** Closures not yet over at `now` (the calendar's local date and minute), soonest first, grouped by the year they start. */
export function upcomingByYear(closures: Closure[], now: { date: string; dateTime: string }): HolidayYear[] {
  const upcoming = closures
    .filter((closure) => ('endsOn' in closure ? closure.endsOn >= now.date : closure.endsAt > now.dateTime))
    .map(describe)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.name.localeCompare(b.name));
  const years = new Map<number, Holiday[]>();
  for (const { startsOn, ...holiday } of upcoming) {
    const year = Number(startsOn.slice(0, 4));
    years.set(year, [...(years.get(year) ?? []), holiday]);
  }
  return [...years].map(([year, holidays]) => ({ year, holidays }));
}
