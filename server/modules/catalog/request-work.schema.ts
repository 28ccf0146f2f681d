import { z } from 'zod';
import { pageSizeQuery } from '../../platform/http/pagination.ts';
import { requestStatuses } from '../requests/requests.tables.ts';
import { approvalStatuses } from './catalog.tables.ts';
import { fieldTypes } from './intake-form.schema.ts';

// Inputs and outputs of what the catalog adds to a request: its procedure steps, its approvals and
// the answers it was filed with.

const ref = z.object({ id: z.string(), name: z.string() });
const teamRef = z.object({ slug: z.string(), name: z.string() });
const requestKey = z.string().max(40).describe('The request key, e.g. HR-42');

export const requestKeyParams = z.strictObject({ key: requestKey });
export const stepParams = z.strictObject({
  key: requestKey,
  position: z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(1000),
});
export const decisionParams = z.strictObject({ key: requestKey, approvalId: z.uuid({ message: 'must be an approval id' }) });

export const stepBody = z.strictObject({ done: z.boolean() });

export const stepView = z.object({
  position: z.number(),
  title: z.string(),
  description: z.string(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  doneBy: ref.nullable(),
});
export type StepView = z.infer<typeof stepView>;
export const stepList = z.object({ items: z.array(stepView) });

const noNul = (schema: z.ZodString) => schema.refine((value) => !value.includes('\u0000'), 'must not contain NUL characters');
export const decisionBody = z
  .strictObject({
    decision: z.enum(['approve', 'reject'], { message: 'must be approve or reject' }),
    comment: noNul(z.string().trim().max(2000, 'must be at most 2000 characters')).default(''),
  })
  .refine((body) => body.decision === 'approve' || body.comment.length > 0, {
    path: ['comment'],
    message: 'a rejection needs a comment the requester can read',
  });
export type DecisionBody = z.infer<typeof decisionBody>;

export const listApprovalsQuery = z.strictObject({
  status: z.enum(approvalStatuses, { message: `must be one of ${approvalStatuses.join(', ')}` }).default('pending'),
  limit: pageSizeQuery,
});
export type ListApprovalsQuery = z.infer<typeof listApprovalsQuery>;

export const displayedAnswer = z.object({ name: z.string(), label: z.string(), type: z.enum(fieldTypes), text: z.string() });

export const approvalView = z.object({
  id: z.string(),
  rule: z.enum(['manager', 'team_lead', 'person']),
  status: z.enum(approvalStatuses),
  /** The one person who decides; null when any lead of `approverTeam` does. */
  approver: ref.nullable(),
  approverTeam: teamRef.nullable(),
  comment: z.string(),
  decidedBy: ref.nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  /**
   * What the approver decides on: enough of the request, even when they may not open it otherwise.
   * Its description, answers and status only while it is theirs to decide, or they may see the
   * request: an approval already decided is no reason to follow someone's HR case from then on.
   */
  request: z.object({
    key: z.string(),
    subject: z.string(),
    description: z.string().optional(),
    status: z.enum(requestStatuses).optional(),
    team: teamRef,
    requester: ref,
    service: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
    answers: z.array(displayedAnswer).optional(),
  }),
});
export type ApprovalView = z.infer<typeof approvalView>;
export const approvalList = z.object({ items: z.array(approvalView) });

export const intakeView = z.object({
  service: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  /** The form version the answers were given to; null for a request without a service form. */
  formVersion: z.number().nullable(),
  answers: z.array(displayedAnswer),
  /** The stored values by field name (option values, person ids), for clients that render them. */
  values: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
});
export type IntakeView = z.infer<typeof intakeView>;

export const decideByLinkBody = z.strictObject({
  token: z.string().min(1, 'must not be empty').max(1000, 'is not an approval link token'),
  comment: noNul(z.string().trim().max(2000, 'must be at most 2000 characters')).default(''),
});
