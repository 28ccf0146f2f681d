import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** A team: a department that serves others (IT, HR ...) or simply one people belong to (Sales). */
export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    email: text('email'),
    /** Prefix of the team's request keys: IT-42. */
    keyPrefix: text('key_prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('teams_slug_unique').on(table.slug),
    uniqueIndex('teams_key_prefix_unique').on(table.keyPrefix),
    check('teams_slug_format', sql`${table.slug} ~ '^[a-z0-9][a-z0-9-]{0,62}$'`),
    check('teams_key_prefix_format', sql`${table.keyPrefix} ~ '^[A-Z][A-Z0-9]{0,9}$'`),
  ],
);

/** Everyone in the directory. Every person is an employee and may ask for help. */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-case; unique. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    title: text('title'),
    /** The person's home team in the organisation chart (not the teams they work requests for). */
    homeTeamId: uuid('home_team_id').references(() => teams.id, { onDelete: 'set null' }),
    managerId: uuid('manager_id').references((): AnyPgColumn => people.id, { onDelete: 'set null' }),
    location: text('location'),
    timeZone: text('time_zone').notNull().default('UTC'),
    phone: text('phone'),
    isAdmin: boolean('is_admin').notNull().default(false),
    active: boolean('active').notNull().default(true),
    /**
     * How the person likes to be thanked for their help: in public (team channels, the review) or
     * privately. Null until they are asked, once, at their first sign-in to the web app.
     */
    recognition: text('recognition', { enum: ['public', 'private'] }),
    /** argon2id; null for people who have never been given a password (they sign in otherwise later). */
    passwordHash: text('password_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('people_email_unique').on(table.email),
    index('people_manager_idx').on(table.managerId),
    index('people_home_team_idx').on(table.homeTeamId),
    check('people_email_lower', sql`${table.email} = lower(${table.email})`),
    check('people_recognition', sql`${table.recognition} in ('public', 'private')`),
  ],
);

/** Who works requests for which team. A lead is also an agent of the team. */
export const teamMemberships = pgTable(
  'team_memberships',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['agent', 'lead'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.teamId, table.personId] }),
    index('team_memberships_person_idx').on(table.personId),
    check('team_memberships_role', sql`${table.role} in ('agent', 'lead')`),
  ],
);
