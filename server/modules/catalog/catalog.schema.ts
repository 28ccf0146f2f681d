import { z } from 'zod';
import { requestPriorities } from '../requests/requests.tables.ts';
import { requestTypes } from './catalog.tables.ts';
import { fieldTypes, intakeFormSchema, parseIntakeForm } from './intake-form.schema.ts';
import { intakeKnowledgeSchema } from '../knowledge/deflection.schema.ts';

// Inputs and outputs of the catalog's service endpoints (steps and approvals: request-work.schema.ts).

const noNul = (schema: z.ZodString) => schema.refine((value) => !value.includes('\u0000'), 'must not contain NUL characters');
const name = noNul(z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'));
const longText = noNul(z.string().trim().max(5000, 'must be at most 5000 characters'));
const uuid = (what: string) => z.uuid({ message: `must be ${what} id` });
export const SERVICE_SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
const ID_SHAPED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// `/services/{idOrSlug}` reads an id-shaped reference as an id, so a slug of that shape could never be used.
const serviceSlug = z
  .string()
  .regex(SERVICE_SLUG, 'must be a slug such as "laptop-repair" (a-z, 0-9, -)')
  .refine((slug) => !ID_SHAPED.test(slug), 'must not look like a service id');
const teamSlug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a team slug such as "it"');

export const procedureStepSchema = z.strictObject({
  title: name,
  description: longText.optional(),
});

export const approvalRuleSchema = z.discriminatedUnion(
  'approver',
  [
    z.strictObject({ approver: z.literal('manager') }),
    z.strictObject({ approver: z.literal('team_lead') }),
    z.strictObject({ approver: z.literal('person'), personId: uuid('a person') }),
  ],
  { error: 'approver must be manager, team_lead or person' },
);

export const workflowStepSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'must be a short key such as "it_account"'),
  serviceId: uuid('a service'),
  after: z.array(z.string().max(40)).max(50).default([]),
});

/**
 * A form as an author sends it: its fields only. The server numbers versions (a changed form is a
 * new version), so a client-chosen version would only be a way to get them wrong. The engine's
 * cross-field checks (names unique, conditions on earlier fields ...) run here too, so their
 * problems come out of the one problem handler at `body.form.fields.<n>...`.
 */
export const formInputSchema = z
  .strictObject({ fields: intakeFormSchema.shape.fields })
  .superRefine((form, context) => {
    const parsed = parseIntakeForm({ version: 1, fields: form.fields }, 'form');
    if (parsed.ok) return;
    for (const problem of parsed.problems) {
      context.addIssue({ code: 'custom', path: problem.field.split('.').slice(1), message: problem.reason });
    }
  });
export type FormInput = z.infer<typeof formInputSchema>;

const serviceFields = {
  slug: serviceSlug,
  team: teamSlug.describe('The owning team'),
  name,
  description: longText.default(''),
  requestType: z.enum(requestTypes).default('question'),
  defaultPriority: z.enum(requestPriorities).default('normal'),
  confidential: z.boolean().default(false),
  audience: z
    .array(teamSlug)
    .min(1, 'must name at least one team, or be null for everyone')
    .max(100)
    .nullable()
    .default(null)
    .describe("Teams whose members (by home team) may request it; null means everyone"),
  form: formInputSchema.default({ fields: [] }),
  procedure: z.array(procedureStepSchema).max(100, 'must have at most 100 steps').default([]),
  approval: approvalRuleSchema.nullable().default(null),
  slaPolicyId: uuid('a service-level policy').nullable().default(null),
  workflow: z.array(workflowStepSchema).max(50, 'must have at most 50 steps').default([]),
  active: z.boolean().default(true),
};

export const createServiceBody = z.strictObject(serviceFields);
export type CreateServiceInput = z.input<typeof createServiceBody>;
export type ServiceInput = z.infer<typeof createServiceBody>;

