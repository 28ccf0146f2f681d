import { DateTime } from 'luxon';
import type { Queryable } from '../../platform/db/database.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { requireTeamBySlug } from '../people/people.service.ts';
import { normaliseTimeZone } from '../people/time-zones.ts';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  CalendarNeverOpensError,
  isOpen,
  nextClose,
  nextOpen,
  type BusinessCalendar,
  type Closure,
} from './business-time.ts';
import {
  weeklyIntervals,
  type CalendarDetailView,
  type CalendarView,
  type ClosureInput,
  type ClosureView,
  type CreateCalendarInput,
  type UpdateCalendarInput,
} from './calendars.schema.ts';
import * as store from './calendars.store.ts';
import { dayAfter, serializeCalendar, type IcsEvent } from './ics.ts';

// The rules: which closures a calendar honours, and the arithmetic asked of it. The engine is pure;
// this file loads what it needs and turns its refusals into problems a client can act on.

function toView(row: store.CalendarRow): CalendarView {
  return { id: row.id, name: row.name, kind: row.kind, teamId: row.teamId, timeZone: row.timeZone, weekly: row.weekly };
}

function toClosure(row: store.ClosureRow): ClosureView {
  if (row.startsOn && row.endsOn) return { id: row.id, name: row.name, startsOn: row.startsOn, endsOn: row.endsOn };
  // `timestamp without time zone` comes back as "YYYY-MM-DD HH:MM:SS"; the API speaks "YYYY-MM-DDTHH:MM".
  return { id: row.id, name: row.name, startsAt: localMinute(row.startsAt), endsAt: localMinute(row.endsAt) };
}

const localMinute = (value: string | null): string => (value ?? '').replace(' ', 'T').slice(0, 16);

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
  return loadClosures(db, row);
}

async function loadClosures(db: Queryable, row: store.CalendarRow): Promise<LoadedCalendar> {
  const holidayCalendars = row.kind === 'team' ? await store.selectCompanyHolidayCalendars(db) : [];
  const closureRows = await store.selectClosures(db, [row.id, ...holidayCalendars.map((calendar) => calendar.id)]);
  return withClosures(row, closureRows);
}

