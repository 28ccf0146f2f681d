import { z } from 'zod';
import { httpDeliveryStatuses } from './integrations.tables.ts';
import { webhookEventTypes } from './webhook-events.ts';
import { webhookUrlProblem } from './webhook-secrets.ts';

const webhookUrl = z
  .string()
  .max(2000)
  .superRefine((url, context) => {
    const problem = webhookUrlProblem(url);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });
const eventTypes = z.array(z.enum(webhookEventTypes)).min(1).max(webhookEventTypes.length).refine((types) => new Set(types).size === types.length, 'lists an event type twice');
const teamSlug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a team slug');

export const createWebhookBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  url: webhookUrl,
  eventTypes,
  /** A team's slug; null or absent: every team's requests. */
  team: teamSlug.nullable().optional(),
});
export type CreateWebhookBody = z.infer<typeof createWebhookBody>;

export const updateWebhookBody = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    url: webhookUrl.optional(),
    eventTypes: eventTypes.optional(),
    team: teamSlug.nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'says nothing to change');
export type UpdateWebhookBody = z.infer<typeof updateWebhookBody>;

export const webhookParams = z.strictObject({ id: z.uuid({ message: 'must be a webhook id' }) });
export const deliveryParams = z.strictObject({ id: z.uuid({ message: 'must be a delivery id' }) });
export const deliveriesQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export const webhookView = z.object({
  id: z.uuid(),
  name: z.string(),
  url: z.string(),
  eventTypes: z.array(z.enum(webhookEventTypes)),
  team: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }).nullable(),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  /** Until when the previous secret still signs, after a rotation; null when none does. */
  previousSecretValidUntil: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookView = z.infer<typeof webhookView>;

/** The one answer that carries the secret: on create and on rotation. */
export const webhookWithSecret = webhookView.extend({ secret: z.string() });
export const webhookList = z.object({ items: z.array(webhookView) });

export const deliveryAttemptView = z.object({
  attempt: z.number().int(),
  startedAt: z.string(),
  durationMs: z.number().int(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  responseExcerpt: z.string().nullable(),
});

export const deliveryView = z.object({
  id: z.uuid(),
  eventType: z.string().nullable(),
  status: z.enum(httpDeliveryStatuses),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  attemptLog: z.array(deliveryAttemptView),
});
export type DeliveryView = z.infer<typeof deliveryView>;
export const deliveryList = z.object({ items: z.array(deliveryView) });
export const queuedDelivery = z.object({ deliveryId: z.uuid() });
