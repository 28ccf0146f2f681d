import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Durable timers: something to do at an instant (an SLA warning, a breach). A timer fires in the
 * same transaction as its effect, so it fires exactly once however many processes poll (see
 * docs/decisions/0009-durable-timers.md).
 */
export const timers = pgTable(
  'timers',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    firedAt: timestamp('fired_at', { withTimezone: true }),
    /** Failed attempts; a failing timer is retried later, and given up (failed_at) after a few. */
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    failedAt: timestamp('failed_at', { withTimezone: true }),
  },
  (table) => [index('timers_pending_due_idx').on(table.dueAt).where(sql`${table.firedAt} is null and ${table.failedAt} is null`)],
);

/**
 * What the `probe` timer kind records each time it fires: operators (and the multi-process test and
 * the lag benchmark) check that timers fire once and on time. No unique key on purpose: a timer
 * that fired twice would show as two rows.
 */
export const timerProbeFirings = pgTable('timer_probe_firings', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  timerId: integer('timer_id').notNull(),
  dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
  firedAt: timestamp('fired_at', { withTimezone: true }).notNull().defaultNow(),
  firedBy: text('fired_by').notNull(),
});
