import { z } from 'zod';
import { clockView } from '../sla/sla.schema.ts';
import { cursorQuery, pageSchema, pageSizeQuery } from '../../platform/http/pagination.ts';
import { idempotencyKeyHeader } from '../../platform/http/idempotency.ts';
import { eventVisibilities, requestChannels, requestPriorities, requestStatuses } from './requests.tables.ts';

// PostgreSQL refuses NUL in text: catching it here makes it a 400, not a 500.
const noNul = (schema: z.ZodString) => schema.refine((value) => !value.includes('\u0000'), 'must not contain NUL characters');

const subject = noNul(z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters'));
const longText = noNul(z.string().max(20_000, 'must be at most 20000 characters'));
const personId = z.uuid({ message: 'must be a person id' });
export const teamSlug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a team slug such as "it"');

export const requestKeyParams = z.strictObject({
  key: z.string().max(40).describe('The request key, e.g. IT-42'),
});
export const REQUEST_KEY_PATTERN = /^[A-Z][A-Z0-9]{0,9}-[1-9][0-9]{0,9}$/;

export const createRequestBody = z.strictObject({
  team: teamSlug.describe('The slug of the team that should help'),
  subject,
  description: longText.default(''),
  priority: z.enum(requestPriorities).optional(),
  confidential: z.boolean().optional(),
  requester: personId.optional().describe("On someone's behalf (agents of the team only), e.g. after a phone call"),
  channel: z.enum(requestChannels).optional(),
});

export const idempotentHeaders = z.object({ 'idempotency-key': idempotencyKeyHeader });

export const changeRequestBody = z.strictObject({
  status: z.enum(requestStatuses).optional(),
  priority: z.enum(requestPriorities).optional(),
  assigneeId: personId.nullable().optional().describe('An agent of the team; null unassigns'),
  team: teamSlug.optional().describe('Hand the request to another team (needs a reason); the key stays'),
  reason: noNul(z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters')).optional(),
  version: z.number().int().positive().optional().describe('The version read; or send If-Match: "<version>"'),
});

export const versionHeaders = z.object({ 'if-match': z.string().optional() });

export const commentBody = z.strictObject({
  body: noNul(z.string().min(1, 'must not be empty').max(20_000, 'must be at most 20000 characters')),
  visibility: z.enum(eventVisibilities).default('public'),
});
export type CommentBody = z.infer<typeof commentBody>;

// Microsecond-exact UTC text: a cursor rounded to milliseconds would skip or repeat rows.
// JavaScript rolls an impossible instant over (30 February is 2 March, 24:00 the next day) and takes
// year 0, where PostgreSQL refuses them (a 500): only an instant that reads back as written passes.
const exactInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/)
  .refine((at) => !at.startsWith('0000') && !Number.isNaN(Date.parse(at)) && new Date(at).toISOString().slice(0, 19) === at.slice(0, 19));

/** Newest first: the last row's exact created_at and id. */
export const newestPosition = z.tuple([exactInstant, z.uuid()]);
/** Due first: the last row's exact due_at (null past the last clocked request), created_at and id. */
export const duePosition = z.tuple([z.literal('due'), exactInstant.nullable(), exactInstant, z.uuid()]);
export const listPosition = z.union([newestPosition, duePosition]);
export type ListPosition = z.infer<typeof listPosition>;

export const listSorts = ['newest', 'due'] as const;

const commaList = <const Values extends readonly [string, ...string[]]>(values: Values) =>
  z
    .string()
    .transform((value) => value.split(',').map((item) => item.trim()))
    .pipe(z.array(z.enum(values, { message: `must be one or more of ${values.join(', ')}` })).min(1));

export const listRequestsQuery = z
  .strictObject({
    team: teamSlug.optional(),
    status: commaList(requestStatuses).optional().describe('One or more statuses, comma-separated'),
    priority: commaList(requestPriorities).optional().describe('One or more priorities, comma-separated, e.g. high,urgent'),
    assignee: z.union([z.literal('me'), z.literal('none'), personId], { message: 'must be a person id, me or none' }).optional(),
    requester: z.union([z.literal('me'), personId], { message: 'must be a person id or me' }).optional(),
    text: noNul(z.string().trim().min(1).max(200)).optional(),
    breaching: z
      .enum(['soon'], { message: 'must be soon' })
      .optional()
      .describe("soon: only requests past their earliest running clock's warning share (warnAt at or before now), overdue ones included"),
    sort: z
      .enum(listSorts, { message: `must be one of ${listSorts.join(', ')}` })
      .default('newest')
      .describe('newest (default): newest first. due: earliest dueAt first, then requests with no running clock; ties newest first'),
    limit: pageSizeQuery,
    cursor: cursorQuery(listPosition).optional().describe('From nextCursor of a page with the same sort'),
  })
  .superRefine((query, context) => {
    if (query.cursor && (query.cursor[0] === 'due') !== (query.sort === 'due')) {
      context.addIssue({ code: 'custom', path: ['cursor'], message: `was given out for another sort than ${query.sort}; start again without it` });
    }
  });
export type ListRequestsQuery = z.infer<typeof listRequestsQuery>;

const personRef = z.object({ id: z.string(), name: z.string() });

export const requestView = z.object({
  key: z.string(),
  team: z.object({ slug: z.string(), name: z.string() }),
  subject: z.string(),
  description: z.string(),
  status: z.enum(requestStatuses),
  priority: z.enum(requestPriorities),
  channel: z.enum(requestChannels),
  confidential: z.boolean(),
  requester: personRef,
  assignee: personRef.nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  firstRespondedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  dueAt: z.string().nullable().describe('When the earliest running SLA clock is due; null when none runs (none, paused or stopped)'),
  warnAt: z.string().nullable().describe("When that clock reaches its policy's warning share; at or before now means breaching soon"),
});
export type RequestView = z.infer<typeof requestView>;

export const timelineEntry = z.object({
  id: z.number(),
  actor: personRef.nullable(),
  kind: z.string(),
  visibility: z.enum(eventVisibilities),
  data: z.record(z.string(), z.unknown()),
  occurredAt: z.string(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

/** What other modules keep about a request (see request-details.ts). */
export const requestDetails = z.object({
  service: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  /** The workflow request that opened this one, if the caller may see it. */
  parent: z.object({ key: z.string(), subject: z.string() }).nullable(),
  /** Its service-level clocks: due times, paused or not, met or missed (GET .../sla says more). */
  sla: z.array(clockView),
});
export type RequestDetails = z.infer<typeof requestDetails>;

export const requestDetailView = requestView.extend(requestDetails.shape).extend({ timeline: z.array(timelineEntry) });
export type RequestDetailView = z.infer<typeof requestDetailView>;

export const requestPage = pageSchema(requestView);
export const commentResult = z.object({ event: timelineEntry, request: requestView });
export type CommentResult = z.infer<typeof commentResult>;