/** Every field may change; `version` (or If-Match) says which version the change is based on. */
export const updateServiceBody = z.strictObject({
  slug: serviceSlug.optional(),
  team: teamSlug.optional(),
  name: name.optional(),
  description: longText.optional(),
  requestType: z.enum(requestTypes).optional(),
  defaultPriority: z.enum(requestPriorities).optional(),
  confidential: z.boolean().optional(),
  audience: z.array(teamSlug).min(1, 'must name at least one team, or be null for everyone').max(100).nullable().optional(),
  form: formInputSchema.optional(),
  procedure: z.array(procedureStepSchema).max(100, 'must have at most 100 steps').optional(),
  approval: approvalRuleSchema.nullable().optional(),
  slaPolicyId: uuid('a service-level policy').nullable().optional(),
  workflow: z.array(workflowStepSchema).max(50, 'must have at most 50 steps').optional(),
  active: z.boolean().optional(),
  version: z.number().int().positive().optional().describe('The version read; or send If-Match: "<version>"'),
});
export type UpdateServiceInput = z.infer<typeof updateServiceBody>;

export const serviceRefParams = z.strictObject({
  idOrSlug: z.string().max(64).describe('The service id or its slug'),
});
export const serviceIdParams = z.strictObject({ id: uuid('a service') });
export const formVersionParams = z.strictObject({
  idOrSlug: z.string().max(64),
  version: z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number').min(1).max(1_000_000),
});

export const listServicesQuery = z.strictObject({
  include: z
    .literal('inactive', { message: 'must be "inactive"' })
    .optional()
    .describe("Agents and leads: also the inactive services of their teams; admins: of every team"),
  team: teamSlug.optional(),
});
export type ListServicesQuery = z.infer<typeof listServicesQuery>;

export const fileThroughServiceBody = z.strictObject({
  subject: noNul(z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters')).optional(),
  description: noNul(z.string().max(20_000, 'must be at most 20000 characters')).default(''),
  priority: z.enum(requestPriorities).optional(),
  answers: z
    .record(z.string(), z.unknown().refine((value) => !nestedDeeperThan(value, 2), 'is nested too deeply to be an answer'))
    .default({})
    .describe('Answers to the form, by field name'),
  requester: uuid('a person').optional().describe("On someone's behalf (agents of the owning team only)"),
  knowledge: intakeKnowledgeSchema.optional(),
});
export type FileThroughServiceBody = z.infer<typeof fileThroughServiceBody>;

/**
 * No answer is deeper than a list of texts, but an answer to a hidden field is dropped unchecked,
 * and the raw answers are fingerprinted for Idempotency-Key by a recursive walk: 100,000 nested
 * lists in a 1 MB body overflowed the stack (500). Walked here without recursion, so it is a 400.
 */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > limit) return true;
    for (const member of Object.values(current)) pending.push([member, depth + 1]);
  }
  return false;
}

const ref = z.object({ id: z.string(), name: z.string() });
const teamRef = z.object({ slug: z.string(), name: z.string() });

export const formView = z.object({
  version: z.number(),
  fields: z.array(z.looseObject({ name: z.string(), type: z.enum(fieldTypes), label: z.string() })),
  createdAt: z.string(),
});
export type FormView = z.infer<typeof formView>;

export const serviceView = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  team: teamRef,
  requestType: z.enum(requestTypes),
  defaultPriority: z.enum(requestPriorities),
  confidential: z.boolean(),
  /** Null = everyone. */
  audience: z.array(teamRef).nullable(),
  form: formView,
  /** The team's working checklist: shown to its agents and admins only, like the steps on a request. */
  procedure: z.array(z.object({ title: z.string(), description: z.string().optional() })).optional(),
  /** Who approves; the named person only for those who manage the service. */
  approval: z.object({ approver: z.enum(['manager', 'team_lead', 'person']), person: ref.optional() }).nullable(),
  slaPolicyId: z.string().nullable(),
  /** The linked requests it spawns; shown only to those who manage the service. */
  workflow: z.array(z.object({ key: z.string(), serviceId: z.string(), after: z.array(z.string()) })).optional(),
  active: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ServiceView = z.infer<typeof serviceView>;

export const serviceList = z.object({ items: z.array(serviceView) });
export const versionHeaders = z.object({ 'if-match': z.string().optional() });
