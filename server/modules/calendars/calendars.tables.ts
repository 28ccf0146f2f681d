import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { teams } from '../people/people.tables.ts';
import type { WeeklyInterval } from './business-time.ts';

/**
 * When someone works: a team's business hours, or the company's holiday calendar. The weekly
 * intervals are one small document read and written whole, so they live in jsonb (validated by the
 * zod schema `weeklyIntervals` on the way in) rather than in a table of rows.
 */
export const calendars = pgTable(
  'calendars',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['team', 'company-holidays'] }).notNull(),
    /** The team whose hours these are; null for the company holiday calendar. */
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    /** IANA zone; business time is counted on this zone's wall clock. */
    timeZone: text('time_zone').notNull(),
    weekly: jsonb('weekly').$type<WeeklyInterval[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('calendars_team_idx').on(table.teamId),
    check('calendars_weekly_is_array', sql`jsonb_typeof(${table.weekly}) = 'array'`),
    check('calendars_kind', sql`${table.kind} in ('team', 'company-holidays')`),
    // A team calendar belongs to a team; the company holiday calendar belongs to nobody.
    check('calendars_team_matches_kind', sql`(${table.kind} = 'team') = (${table.teamId} is not null)`),
  ],
);

/**
 * A day or stretch when the calendar is closed. Either whole local days (starts_on..ends_on,
 * inclusive) or a local wall-clock range (starts_at..ends_at, end exclusive): `timestamp without time
 * zone` on purpose, because "closed 24 Dec from 13:00" means 13:00 on the calendar's own clock.
 */
export const calendarClosures = pgTable(
  'calendar_closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    calendarId: uuid('calendar_id')
      .notNull()
      .references(() => calendars.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    startsAt: timestamp('starts_at', { mode: 'string' }),
    endsAt: timestamp('ends_at', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('calendar_closures_calendar_idx').on(table.calendarId, table.startsOn, table.startsAt),
    check(
      'calendar_closures_one_shape',
      sql`(${table.startsOn} is not null and ${table.endsOn} is not null and ${table.startsAt} is null and ${table.endsAt} is null
        and ${table.endsOn} >= ${table.startsOn})
       or (${table.startsAt} is not null and ${table.endsAt} is not null and ${table.startsOn} is null and ${table.endsOn} is null
        and ${table.endsAt} > ${table.startsAt})`,
    ),
  ],
);
