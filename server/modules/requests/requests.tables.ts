import { sql, type SQL } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  type AnyPgColumn,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AnswerRecord } from '../catalog/intake-form.ts';
import { services } from '../catalog/catalog.tables.ts';
import { people, teams } from '../people/people.tables.ts';

export const requestStatuses = [
  /** Made from a service that needs approval: no work (and no SLA clock) until it is approved. */
  'pending_approval',
  'new',
  'acknowledged',
  'in_progress',
  'waiting_on_requester',
  'resolved',
  'closed',
] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export const requestPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type RequestPriority = (typeof requestPriorities)[number];

export const requestChannels = ['api', 'portal', 'email', 'chat', 'slack', 'teams', 'sms', 'phone', 'webhook'] as const;

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Every key prefix a team has ever used, and that team (null once it is deleted). Request numbers
 * come from one sequence per team (see migration 0001), so a key stays unique only while a prefix
 * never passes to another team: IT-42 may exist from before a rename or a handoff. Kept by a
 * trigger on `teams`, so every way a team comes into being or is renamed is covered.
 */
export const requestKeyPrefixes = pgTable('request_key_prefixes', {
  keyPrefix: text('key_prefix').primaryKey(),
  teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
});

export const serviceRequests = pgTable(
  'requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Human key, e.g. IT-42: the team's key prefix at creation and its per-team number. */
    key: text('key').notNull(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    /**
     * The number in the key. Not unique per team: a handoff moves a request to another team and
     * keeps its key (IT-42 stays IT-42 in HR), so `key` alone is the unique name.
     */
    number: integer('number').notNull(),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    status: text('status', { enum: requestStatuses }).notNull().default('new'),
    priority: text('priority', { enum: requestPriorities }).notNull().default('normal'),
    channel: text('channel', { enum: requestChannels }).notNull().default('api'),
    confidential: boolean('confidential').notNull().default(false),
    requesterId: uuid('requester_id')
      .notNull()
      .references(() => people.id),
    assigneeId: uuid('assignee_id').references(() => people.id),
    /** The catalog service it was asked through; null for a free-form request. */
    serviceId: uuid('service_id').references((): AnyPgColumn => services.id),
    /** The requester's answers to the service's intake form, with the form version they were made with. */
    answers: jsonb('answers').$type<AnswerRecord>(),
    /** The request of a multi-team workflow that spawned this one. */
    parentId: uuid('parent_id').references((): AnyPgColumn => serviceRequests.id),
    /** Optimistic concurrency: bumped by every change; a write must name the version it read. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    firstRespondedAt: timestamp('first_responded_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /**
     * The earliest due and warning instants of the request's running SLA clocks, kept by a trigger on
     * request_sla_clocks (migration 0006) so queues sort by due time and find "breaching soon" (the
     * warning share reached) through an index. Null when no clock runs (none, paused or stopped).
     */
    dueAt: timestamp('due_at', { withTimezone: true }),
    warnAt: timestamp('warn_at', { withTimezone: true }),
    searchText: tsvector('search_text').generatedAlwaysAs(
      (): SQL => sql`to_tsvector('simple', ${serviceRequests.subject} || ' ' || ${serviceRequests.description})`,
    ),
  },
  (table) => [
    uniqueIndex('requests_key_unique').on(table.key),
    index('requests_team_created_idx').on(table.teamId, table.createdAt.desc(), table.id.desc()),
    index('requests_requester_created_idx').on(table.requesterId, table.createdAt.desc(), table.id.desc()),
    index('requests_assignee_created_idx').on(table.assigneeId, table.createdAt.desc(), table.id.desc()),
    index('requests_created_idx').on(table.createdAt.desc(), table.id.desc()),
    index('requests_service_created_idx').on(table.serviceId, table.createdAt.desc()),
    index('requests_parent_idx').on(table.parentId),
    index('requests_team_due_idx').on(table.teamId, table.dueAt, table.id),
    index('requests_team_warn_idx').on(table.teamId, table.warnAt).where(sql`${table.warnAt} is not null`),
    index('requests_search_idx').using('gin', table.searchText),
    check('requests_subject_length', sql`char_length(${table.subject}) between 1 and 300`),
  ],
);

export const eventVisibilities = ['public', 'internal'] as const;

/**
 * The request's timeline: append-only (a trigger refuses UPDATE and DELETE). Every change to a
 * request writes one event here in the same transaction, so every service metric can be recomputed
 * from events alone.
 */
export const requestEvents = pgTable(
  'request_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => serviceRequests.id),
    /** Null when Hallway itself acted (a job, an automation). */
    actorId: uuid('actor_id').references(() => people.id),
    kind: text('kind').notNull(),
    visibility: text('visibility', { enum: eventVisibilities }).notNull().default('public'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    // Not declared here: "tx" (xid8, the writing transaction, for the live poller's cursor) and its
    // index come from the hand-written migration 0008. Declaring them would make drizzle-kit generate
    // a second migration adding them, since that migration's snapshot does not know of them; nothing
    // reads or writes the column through Drizzle (live/moved-requests.store.ts uses SQL).
  },
  (table) => [index('request_events_request_idx').on(table.requestId, table.id)],
);
