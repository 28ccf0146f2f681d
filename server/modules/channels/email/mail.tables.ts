import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { teams } from '../../people/people.tables.ts';
import { requestEvents, serviceRequests } from '../../requests/requests.tables.ts';

/** PostgreSQL's bytea as a Node Buffer (both drivers hand back bytes). */
const bytes = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const inboundChannels = ['smtp', 'imap'] as const;
export const inboundStatuses = ['received', 'processed', 'held', 'rejected', 'failed'] as const;
export type InboundStatus = (typeof inboundStatuses)[number];
export const unknownSenderRules = ['reject', 'hold', 'accept'] as const;
export type UnknownSenderRule = (typeof unknownSenderRules)[number];

/**
 * Every message that reached a team address, stored raw BEFORE anything else happens to it
 * (decision 0020): the SMTP listener answers 250 and the IMAP poller marks a message seen only once
 * this row is committed. `message_key` is the normalised Message-ID, or `sha256:<hex of the raw
 * bytes>` when the message has none, and is unique per team: a redelivery inserts nothing, while
 * one message sent to two teams' addresses is one row (and one request) for each.
 */
export const inboundMessages = pgTable(
  'inbound_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    messageKey: text('message_key').notNull(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: inboundChannels }).notNull(),
    /** SMTP MAIL FROM (empty for a bounce: the null reverse-path) or null when polled. */
    envelopeFrom: text('envelope_from'),
    /** The RCPT TO addresses of this team it was accepted for (or the polled mailbox's user). */
    envelopeTo: jsonb('envelope_to').$type<string[]>().notNull().default([]),
    raw: bytes('raw').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    status: text('status', { enum: inboundStatuses }).notNull().default('received'),
    /** Why it was held, rejected or failed; for the admins' list. */
    statusReason: text('status_reason'),
    /** 'auto-reply' | 'bounce' | 'list' when it was recognised as automated mail (never answered). */
    automatedKind: text('automated_kind'),
    attempts: integer('attempts').notNull().default(0),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    requestId: uuid('request_id').references(() => serviceRequests.id, { onDelete: 'set null' }),
    eventId: bigint('event_id', { mode: 'number' }).references(() => requestEvents.id),
  },
  (table) => [
    uniqueIndex('inbound_messages_team_key_unique').on(table.teamId, table.messageKey),
    index('inbound_messages_status_idx').on(table.status, table.receivedAt),
    index('inbound_messages_request_idx').on(table.requestId).where(sql`${table.requestId} is not null`),
    check('inbound_messages_channel', sql`${table.channel} in ('smtp', 'imap')`),
    check('inbound_messages_status', sql`${table.status} in ('received', 'processed', 'held', 'rejected', 'failed')`),
    check('inbound_messages_size', sql`${table.sizeBytes} = octet_length(${table.raw})`),
  ],
);

/**
 * How a team receives mail. `inbound_address` is the team's address (lower case, unique across
 * teams); plus-forms of it (`it+r-<token>@...`) reach the same team. The IMAP password is not kept
 * here: `imap_password_env` names the environment variable holding it, so a copy of the database
 * (a backup, a read-only replica) does not hand out a company mailbox.
 */
export const teamMailSettings = pgTable(
  'team_mail_settings',
  {
    teamId: uuid('team_id')
      .primaryKey()
      .references(() => teams.id, { onDelete: 'cascade' }),
    inboundAddress: text('inbound_address').notNull(),
    unknownSenderRule: text('unknown_sender_rule', { enum: unknownSenderRules }).notNull().default('hold'),
    imapEnabled: boolean('imap_enabled').notNull().default(false),
    imapHost: text('imap_host'),
    imapPort: integer('imap_port'),
    imapTls: boolean('imap_tls').notNull().default(true),
    imapUser: text('imap_user'),
    imapPasswordEnv: text('imap_password_env'),
    imapMailbox: text('imap_mailbox').notNull().default('INBOX'),
    /** The mailbox's UIDVALIDITY when `imap_last_uid` was seen: a change means UIDs were reset. */
    imapUidValidity: bigint('imap_uid_validity', { mode: 'number' }),
    imapLastUid: bigint('imap_last_uid', { mode: 'number' }),
    imapPolledAt: timestamp('imap_polled_at', { withTimezone: true }),
    imapLastError: text('imap_last_error'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('team_mail_settings_address_unique').on(table.inboundAddress),
    check('team_mail_settings_address_lower', sql`${table.inboundAddress} = lower(${table.inboundAddress})`),
    check('team_mail_settings_rule', sql`${table.unknownSenderRule} in ('reject', 'hold', 'accept')`),
    check('team_mail_settings_password_env', sql`${table.imapPasswordEnv} ~ '^[A-Z_][A-Z0-9_]*$'`),
    check(
      'team_mail_settings_imap_complete',
      sql`not ${table.imapEnabled} or (${table.imapHost} is not null and ${table.imapPort} is not null and ${table.imapUser} is not null and ${table.imapPasswordEnv} is not null)`,
    ),
  ],
);

/**
 * The unguessable token in a request's reply address (`it+r-<token>@...`): a reply to it lands on
 * that request whatever its subject and headers say. One per request, made when first needed.
 */
export const replyTokens = pgTable(
  'reply_tokens',
  {
    token: text('token').primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => serviceRequests.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('reply_tokens_request_unique').on(table.requestId)],
);

/**
 * Every Message-ID known to belong to a request: inbound messages once processed, and (next:
 * e-mail out) the id Hallway generates for each mail it sends, so a reply's In-Reply-To/References
 * finds its request.
 */
export const mailThreadIds = pgTable(
  'mail_thread_ids',
  {
    messageId: text('message_id').primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => serviceRequests.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('mail_thread_ids_request_idx').on(table.requestId),
    check('mail_thread_ids_direction', sql`${table.direction} in ('in', 'out')`),
  ],
);
