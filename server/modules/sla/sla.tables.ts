import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { services } from '../catalog/catalog.tables.ts';
import { calendars } from '../calendars/calendars.tables.ts';
import { people, teams } from '../people/people.tables.ts';
import { serviceRequests } from '../requests/requests.tables.ts';

/** Targets in business minutes; a missing target is no commitment. */
export interface SlaTargets {
  firstResponse?: number;
  nextResponse?: number;
  resolution?: number;
}
export type SlaTargetsByPriority = Partial<Record<'low' | 'normal' | 'high' | 'urgent', SlaTargets>>;

/** What happens on a breach, in this order. */
export interface EscalationActions {
  notifyLead: boolean;
  raisePriority: boolean;
  /** A person of the owning team to reassign the request to. */
  reassignTo?: string | null;
}

/** A team's service-level policy: targets per priority, counted in the owning team's business time. */
export const slaPolicies = pgTable('sla_policies', {
  id: uuid('id').primaryKey().defaultRandom(),
  teamId: uuid('team_id')
    .notNull()
    .references(() => teams.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  targets: jsonb('targets').$type<SlaTargetsByPriority>().notNull(),
  /** A warning when this share of a target has elapsed (1-99). */
  warnAtPercent: integer('warn_at_percent').notNull().default(80),
  escalation: jsonb('escalation').$type<EscalationActions>().notNull().default({ notifyLead: true, raisePriority: false }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (table) => [
  index('sla_policies_team_idx').on(table.teamId),
  check('sla_policies_warn_at_percent', sql`${table.warnAtPercent} between 1 and 99`),
]);

/**
 * An internal agreement: a provider team commits its own targets to a consumer team (Sales gets a
 * 30-minute first response from IT at quarter end). It applies only once both teams' leads accepted,
 * and only between its dates (inclusive, on the provider's calendar day).
 */
export const internalAgreements = pgTable('internal_agreements', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  providerTeamId: uuid('provider_team_id')
    .notNull()
    .references(() => teams.id, { onDelete: 'cascade' }),
  consumerTeamId: uuid('consumer_team_id')
    .notNull()
    .references(() => teams.id, { onDelete: 'cascade' }),
  /** Null: every service of the provider. */
  serviceId: uuid('service_id').references(() => services.id, { onDelete: 'cascade' }),
  targets: jsonb('targets').$type<SlaTargetsByPriority>().notNull(),
  startsOn: text('starts_on'),
  endsOn: text('ends_on'),
  proposedBy: uuid('proposed_by').references(() => people.id, { onDelete: 'set null' }),
  providerAcceptedBy: uuid('provider_accepted_by').references(() => people.id, { onDelete: 'set null' }),
  providerAcceptedAt: timestamp('provider_accepted_at', { withTimezone: true }),
  consumerAcceptedBy: uuid('consumer_accepted_by').references(() => people.id, { onDelete: 'set null' }),
  consumerAcceptedAt: timestamp('consumer_accepted_at', { withTimezone: true }),
  withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (table) => [
  index('internal_agreements_provider_idx').on(table.providerTeamId, table.consumerTeamId),
  check('internal_agreements_two_teams', sql`${table.providerTeamId} <> ${table.consumerTeamId}`),
]);

export const slaMetrics = ['first_response', 'next_response', 'resolution'] as const;
export type SlaMetric = (typeof slaMetrics)[number];

/**
 * One service-level clock of a request. It runs in the owning team's business time: `consumedMinutes`
 * is the business time used up to `runningSince`; while running, `dueAt` and `warnAt` are the
 * instants the target and the warning share are reached. Paused (waiting on the requester or on an
 * approval), `runningSince`, `dueAt` and `warnAt` are null. Stopped, `met` says whether the target
 * held. `generation` is bumped at every reschedule, so a timer for an older schedule does nothing.
 * The timeline has every start, pause, resume, warning, breach and stop; this row is their summary.
 */
export const requestSlaClocks = pgTable(
  'request_sla_clocks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => serviceRequests.id, { onDelete: 'cascade' }),
    metric: text('metric', { enum: slaMetrics }).notNull(),
    targetMinutes: integer('target_minutes').notNull(),
    warnAtPercent: integer('warn_at_percent').notNull(),
    /** The owning team's calendar when the clock started; null counts every minute (no calendar). */
    calendarId: uuid('calendar_id').references(() => calendars.id, { onDelete: 'set null' }),
    source: text('source', { enum: ['policy', 'agreement'] }).notNull(),
    sourceId: uuid('source_id').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    consumedMinutes: numeric('consumed_minutes', { mode: 'number' }).notNull().default(0),
    runningSince: timestamp('running_since', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    warnAt: timestamp('warn_at', { withTimezone: true }),
    warnedAt: timestamp('warned_at', { withTimezone: true }),
    breachedAt: timestamp('breached_at', { withTimezone: true }),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
    met: text('met', { enum: ['met', 'missed'] }),
    generation: integer('generation').notNull().default(1),
  },
  (table) => [
    uniqueIndex('request_sla_clocks_request_metric_unique').on(table.requestId, table.metric),
    index('request_sla_clocks_due_idx').on(table.dueAt).where(sql`${table.stoppedAt} is null`),
    check('request_sla_clocks_metric', sql`${table.metric} in ('first_response', 'next_response', 'resolution')`),
    check('request_sla_clocks_target', sql`${table.targetMinutes} > 0`),
  ],
);
