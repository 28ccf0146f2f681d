import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { people, teams } from '../people/people.tables.ts';
import { serviceRequests } from '../requests/requests.tables.ts';
import { slaPolicies } from '../sla/sla.tables.ts';
import type { IntakeForm } from './intake-form.schema.ts';

export const requestTypes = ['question', 'incident', 'task', 'access'] as const;
export type RequestType = (typeof requestTypes)[number];

/** One step of a service's standard procedure (SOP), copied onto each request made from it. */
export interface ProcedureStep {
  title: string;
  description?: string;
}

/**
 * Who approves a request before work starts: the requester's manager (from the directory), a named
 * person, or any lead of the owning team.
 */
export type ApprovalRule = { approver: 'manager' } | { approver: 'team_lead' } | { approver: 'person'; personId: string };

/**
 * A multi-team workflow: the linked requests a service spawns, each from another service, and which
 * must be done before which. Keys are unique within the workflow; `after` names earlier keys.
 */
export interface WorkflowStepDefinition {
  key: string;
  serviceId: string;
  after: string[];
}

/** What a team offers. The current form is `service_forms` at `form_version`. */
export const services = pgTable(
  'services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    requestType: text('request_type', { enum: requestTypes }).notNull().default('question'),
    defaultPriority: text('default_priority', { enum: ['low', 'normal', 'high', 'urgent'] }).notNull().default('normal'),
    confidential: boolean('confidential').notNull().default(false),
    /** Teams whose members may request it (by home team); null = every employee. */
    audienceTeamIds: uuid('audience_team_ids').array(),
    formVersion: integer('form_version').notNull().default(1),
    procedure: jsonb('procedure').$type<ProcedureStep[]>().notNull().default([]),
    approval: jsonb('approval').$type<ApprovalRule | null>(),
    slaPolicyId: uuid('sla_policy_id').references((): AnyPgColumn => slaPolicies.id, { onDelete: 'set null' }),
    workflow: jsonb('workflow').$type<WorkflowStepDefinition[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    /** Optimistic concurrency for the admin console. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('services_slug_unique').on(table.slug),
    index('services_team_idx').on(table.teamId),
    check('services_slug_format', sql`${table.slug} ~ '^[a-z0-9][a-z0-9-]{0,62}$'`),
    check('services_procedure_is_array', sql`jsonb_typeof(${table.procedure}) = 'array'`),
    check('services_workflow_is_array', sql`jsonb_typeof(${table.workflow}) = 'array'`),
  ],
);

/** Every version a service's form has had: a request's answers name the version they were made with. */
export const serviceForms = pgTable(
  'service_forms',
  {
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    form: jsonb('form').$type<IntakeForm>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.serviceId, table.version] })],
);

/** The standard procedure copied onto a request: agents tick steps; the timeline says who and when. */
export const requestSteps = pgTable(
  'request_steps',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => serviceRequests.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by').references(() => people.id, { onDelete: 'set null' }),
  },
  (table) => [primaryKey({ columns: [table.requestId, table.position] })],
);

export const approvalStatuses = ['pending', 'approved', 'rejected'] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];

/**
 * An approval a request waits for before work starts. `approverId` is the one person who may decide
 * (manager, named person); for `team_lead`, any lead of `approverTeamId` may.
 */
export const requestApprovals = pgTable(
  'request_approvals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => serviceRequests.id, { onDelete: 'cascade' }),
    rule: text('rule', { enum: ['manager', 'team_lead', 'person'] }).notNull(),
    approverId: uuid('approver_id').references(() => people.id, { onDelete: 'set null' }),
    approverTeamId: uuid('approver_team_id').references(() => teams.id, { onDelete: 'set null' }),
    status: text('status', { enum: approvalStatuses }).notNull().default('pending'),
    comment: text('comment').notNull().default(''),
    decidedBy: uuid('decided_by').references(() => people.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('request_approvals_request_idx').on(table.requestId),
    index('request_approvals_pending_idx').on(table.approverId).where(sql`${table.status} = 'pending'`),
    check('request_approvals_status', sql`${table.status} in ('pending', 'approved', 'rejected')`),
    check('request_approvals_someone_decides', sql`${table.approverId} is not null or ${table.approverTeamId} is not null`),
  ],
);
