import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.ts';
import { calendarClosures, calendars } from './calendars.tables.ts';

export type CalendarRow = typeof calendars.$inferSelect;
export type NewCalendarRow = typeof calendars.$inferInsert;
export type ClosureRow = typeof calendarClosures.$inferSelect;
export type NewClosureRow = typeof calendarClosures.$inferInsert;

export async function selectCalendars(db: Queryable): Promise<CalendarRow[]> {
  return db.select().from(calendars).orderBy(asc(calendars.kind), asc(calendars.name), asc(calendars.id));
}

export async function selectCalendarById(db: Queryable, id: string): Promise<CalendarRow | undefined> {
  const [calendar] = await db.select().from(calendars).where(eq(calendars.id, id)).limit(1);
  return calendar;
}

/** The team's calendar; should a team ever have two, the oldest, so the answer does not wander. */
export async function selectTeamCalendar(db: Queryable, teamId: string): Promise<CalendarRow | undefined> {
  const [calendar] = await db
    .select()
    .from(calendars)
    .where(and(eq(calendars.kind, 'team'), eq(calendars.teamId, teamId)))
    .orderBy(asc(calendars.createdAt), asc(calendars.id))
    .limit(1);
  return calendar;
}

/**
 * What a team's business time needs, in one statement: the team's calendar (the oldest, as
 * selectTeamCalendar), the company-holiday calendars it honours, and the closures of those,
 * ordered as selectClosures orders them.
 */
export async function selectTeamCalendarWithClosures(
  db: Queryable,
  teamId: string,
): Promise<{ calendar: CalendarRow | undefined; holidays: CalendarRow[]; closures: ClosureRow[] }> {
  const rows = await db
    .select({ calendar: calendars, closure: calendarClosures })
    .from(calendars)
    .leftJoin(calendarClosures, eq(calendarClosures.calendarId, calendars.id))
    .where(or(and(eq(calendars.kind, 'team'), eq(calendars.teamId, teamId)), eq(calendars.kind, 'company-holidays')))
    .orderBy(asc(calendarClosures.startsOn), asc(calendarClosures.startsAt), asc(calendarClosures.id));
  const byAge = (a: CalendarRow, b: CalendarRow) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const distinct = [...new Map(rows.map(({ calendar }) => [calendar.id, calendar])).values()];
  const calendar = distinct.filter((row) => row.kind === 'team').sort(byAge)[0];
  const holidays = distinct.filter((row) => row.kind === 'company-holidays');
  const honoured = new Set([calendar?.id, ...holidays.map((row) => row.id)]);
  const closures = rows.flatMap(({ closure }) => (closure && honoured.has(closure.calendarId) ? [closure] : []));
  return { calendar, holidays, closures };
}

export async function selectCompanyHolidayCalendars(db: Queryable): Promise<CalendarRow[]> {
  return db.select().from(calendars).where(eq(calendars.kind, 'company-holidays'));
}

export async function selectClosures(db: Queryable, calendarIds: string[]): Promise<ClosureRow[]> {
  if (calendarIds.length === 0) return [];
  return db
    .select()
    .from(calendarClosures)
    .where(inArray(calendarClosures.calendarId, calendarIds))
    .orderBy(asc(calendarClosures.startsOn), asc(calendarClosures.startsAt), asc(calendarClosures.id));
}

export async function insertCalendar(tx: Queryable, row: NewCalendarRow): Promise<CalendarRow> {
  const [calendar] = await tx.insert(calendars).values(row).returning();
  if (!calendar) throw new Error('insert returned no row');
  return calendar;
}

export async function insertClosures(tx: Queryable, rows: NewClosureRow[]): Promise<void> {
  if (rows.length > 0) await tx.insert(calendarClosures).values(rows);
}

export async function updateCalendar(
  tx: Queryable,
  id: string,
  changes: Partial<Pick<NewCalendarRow, 'name' | 'timeZone' | 'weekly'>>,
): Promise<CalendarRow | undefined> {
  const [calendar] = await tx
    .update(calendars)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(calendars.id, id))
    .returning();
  return calendar;
}

export async function insertClosure(tx: Queryable, row: NewClosureRow): Promise<ClosureRow> {
  const [closure] = await tx.insert(calendarClosures).values(row).returning();
  if (!closure) throw new Error('insert returned no row');
  return closure;
}

/** True when the closure existed on that calendar (and is now gone). */
export async function deleteClosure(tx: Queryable, calendarId: string, closureId: string): Promise<boolean> {
  const deleted = await tx
    .delete(calendarClosures)
    .where(and(eq(calendarClosures.calendarId, calendarId), eq(calendarClosures.id, closureId)))
    .returning({ id: calendarClosures.id });
  return deleted.length > 0;
}

/** Why a write failed, if a foreign key refused it (either driver, wrapped or not). */
export function violatedForeignKey(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if ((current as Error & { code?: string }).code === '23503') return true;
  }
  return false;
}
