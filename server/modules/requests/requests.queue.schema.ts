import { z } from 'zod';
import { REQUEST_KEY_PATTERN, teamSlug } from './requests.schema.ts';
import { requestPriorities, requestStatuses } from './requests.tables.ts';

// The agent desk's queue endpoints: a team's counts and one change to many requests.

export const countsQuery = z.strictObject({
  team: teamSlug.describe("The team whose queue to count (you must be one of its agents or leads, or an admin)"),
});

const count = z.number().int().nonnegative();

export const queueCounts = z.object({
  team: z.string().describe("The team's slug"),
  open: count.describe('Not resolved or closed'),
  mine: count.describe('Open and assigned to you'),
  unassigned: count.describe('Open with nobody assigned'),
  breachingSoon: count.describe("Open and past its earliest running clock's warning share (warnAt at or before now)"),
  waitingOnRequester: count.describe('In status waiting_on_requester'),
  byStatus: z
    .object(Object.fromEntries(requestStatuses.map((status) => [status, count])) as Record<(typeof requestStatuses)[number], typeof count>)
    .describe('Every status, open and closed alike, zero included'),
});
export type QueueCounts = z.infer<typeof queueCounts>;

export const MAX_BULK_KEYS = 100;

const requestKey = z.string().max(40).regex(REQUEST_KEY_PATTERN, 'must be a request key such as IT-42');

export const bulkChangeBody = z.strictObject({
  keys: z
    .array(requestKey)
    .min(1, 'must name at least one request')
    .max(MAX_BULK_KEYS, `must name at most ${MAX_BULK_KEYS} requests`)
    .refine((keys) => new Set(keys).size === keys.length, 'must not name a request twice')
    .describe('The requests to change, each once; results come back in this order'),
  change: z
    .strictObject({
      status: z.enum(requestStatuses).optional(),
      priority: z.enum(requestPriorities).optional(),
      assigneeId: z.uuid({ message: 'must be a person id' }).nullable().optional().describe('An agent of each request’s team; null unassigns'),
    })
    .refine((change) => Object.values(change).some((value) => value !== undefined), 'must change at least one of status, priority or assigneeId')
    .describe('Applied to each request as PATCH /requests/{key} would, against its current version'),
});
export type BulkChangeBody = z.infer<typeof bulkChangeBody>;

export const bulkResultItem = z.discriminatedUnion('ok', [
  z.object({ key: z.string(), ok: z.literal(true), version: z.number().int().describe('The version after the change') }),
  z.object({
    key: z.string(),
    ok: z.literal(false),
    status: z.number().int().describe('The HTTP status a PATCH of this request alone would have answered'),
    code: z.string().describe('The problem code, e.g. ILLEGAL_TRANSITION or REQUEST_NOT_FOUND'),
    detail: z.string(),
  }),
]);
export type BulkResultItem = z.infer<typeof bulkResultItem>;

export const bulkChangeResult = z.object({ results: z.array(bulkResultItem) });
