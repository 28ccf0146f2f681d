import { DateTime } from 'luxon';
import type { Queryable } from '../../platform/db/database.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { normaliseTimeZone } from '../people/time-zones.ts';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  CalendarNeverOpensError,
  isOpen,
  nextOpen,
  type BusinessCalendar,
  type Closure,
} from './business-time.ts';
import {
  weeklyIntervals,
  type CalendarDetailView,
  type CalendarView,
  type ClosureView,
  type CreateCalendarInput,
} from './calendars.schema.ts';
import * as store from './calendars.store.ts';

// The rules: which closures a calendar honours, and the arithmetic asked of it. The engine is pure;
// this file loads what it needs and turns its refusals into problems a client can act on.

function toView(row: store.CalendarRow): CalendarView {
  return { id: row.id, name: row.name, kind: row.kind, teamId: row.teamId, timeZone: row.timeZone, weekly: row.weekly };
}

function toClosure(row: store.ClosureRow): ClosureView {
  if (row.startsOn && row.endsOn) return { name: row.name, startsOn: row.startsOn, endsOn: row.endsOn };
  // `timestamp without time zone` comes back as "YYYY-MM-DD HH:MM:SS"; the API speaks "YYYY-MM-DDTHH:MM".
  return { name: row.name, startsAt: (row.startsAt ?? '').replace(' ', 'T').slice(0, 16), endsAt: (row.endsAt ?? '').replace(' ', 'T').slice(0, 16) };
}

interface LoadedCalendar {
  row: store.CalendarRow;
  ownClosures: ClosureView[];
  business: BusinessCalendar;
}

/**
 * A team calendar honours its own closures and the company's holidays (read on the team's wall
 * clock: Christmas Day is the 25th wherever the team sits); the holiday calendar honours its own.
 */
async function loadCalendar(db: Queryable, id: string): Promise<LoadedCalendar> {
  const row = await store.selectCalendarById(db, id);
  if (!row) throw new AppError('CALENDAR_NOT_FOUND', undefined, [{ field: 'params.id', reason: 'is not a calendar' }]);
  const holidayCalendars = row.kind === 'team' ? await store.selectCompanyHolidayCalendars(db) : [];
  const closureRows = await store.selectClosures(db, [row.id, ...holidayCalendars.map((calendar) => calendar.id)]);
  const closures = closureRows.map(toClosure);
  return {
    row,
    ownClosures: closureRows.filter((closure) => closure.calendarId === row.id).map(toClosure),
    business: { timeZone: row.timeZone, weekly: row.weekly, closures: closures.map(({ name: _name, ...range }): Closure => range) },
  };
}

export async function listCalendars(db: Queryable): Promise<CalendarView[]> {
  return (await store.selectCalendars(db)).map(toView);
}

export async function getCalendar(db: Queryable, id: string, now = new Date()): Promise<CalendarDetailView> {
  const { row, ownClosures, business } = await loadCalendar(db, id);
  return {
    ...toView(row),
    closures: ownClosures,
    openNow: isOpen(business, now),
    nextOpen: neverOpensAsNull(() => nextOpen(business, now).toISOString()),
  };
}

export async function addToCalendar(db: Queryable, id: string, from: string, minutes: number) {
  const { row, business } = await loadCalendar(db, id);
  const due = neverOpensAsProblem(() => addBusinessMinutes(business, new Date(from), minutes));
  return { calendarId: row.id, from: new Date(from).toISOString(), minutes, due: due.toISOString(), dueLocal: onWallClock(due, row.timeZone) };
}

export async function measureOnCalendar(db: Queryable, id: string, from: string, to: string) {
  const { row, business } = await loadCalendar(db, id);
  const minutes = businessMinutesBetween(business, new Date(from), new Date(to));
  return { calendarId: row.id, from: new Date(from).toISOString(), to: new Date(to).toISOString(), minutes };
}

export async function nextOpenOnCalendar(db: Queryable, id: string, at: string | undefined) {
  const { row, business } = await loadCalendar(db, id);
  const instant = at ? new Date(at) : new Date();
  const opens = neverOpensAsProblem(() => nextOpen(business, instant));
  return {
    calendarId: row.id,
    at: instant.toISOString(),
    open: opens.getTime() === instant.getTime(),
    nextOpen: opens.toISOString(),
    nextOpenLocal: onWallClock(opens, row.timeZone),
  };
}

/** For seeding and (later) the admin console: validates what the database cannot. */
export async function createCalendar(tx: Queryable, input: CreateCalendarInput): Promise<CalendarDetailView> {
  const timeZone = normaliseTimeZone(input.timeZone);
  if (!timeZone) throw fieldError('body.timeZone', 'is not an IANA time zone');
  const weekly = weeklyIntervals.safeParse(input.weekly);
  if (!weekly.success) throw fieldError('body.weekly', weekly.error.issues[0]?.message ?? 'is not valid');
  const row = await store.insertCalendar(tx, {
    ...(input.id ? { id: input.id } : {}),
    name: input.name,
    kind: input.kind,
    teamId: input.kind === 'team' ? (input.teamId ?? null) : null,
    timeZone,
    weekly: weekly.data.map((interval) => ({ ...interval, weekday: interval.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7 })),
  });
  await store.insertClosures(
    tx,
    (input.closures ?? []).map((closure) =>
      'startsOn' in closure
        ? { calendarId: row.id, name: closure.name, startsOn: closure.startsOn, endsOn: closure.endsOn }
        : { calendarId: row.id, name: closure.name, startsAt: closure.startsAt, endsAt: closure.endsAt },
    ),
  );
  return getCalendar(tx, row.id);
}

function onWallClock(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISO({ suppressMilliseconds: true }) ?? instant.toISOString();
}

function neverOpensAsProblem<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CalendarNeverOpensError) throw new AppError('CALENDAR_NEVER_OPENS', error.message);
    throw error;
  }
}

function neverOpensAsNull<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CalendarNeverOpensError) return null;
    throw error;
  }
}
