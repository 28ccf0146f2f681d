import { asc, eq, inArray } from 'drizzle-orm';
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
