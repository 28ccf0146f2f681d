import { DateTime } from 'luxon';
import type { Queryable } from '../../platform/db/database.ts';
import type { Weekday } from '../calendars/business-time.ts';
import type { ClosureInput, CreateCalendarInput } from '../calendars/calendars.schema.ts';
// Calendars are created through the calendars service, not written directly: it validates the zone
// and the weekly intervals, and it is the one place that knows how a calendar and its closures are stored.
import { createCalendar } from '../calendars/calendars.service.ts';
import type { DemoDirectory } from './demo-directory.ts';

export const DEMO_HOLIDAY_CALENDAR = 'Lumen Works holidays';
const COMPANY_ZONE = 'Europe/London';

type Weekly = CreateCalendarInput['weekly'];

const days = (weekdays: Weekday[], ...ranges: Array<[start: string, end: string]>): Weekly =>
  weekdays.flatMap((weekday) => ranges.map(([start, end]) => ({ weekday, start, end })));
const MON_FRI: Weekday[] = [1, 2, 3, 4, 5];
const MON_THU: Weekday[] = [1, 2, 3, 4];

export interface DemoTeamCalendar {
  team: string;
  name: string;
  timeZone: string;
  weekly: Weekly;
}

/** Every serving team's hours, on the clock of where the team is run from. */
export const demoTeamCalendars: DemoTeamCalendar[] = [
  { team: 'it', name: 'IT service desk hours', timeZone: 'Europe/London', weekly: days(MON_FRI, ['08:00', '18:00']) },
  { team: 'hr', name: 'HR hours', timeZone: 'Europe/London', weekly: days(MON_FRI, ['09:00', '12:30'], ['13:30', '17:30']) },
  {
    team: 'payroll',
    name: 'Payroll hours',
    timeZone: 'Europe/London',
    weekly: [...days(MON_THU, ['09:00', '17:00']), ...days([5], ['09:00', '16:00'])],
  },
  { team: 'finance', name: 'Finance hours', timeZone: 'Europe/London', weekly: days(MON_FRI, ['09:00', '17:30']) },
  { team: 'facilities', name: 'Facilities hours', timeZone: 'Europe/London', weekly: days(MON_FRI, ['07:30', '16:30']) },
  // Training is led from Lisbon (Hugo Martin), so its day is counted on the Lisbon clock.
  { team: 'training', name: 'Training hours', timeZone: 'Europe/Lisbon', weekly: days(MON_FRI, ['09:00', '17:00']) },
];

const isoDate = (date: DateTime) => date.toISODate()!;

/** Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm). */
function easterSunday(year: number): DateTime {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return DateTime.utc(year, month, day);
}

function firstMonday(year: number, month: number): DateTime {
  const first = DateTime.utc(year, month, 1);
  return first.plus({ days: (8 - first.weekday) % 7 });
}

function lastMonday(year: number, month: number): DateTime {
  const last = DateTime.utc(year, month, 1).endOf('month').startOf('day');
  return last.minus({ days: (last.weekday + 6) % 7 });
}

/** The next weekday on or after `date` that is not already taken. */
function substitute(date: DateTime, taken: Set<string>): DateTime {
  let day = date;
  while (day.weekday >= 6 || taken.has(isoDate(day))) day = day.plus({ days: 1 });
  return day;
}

/**
 * The England and Wales bank holidays of one year, by the standing rules (gov.uk/bank-holidays):
 * New Year's Day, Good Friday, Easter Monday, the early May and spring bank holidays (first and last
 * Monday of May), the summer bank holiday (last Monday of August), Christmas Day and Boxing Day,
 * with a weekday "substitute day" when one falls at a weekend. One-off holidays proclaimed for a
 * single year (a jubilee, a coronation) are not rules and are not here.
 * For 2026 this gives 1 Jan, 3 and 6 Apr, 4 and 25 May, 31 Aug, 25 and 28 Dec; for 2027 1 Jan,
 * 26 and 29 Mar, 3 and 31 May, 30 Aug, 27 and 28 Dec: the dates gov.uk publishes.
 */
export function englandAndWalesBankHolidays(year: number): ClosureInput[] {
  const easter = easterSunday(year);
  const fixed: Array<[string, DateTime]> = [
    ['Good Friday', easter.minus({ days: 2 })],
    ['Easter Monday', easter.plus({ days: 1 })],
    ['Early May bank holiday', firstMonday(year, 5)],
    ['Spring bank holiday', lastMonday(year, 5)],
    ['Summer bank holiday', lastMonday(year, 8)],
  ];
  const taken = new Set<string>();
  const newYear = substitute(DateTime.utc(year, 1, 1), taken);
  taken.add(isoDate(newYear));
  const christmas = substitute(DateTime.utc(year, 12, 25), taken);
  taken.add(isoDate(christmas));
  const boxingDay = substitute(DateTime.utc(year, 12, 26), taken);
  const holidays: Array<[string, DateTime]> = [
    [newYear.day === 1 ? "New Year's Day" : "New Year's Day (substitute day)", newYear],
    ...fixed,
    [christmas.day === 25 ? 'Christmas Day' : 'Christmas Day (substitute day)', christmas],
    [boxingDay.day === 26 ? 'Boxing Day' : 'Boxing Day (substitute day)', boxingDay],
  ];
  return holidays
    .map(([name, date]) => ({ name, startsOn: isoDate(date), endsOn: isoDate(date) }))
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
}

/**
 * The day Facilities is closed for the office move: the first Friday at least two weeks after the
 * seeding date (on the London calendar) that is not a bank holiday.
 */
export function officeMoveDay(now: Date, holidays: ClosureInput[]): string {
  const closed = new Set(holidays.flatMap((holiday) => ('startsOn' in holiday ? [holiday.startsOn] : [])));
  let day = DateTime.fromJSDate(now, { zone: COMPANY_ZONE }).startOf('day').plus({ days: 14 });
  while (day.weekday !== 5 || closed.has(isoDate(day))) day = day.plus({ days: 1 });
  return isoDate(day);
}

/**
 * The company holiday calendar (this year's and next year's bank holidays, counted from the seeding
 * date on the London calendar) and one calendar per serving team, inside the caller's transaction.
 * Returns how many calendars were created.
 */
export async function seedDemoCalendars(tx: Queryable, directory: DemoDirectory, now: Date): Promise<number> {
  const year = DateTime.fromJSDate(now, { zone: COMPANY_ZONE }).year;
  const holidays = [...englandAndWalesBankHolidays(year), ...englandAndWalesBankHolidays(year + 1)];
  await createCalendar(tx, { name: DEMO_HOLIDAY_CALENDAR, kind: 'company-holidays', timeZone: COMPANY_ZONE, weekly: [], closures: holidays });

  const moveDay = officeMoveDay(now, holidays);
  for (const calendar of demoTeamCalendars) {
    const closures: ClosureInput[] =
      calendar.team === 'facilities' ? [{ name: 'Office move: London office moves to the new building', startsOn: moveDay, endsOn: moveDay }] : [];
    await createCalendar(tx, {
      name: calendar.name,
      kind: 'team',
      teamId: directory.teamIdBySlug.get(calendar.team)!,
      timeZone: calendar.timeZone,
      weekly: calendar.weekly,
      closures,
    });
  }
  return 1 + demoTeamCalendars.length;
}
