import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { people, teams } from '../../../people/people.tables.ts';
import { serviceRequests } from '../../../requests/requests.tables.ts';

export const outboundMailStatuses = ['queued', 'sending', 'sent', 'failed', 'suppressed'] as const;
export type OutboundMailStatus = (typeof outboundMailStatuses)[number];

/**
 * The outbox: every mail Hallway means to send, written in the transaction of the change that
 * caused it (so a rolled-back change sends nothing) and sent afterwards by the delivery worker,
 * outside any transaction (decision 0022). `message_id` is made when the row is written, so a retry
 * after a crash re-sends the same Message-ID and the recipient's client shows one message.
 * `dedupe_key` stops the same notification being queued twice (a replayed change, a re-fired timer).
 * Admins read this table as the outbox: what was sent, to whom, why not, and each try's error.
 */
export const outboundMessages = pgTable(
  'outbound_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What it is for: 'acknowledgement', 'reply', 'status', 'approval', 'sla-warning', 'rejection', 'bounce', 'chat-followup' ... */
    kind: text('kind').notNull(),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    requestId: uuid('request_id').references(() => serviceRequests.id, { onDelete: 'set null' }),
    /** The person it goes to, when it goes to one (a stranger's rejection goes to an address only). */
    recipientId: uuid('recipient_id').references(() => people.id, { onDelete: 'set null' }),
    toAddress: text('to_address').notNull(),
    fromAddress: text('from_address').notNull(),
    replyTo: text('reply_to'),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    /** Without angle brackets, like mail_thread_ids.message_id. */
    messageId: text('message_id').notNull(),
    inReplyTo: text('in_reply_to'),
    references: jsonb('references').$type<string[]>().notNull().default([]),
    /** Further headers (Auto-Submitted, List-Unsubscribe ...), name -> value. */
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    dedupeKey: text('dedupe_key'),
    status: text('status', { enum: outboundMailStatuses }).notNull().default('queued'),
    /** Why it was not sent, for 'suppressed' (a preference, the loop guard) and 'failed' (gave up). */
    statusReason: text('status_reason'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** While a worker sends it; a worker that died lets the lease run out and another sends it again. */
    leasedUntil: timestamp('leased_until', { withTimezone: true }),
    lastError: text('last_error'),
    /** The relay's answer to the accepted message ("250 2.0.0 Ok: queued as ..."). */
    smtpResponse: text('smtp_response'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('outbound_messages_message_id_unique').on(table.messageId),
    uniqueIndex('outbound_messages_dedupe_unique').on(table.dedupeKey),
    index('outbound_messages_due_idx').on(table.nextAttemptAt).where(sql`${table.status} in ('queued', 'sending')`),
    index('outbound_messages_created_idx').on(table.createdAt.desc(), table.id),
    index('outbound_messages_request_idx').on(table.requestId).where(sql`${table.requestId} is not null`),
    index('outbound_messages_to_created_idx').on(table.toAddress, table.createdAt),
    check('outbound_messages_status', sql`${table.status} in ('queued', 'sending', 'sent', 'failed', 'suppressed')`),
    check('outbound_messages_kind', sql`${table.kind} ~ '^[a-z][a-z-]*$'`),
    check('outbound_messages_to_lower', sql`${table.toAddress} = lower(${table.toAddress})`),
  ],
);

/**
 * What a person wants to be told, per notification kind and channel. No row means the kind's
 * default (see the notifications module); a row records the person's own choice.
 */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    channel: text('channel').notNull().default('email'),
    enabled: boolean('enabled').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.personId, table.kind, table.channel] })],
);
