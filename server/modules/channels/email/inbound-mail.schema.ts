import { z } from 'zod';
import { inboundStatuses } from './mail.tables.ts';

export const inboundMailQuery = z.strictObject({
  status: z.enum(inboundStatuses).default('failed'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const inboundMessageParams = z.strictObject({ id: z.uuid({ message: 'must be an inbound message id' }) });

export const inboundMessageView = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  channel: z.enum(['smtp', 'imap']),
  messageKey: z.string(),
  envelopeFrom: z.string().nullable(),
  sizeBytes: z.number().int(),
  receivedAt: z.string(),
  status: z.enum(inboundStatuses),
  statusReason: z.string().nullable(),
  automatedKind: z.string().nullable(),
  attempts: z.number().int(),
  processedAt: z.string().nullable(),
  requestId: z.uuid().nullable(),
});
export type InboundMessageView = z.infer<typeof inboundMessageView>;

export const inboundMessageList = z.object({ items: z.array(inboundMessageView) });
