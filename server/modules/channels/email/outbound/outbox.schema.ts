import { z } from 'zod';
import { cursorQuery, pageSchema, pageSizeQuery } from '../../../../platform/http/pagination.ts';
import { outboundMailStatuses } from './outbound.tables.ts';

// The admins' outbox: what Hallway sent, is sending, gave up on or held back, and why.

const listPosition = z.tuple([z.string().max(64), z.uuid()]);

export const outboxQuery = z.strictObject({
  status: z.enum(outboundMailStatuses).optional(),
  kind: z.string().regex(/^[a-z][a-z-]{0,39}$/, 'must be a kind such as acknowledgement or rejection').optional(),
  to: z.string().trim().toLowerCase().max(254, 'must be at most 254 characters').pipe(z.email({ message: 'must be an e-mail address' })).optional(),
  request: z.string().regex(/^[A-Z][A-Z0-9]{0,9}-[0-9]{1,12}$/, 'must be a request key such as IT-42').optional().describe('A request key: mail about that request'),
  limit: pageSizeQuery,
  cursor: cursorQuery(listPosition).optional().describe('nextCursor of the previous page'),
});
export type OutboxQuery = z.output<typeof outboxQuery>;

export const outboxParams = z.strictObject({ id: z.uuid({ message: 'must be an outbound message id' }) });

const outboundMessageSummary = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: z.enum(outboundMailStatuses),
  statusReason: z.string().nullable().describe('Why it was suppressed or failed'),
  to: z.string(),
  from: z.string(),
  subject: z.string(),
  requestKey: z.string().nullable(),
  teamId: z.uuid().nullable(),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable().describe('For queued mail: when it is tried next'),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboundMessageSummary = z.infer<typeof outboundMessageSummary>;

export const outboxPage = pageSchema(outboundMessageSummary).extend({
  relayConfigured: z.boolean().describe('False: HALLWAY_MAIL_RELAY_URL is not set and queued mail waits until it is'),
});

export const outboundMessageDetail = outboundMessageSummary.extend({
  messageId: z.string(),
  replyTo: z.string().nullable(),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  headers: z.record(z.string(), z.string()),
  text: z.string(),
  html: z.string().nullable(),
  smtpResponse: z.string().nullable().describe("The relay's answer when it accepted the message"),
  recipientId: z.uuid().nullable(),
});
export type OutboundMessageDetail = z.infer<typeof outboundMessageDetail>;
