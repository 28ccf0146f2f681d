import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { people, teams } from '../people/people.tables.ts';
import { serviceRequests } from '../requests/requests.tables.ts';
import { services } from '../catalog/catalog.tables.ts';
import { channelConnections } from '../channels/apps/apps.tables.ts';

export const httpDeliveryStatuses = ['pending', 'delivered', 'failed'] as const;
export type HttpDeliveryStatus = (typeof httpDeliveryStatuses)[number];

/**
 * Every HTTP call Hallway owes someone else (decision 0022): an outgoing webhook's event, a reply
 * posted to Slack or Teams, an SMS sent through a gateway. Written in the transaction of the change
 * that caused it, sent afterwards by the delivery worker outside any transaction, retried with
 * backoff, and kept with each attempt as the delivery log. `purpose` says who owns it ('webhook',
 * 'slack', 'teams', 'sms'); `dedupe_key` stops one event being queued twice for one target.
 * The body is stored as sent, so a retry is byte-identical; signatures are made at send time.
 */
export const httpDeliveries = pgTable(
  'http_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: text('purpose').notNull(),
    /** The webhook subscription or channel connection it goes out for. */
    subscriptionId: uuid('subscription_id').references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    connectionId: uuid('connection_id').references(() => channelConnections.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id').references(() => serviceRequests.id, { onDelete: 'set null' }),
    /** The timeline event it reports, when it reports one. */
    eventId: bigint('event_id', { mode: 'number' }),
    eventType: text('event_type'),
    url: text('url').notNull(),
    method: text('method').notNull().default('POST'),
    /** Non-secret headers to send (content type ...); signatures and credentials are added at send time. */
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    body: text('body').notNull(),
    dedupeKey: text('dedupe_key'),
    status: text('status', { enum: httpDeliveryStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leasedUntil: timestamp('leased_until', { withTimezone: true }),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('http_deliveries_dedupe_unique').on(table.dedupeKey),
    index('http_deliveries_due_idx').on(table.nextAttemptAt).where(sql`${table.status} = 'pending'`),
    index('http_deliveries_subscription_idx').on(table.subscriptionId, table.createdAt.desc()),
    index('http_deliveries_connection_idx').on(table.connectionId, table.createdAt.desc()),
    check('http_deliveries_status', sql`${table.status} in ('pending', 'delivered', 'failed')`),
    check('http_deliveries_purpose', sql`${table.purpose} ~ '^[a-z][a-z-]*$'`),
  ],
);

/** One row per try of a delivery: the log admins read ("503 after 1.2 s", "connection refused"). */
export const httpDeliveryAttempts = pgTable(
  'http_delivery_attempts',
  {
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => httpDeliveries.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    durationMs: integer('duration_ms').notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    /** The first bytes of the answer, for diagnosis; never more than a few hundred characters. */
    responseExcerpt: text('response_excerpt'),
  },
  (table) => [primaryKey({ columns: [table.deliveryId, table.attempt] })],
);

/**
 * An outgoing webhook: request events (created, updated, commented, resolved) POSTed to `url`,
 * signed with HMAC-SHA256 of `secret` (the Hallway-Signature header, decision 0021). Hallway makes
 * the secret and must sign with it, so it is stored; it is shown to the admin once.
 * `team_id` null means every team's requests; confidential requests are never sent.
 */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    url: text('url').notNull(),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    eventTypes: jsonb('event_types').$type<string[]>().notNull(),
    secret: text('secret').notNull(),
    previousSecret: text('previous_secret'),
    previousSecretUntil: timestamp('previous_secret_until', { withTimezone: true }),
    enabled: boolean('enabled').notNull().default(true),
    /** Set when Hallway turned it off (every delivery failing for a day), with why. */
    disabledReason: text('disabled_reason'),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('webhook_subscriptions_team_idx').on(table.teamId)],
);

/**
 * An inbound webhook: a URL a monitoring or project tool POSTs to, creating requests for one team
 * (through a service when `service_id` is set), checked with HMAC-SHA256 of `secret`.
 */
export const inboundWebhooks = pgTable(
  'inbound_webhooks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id').references(() => services.id, { onDelete: 'set null' }),
    /** Who the requests are filed as: a person (often a "Monitoring" account) of the directory. */
    requesterId: uuid('requester_id')
      .notNull()
      .references(() => people.id),
    secret: text('secret').notNull(),
    previousSecret: text('previous_secret'),
    previousSecretUntil: timestamp('previous_secret_until', { withTimezone: true }),
    enabled: boolean('enabled').notNull().default(true),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('inbound_webhooks_team_idx').on(table.teamId)],
);

/** The sender's own id for each call (an alert id, an issue key): a repeat finds its request. */
export const inboundWebhookReceipts = pgTable(
  'inbound_webhook_receipts',
  {
    webhookId: uuid('webhook_id')
      .notNull()
      .references(() => inboundWebhooks.id, { onDelete: 'cascade' }),
    externalId: text('external_id').notNull(),
    requestId: uuid('request_id').references(() => serviceRequests.id, { onDelete: 'set null' }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.webhookId, table.externalId] })],
);
