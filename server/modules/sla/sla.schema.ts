import { z } from 'zod';
import { slaMetrics } from './sla.tables.ts';

// One schema per endpoint: validation, TypeScript types and the OpenAPI document at once. The
// services parse targets and escalation with these too, so seeds and the demo get the same checks.

/** A year of minutes: a longer target is a typo, and it keeps due instants within the engine's reach. */
const MAX_TARGET_MINUTES = 525_600;
const minutes = z
  .int('must be a whole number of minutes')
  .positive('must be more than 0 minutes')
  .max(MAX_TARGET_MINUTES, `must be at most ${MAX_TARGET_MINUTES} minutes`);

export const slaTargets = z.strictObject({
  firstResponse: minutes.optional(),
  nextResponse: minutes.optional(),
  resolution: minutes.optional(),
});

/** Targets per priority, in business minutes of the owning team; a missing target is no commitment. */
export const slaTargetsByPriority = z.strictObject({
  low: slaTargets.optional(),
  normal: slaTargets.optional(),
  high: slaTargets.optional(),
  urgent: slaTargets.optional(),
});

export const escalationActions = z.strictObject({
  notifyLead: z.boolean().default(true),
  raisePriority: z.boolean().default(false),
  reassignTo: z.uuid('must be a person id').nullable().optional().describe('An agent of the policy\'s team; checked on save and again on breach'),
});

const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const teamSlug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a team slug such as "it"');
const warnAtPercent = z.int('must be a whole percentage').min(1, 'must be 1 to 99').max(99, 'must be 1 to 99');

export const createPolicyBody = z.strictObject({
  team: teamSlug.describe('The team whose commitment this is'),
  name,
  targets: slaTargetsByPriority,
  warnAtPercent: warnAtPercent.default(80).describe('Warn when this share of a target has elapsed'),
  escalation: escalationActions.default({ notifyLead: true, raisePriority: false }),
});

export const updatePolicyBody = z.strictObject({
  name: name.optional(),
  targets: slaTargetsByPriority.optional(),
  warnAtPercent: warnAtPercent.optional(),
  escalation: escalationActions.optional(),
});

export const policyIdParams = z.strictObject({ id: z.uuid('must be an SLA policy id') });

const teamRef = z.object({ id: z.uuid(), slug: z.string(), name: z.string() });

export const policyView = z.object({
  id: z.uuid(),
  team: teamRef,
  name: z.string(),
  targets: slaTargetsByPriority,
  warnAtPercent: z.int(),
  escalation: z.object({ notifyLead: z.boolean(), raisePriority: z.boolean(), reassignTo: z.uuid().nullable().optional() }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type PolicyView = z.infer<typeof policyView>;

const localDate = z.iso.date({ message: 'must be a date YYYY-MM-DD' });

export const proposeAgreementBody = z.strictObject({
  name,
  providerTeam: teamSlug.describe('The team that commits to the targets'),
  consumerTeam: teamSlug.describe('The team whose members get them (by home team)'),
  serviceId: z.uuid('must be a service id').nullable().optional().describe('One service of the provider; null or absent: all of them'),
  targets: slaTargetsByPriority,
  startsOn: localDate.nullable().optional().describe('Inclusive, on the provider\'s calendar day'),
  endsOn: localDate.nullable().optional().describe('Inclusive'),
});

export const agreementIdParams = z.strictObject({ id: z.uuid('must be an agreement id') });

export const agreementStatuses = ['proposed', 'in_force', 'withdrawn'] as const;
export const agreementView = z.object({
  id: z.uuid(),
  name: z.string(),
  providerTeam: teamRef,
  consumerTeam: teamRef,
  serviceId: z.uuid().nullable(),
  targets: slaTargetsByPriority,
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  proposedBy: z.uuid().nullable(),
  providerAcceptedAt: z.iso.datetime().nullable(),
  consumerAcceptedAt: z.iso.datetime().nullable(),
  withdrawnAt: z.iso.datetime().nullable(),
  /** in_force: both leads accepted and not withdrawn (whether today is within its dates is apart). */
  status: z.enum(agreementStatuses),
  createdAt: z.iso.datetime(),
});
export type AgreementView = z.infer<typeof agreementView>;

export const clockView = z.object({
  metric: z.enum(slaMetrics),
  source: z.enum(['policy', 'agreement']),
  targetMinutes: z.number(),
  startedAt: z.iso.datetime(),
  /** While running: when the target is reached. Null while paused or once stopped. */
  dueAt: z.iso.datetime().nullable(),
  paused: z.boolean(),
  /** Business minutes left (negative once over); at stop, what was left then. */
  remainingMinutes: z.number(),
  warnedAt: z.iso.datetime().nullable(),
  breachedAt: z.iso.datetime().nullable(),
  stoppedAt: z.iso.datetime().nullable(),
  met: z.enum(['met', 'missed']).nullable(),
  /** Whether business time is counted on the team's calendar (false: every minute counts). */
  businessHours: z.boolean(),
});
export type ClockView = z.infer<typeof clockView>;

export const requestSlaView = z.object({ key: z.string(), clocks: z.array(clockView) });

export const serviceParams = z.strictObject({
  idOrSlug: z
    .string()
    .regex(/^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9][a-z0-9-]{0,62})$/i, 'must be a service id or slug')
    .describe('The service id or slug'),
});

export const expectedWaitView = z.object({
  openNow: z.boolean(),
  /** Now when open; null when the team's calendar never opens. A team without a calendar counts as always open, as its clocks do. */
  nextOpenAt: z.iso.datetime().nullable(),
  closesAt: z.iso.datetime().optional(),
  timeZone: z.string(),
  committedFirstResponseMinutes: z.number().nullable(),
  recentMedianFirstResponseMinutes: z.number().nullable(),
  basis: z.enum(['service', 'team', 'none']),
  sampleSize: z.int(),
});
export type ExpectedWaitView = z.infer<typeof expectedWaitView>;
