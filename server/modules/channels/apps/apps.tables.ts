import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { people, teams } from '../../people/people.tables.ts';
import { serviceRequests } from '../../requests/requests.tables.ts';

export const connectionKinds = ['slack', 'teams', 'sms'] as const;
export type ConnectionKind = (typeof connectionKinds)[number];

/**
 * A team's link to a chat app or an SMS gateway (decision 0023). `external_id` is how an inbound
 * call names it: the Slack workspace (team_id), the Teams outgoing webhook's own id in our URL, or
 * the SMS number it was sent To (E.164). `signing_secret` only lets someone forge calls INTO Hallway,
 * so it is kept here like other server secrets; a credential that acts elsewhere (a Slack bot
 * token, an SMS gateway's API key) is never stored: `credential_env` names the environment
 * variable holding it, as team_mail_settings does for IMAP passwords.
 * `settings` holds the kind's non-secret rest: Slack's API base URL, a Teams incoming-webhook URL
 * for replies after the fact, the SMS gateway's format and send URL, the default service.
 */
export const channelConnections = pgTable(
  'channel_connections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: connectionKinds }).notNull(),
    name: text('name').notNull(),
    externalId: text('external_id').notNull(),
    signingSecret: text('signing_secret').notNull(),
    /** The secret before a rotation, accepted until `previous_secret_until` (signatures decision 0021). */
    previousSigningSecret: text('previous_signing_secret'),
    previousSecretUntil: timestamp('previous_secret_until', { withTimezone: true }),
    credentialEnv: text('credential_env'),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('channel_connections_kind_external_unique').on(table.kind, table.externalId),
    index('channel_connections_team_idx').on(table.teamId),
    check('channel_connections_kind', sql`${table.kind} in ('slack', 'teams', 'sms')`),
    check('channel_connections_credential_env', sql`${table.credentialEnv} ~ '^[A-Z_][A-Z0-9_]*$'`),
  ],
);

/**
 * Where a request lives in an outside conversation, so the agent's public replies go back there:
 * a Slack `channel:thread_ts`, a Teams conversation id, an SMS number. One request may be followed
 * from several places; one outside thread belongs to one request.
 */
export const channelThreads = pgTable(
  'channel_threads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => channelConnections.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => serviceRequests.id, { onDelete: 'cascade' }),
    externalThread: text('external_thread').notNull(),
    /** The person on the other end, when known (the requester, a follower). */
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('channel_threads_connection_thread_unique').on(table.connectionId, table.externalThread, table.requestId),
    index('channel_threads_request_idx').on(table.requestId),
  ],
);

/**
 * Each inbound call's own id (Slack's event_id or trigger_id, the gateway's message SID, the Teams
 * activity id), recorded in the transaction that acts on it: a retried or replayed call finds it
 * and changes nothing, across every process (the in-memory replay guard is per process).
 */
export const channelInboundReceipts = pgTable(
  'channel_inbound_receipts',
  {
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => channelConnections.id, { onDelete: 'cascade' }),
    externalMessageId: text('external_message_id').notNull(),
    requestId: uuid('request_id').references(() => serviceRequests.id, { onDelete: 'set null' }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.connectionId, table.externalMessageId] })],
);

/**
 * A person's account in a chat app, linked by the person themselves (decision 0025): Teams sends
 * only a display name and an Azure AD object id, never an e-mail address, so the first message from
 * an unknown id gets a signed link; the person opens it signed in to Hallway and gets a short code
 * (a claim, below), and the link is made when that code comes back from the same account.
 * One outside account belongs to one person per connection.
 */
export const externalIdentities = pgTable(
  'external_identities',
  {
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => channelConnections.id, { onDelete: 'cascade' }),
    externalUserId: text('external_user_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** The name the app showed when the link was made, so admins can tell accounts apart. */
    externalName: text('external_name'),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.connectionId, table.externalUserId] }), index('external_identities_person_idx').on(table.personId)],
);

/**
 * A link to a chat-app account asked for but not yet proven (decision 0025): the person opened the
 * link signed in and was shown a short code; the link is made only when that code comes back in a
 * message from the very account named, so a colleague who opens a link shown in a shared channel
 * cannot take someone else's account. `code_hash` is the SHA-256 of the code.
 */
export const externalIdentityClaims = pgTable(
  'external_identity_claims',
  {
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => channelConnections.id, { onDelete: 'cascade' }),
    externalUserId: text('external_user_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    externalName: text('external_name'),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.connectionId, table.externalUserId, table.personId] })],
);
