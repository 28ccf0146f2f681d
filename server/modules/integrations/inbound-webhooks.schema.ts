import { z } from 'zod';

export const createInboundWebhookBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  /** The team whose requests the calls become. */
  team: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a team slug'),
  /** A service of that team: calls are filed through it (its form, priority, approvals). */
  serviceId: z.uuid({ message: 'must be a service id' }).nullable().optional(),
  /** Who the requests are filed as, often a "Monitoring" account. */
  requester: z.uuid({ message: 'must be a person id' }),
});
export type CreateInboundWebhookBody = z.infer<typeof createInboundWebhookBody>;

export const inboundWebhookParams = z.strictObject({ id: z.uuid({ message: 'must be an inbound webhook id' }) });

export const inboundWebhookView = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Where the sender POSTs. */
  url: z.string(),
  team: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  serviceId: z.uuid().nullable(),
  requester: z.object({ id: z.uuid(), name: z.string() }),
  enabled: z.boolean(),
  previousSecretValidUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type InboundWebhookView = z.infer<typeof inboundWebhookView>;
export const inboundWebhookWithSecret = inboundWebhookView.extend({ secret: z.string() });
export const inboundWebhookList = z.object({ items: z.array(inboundWebhookView) });

export const inboundAnswer = z.object({
  key: z.string().describe('The request the call filed or found; empty when a repeat finds its request deleted'),
  created: z.boolean(),
  commented: z.boolean(),
});
