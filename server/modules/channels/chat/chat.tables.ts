import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { people, teams } from '../../people/people.tables.ts';
import { serviceRequests } from '../../requests/requests.tables.ts';

export const chatStatuses = ['waiting', 'active', 'ended'] as const;
export type ChatStatus = (typeof chatStatuses)[number];

/**
 * A live chat is a request (channel 'chat') whose timeline is the conversation; this row holds
 * only what the chat adds: who picked it up, and whether the employee is still there, so an
 * agent's reply after they left goes on by e-mail.
 */
export const chatConversations = pgTable(
  'chat_conversations',
  {
    requestId: uuid('request_id')
      .primaryKey()
      .references(() => serviceRequests.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    requesterId: uuid('requester_id')
      .notNull()
      .references(() => people.id),
    status: text('status', { enum: chatStatuses }).notNull().default('waiting'),
    pickedUpBy: uuid('picked_up_by').references(() => people.id),
    pickedUpAt: timestamp('picked_up_at', { withTimezone: true }),
    /** The employee's panel says it is open (a heartbeat); old means they have left. */
    requesterSeenAt: timestamp('requester_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when the employee closes the panel or signs out; cleared when they come back. */
    requesterLeftAt: timestamp('requester_left_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('chat_conversations_team_status_idx').on(table.teamId, table.status, table.createdAt),
    check('chat_conversations_status', sql`${table.status} in ('waiting', 'active', 'ended')`),
  ],
);

/** Which agents are on shift for which team now: only they are offered waiting chats. */
export const agentShifts = pgTable(
  'agent_shifts',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    onShift: boolean('on_shift').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.personId, table.teamId] })],
);