/** `closureRows`: the calendar's own and, for a team calendar, the company holidays'. */
function withClosures(row: store.CalendarRow, closureRows: store.ClosureRow[]): LoadedCalendar {
  const closures = closureRows.map(toClosure);
  return {
    row,
    ownClosures: closureRows.filter((closure) => closure.calendarId === row.id).map(toClosure),
    business: { timeZone: row.timeZone, weekly: row.weekly, closures: closures.map(({ id: _id, name: _name, ...range }): Closure => range) },
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

/**
 * "When is team X open next": the team is read through the people module, its calendar (kind
 * 'team') honours the company holidays like every other answer here.
 */
export async function teamAvailability(db: Queryable, slug: string, at: string | undefined) {
  const team = await requireTeamBySlug(db, slug, 'params.slug', { cached: true });
  const calendarRow = await store.selectTeamCalendar(db, team.id);
  if (!calendarRow) throw new AppError('TEAM_HAS_NO_CALENDAR', undefined, [{ field: 'params.slug', reason: 'this team has no calendar' }]);
  const { row, business } = await loadClosures(db, calendarRow);
  const instant = at ? new Date(at) : new Date();
  const opens = neverOpensAsProblem(() => nextOpen(business, instant));
  const openNow = opens.getTime() === instant.getTime();
  const closes = openNow ? nextClose(business, instant) : null;
  return {
    team: { slug: team.slug, name: team.name },
    calendarId: row.id,
    timeZone: row.timeZone,
    at: instant.toISOString(),
    openNow,
    nextOpenAt: opens.toISOString(),
    nextOpenLocal: onWallClock(opens, row.timeZone),
    ...(closes ? { closesAt: closes.toISOString() } : {}),
  };
}

function validTimeZone(input: string): string {
  const timeZone = normaliseTimeZone(input);
  if (!timeZone) throw fieldError('body.timeZone', 'is not an IANA time zone');
  return timeZone;
}

function validWeekly(input: unknown): store.CalendarRow['weekly'] {
  const weekly = weeklyIntervals.safeParse(input);
  if (!weekly.success) throw fieldError('body.weekly', weekly.error.issues[0]?.message ?? 'is not valid');
  return weekly.data.map((interval) => ({ ...interval, weekday: interval.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7 }));
}

const closureRow = (calendarId: string, closure: ClosureInput): store.NewClosureRow =>
  'startsOn' in closure
    ? { calendarId, name: closure.name, startsOn: closure.startsOn, endsOn: closure.endsOn }
    : { calendarId, name: closure.name, startsAt: closure.startsAt, endsAt: closure.endsAt };

/** The calendar, or 404 naming the id: for routes that must know whose calendar it is before acting. */
export async function requireCalendar(db: Queryable, id: string): Promise<CalendarView> {
  const row = await store.selectCalendarById(db, id);
  if (!row) throw new AppError('CALENDAR_NOT_FOUND', undefined, [{ field: 'params.id', reason: 'is not a calendar' }]);
  return toView(row);
}

/** For seeding and the admin routes: validates what the database cannot. */
export async function createCalendar(tx: Queryable, input: CreateCalendarInput): Promise<CalendarDetailView> {
  const timeZone = validTimeZone(input.timeZone);
  const weekly = validWeekly(input.weekly);
  let row: store.CalendarRow;
  try {
    row = await store.insertCalendar(tx, {
      ...(input.id ? { id: input.id } : {}),
      name: input.name,
      kind: input.kind,
      teamId: input.kind === 'team' ? (input.teamId ?? null) : null,
      timeZone,
      weekly,
    });
  } catch (error) {
    if (store.violatedForeignKey(error)) throw fieldError('body.teamId', 'is not a team');
    throw error;
  }
  await store.insertClosures(tx, (input.closures ?? []).map((closure) => closureRow(row.id, closure)));
  return getCalendar(tx, row.id);
}

export async function updateCalendar(tx: Queryable, id: string, input: UpdateCalendarInput): Promise<CalendarDetailView> {
  const changes: Parameters<typeof store.updateCalendar>[2] = {};
  if (input.name !== undefined) changes.name = input.name;
  if (input.timeZone !== undefined) changes.timeZone = validTimeZone(input.timeZone);
  if (input.weekly !== undefined) changes.weekly = validWeekly(input.weekly);
  const row = await store.updateCalendar(tx, id, changes);
  if (!row) throw new AppError('CALENDAR_NOT_FOUND', undefined, [{ field: 'params.id', reason: 'is not a calendar' }]);
  return getCalendar(tx, row.id);
}

export async function addClosure(tx: Queryable, calendarId: string, closure: ClosureInput): Promise<ClosureView> {
  return toClosure(await store.insertClosure(tx, closureRow(calendarId, closure)));
}

export async function removeClosure(tx: Queryable, calendarId: string, closureId: string): Promise<void> {
  if (!(await store.deleteClosure(tx, calendarId, closureId))) {
    throw new AppError('CLOSURE_NOT_FOUND', undefined, [{ field: 'params.closureId', reason: 'is not a closure of this calendar' }]);
  }
}

/** Fixed and domain-free, so UIDs stay the same whoever hosts Hallway and under whatever name. */
const UID_SUFFIX = '@hallway';

/**
 * The calendar's own closures as an iCalendar feed. Whole days stay whole days (DTEND the day
 * after); a wall-clock range is read on the calendar's zone and written in UTC, so every
 * subscriber sees the instant the team actually closes. DTSTAMP is when the closure was recorded,
 * so the feed is byte-identical between refreshes until something changes.
 */
export async function calendarFeed(db: Queryable, id: string): Promise<{ name: string; body: string }> {
  const row = await store.selectCalendarById(db, id);
  if (!row) throw new AppError('CALENDAR_NOT_FOUND', undefined, [{ field: 'params.id', reason: 'is not a calendar' }]);
  const closures = await store.selectClosures(db, [row.id]);
  const events = closures.map((closure): IcsEvent => {
    const base = { uid: `${closure.id}${UID_SUFFIX}`, stamp: closure.createdAt, summary: closure.name };
    if (closure.startsOn && closure.endsOn) return { ...base, start: { date: closure.startsOn }, end: { date: dayAfter(closure.endsOn) } };
    return { ...base, start: { instant: wallClockInstant(closure.startsAt, row.timeZone) }, end: { instant: wallClockInstant(closure.endsAt, row.timeZone) } };
  });
  return { name: row.name, body: serializeCalendar({ prodId: '-//Hallway//Holidays//EN', name: row.name, events }) };
}

/** A stored local wall-clock time on the calendar's clock; a time skipped by a clock change moves forward. */
function wallClockInstant(local: string | null, timeZone: string): Date {
  return DateTime.fromISO(localMinute(local), { zone: timeZone }).toJSDate();
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

/** A calendar ready for the business-time engine: its id, zone, and hours with every closure it honours. */
export interface TeamBusinessCalendar {
  calendarId: string;
  timeZone: string;
  business: BusinessCalendar;
}

/**
 * The team's calendar (with the company holidays) for other modules' arithmetic, e.g. SLA clocks;
 * undefined when the team keeps no calendar, so the caller decides what that means.
 */
export async function businessCalendarOfTeam(db: Queryable, teamId: string): Promise<TeamBusinessCalendar | undefined> {
  // One statement on a filing's hot path: the calendars and their closures together.
  const { calendar: row, closures } = await store.selectTeamCalendarWithClosures(db, teamId);
  if (!row) return undefined;
  const { business } = withClosures(row, closures);
  return { calendarId: row.id, timeZone: row.timeZone, business };
}

/** The same by calendar id (a clock keeps counting on the calendar it started with); undefined once deleted. */
export async function businessCalendarById(db: Queryable, calendarId: string): Promise<TeamBusinessCalendar | undefined> {
  const row = await store.selectCalendarById(db, calendarId);
  if (!row) return undefined;
  const { business } = await loadClosures(db, row);
  return { calendarId: row.id, timeZone: row.timeZone, business };
}
