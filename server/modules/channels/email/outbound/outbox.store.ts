import { and, desc, eq, getTableColumns, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/database.ts';
import { outboundMessages, type OutboundMailStatus } from './outbound.tables.ts';

// The only place that writes SQL for the outbox (outbound_messages).

export type OutboundMessageRow = typeof outboundMessages.$inferSelect;
export type NewOutboundMessage = typeof outboundMessages.$inferInsert;

/** The new row's id, or null when a row with the same dedupe key exists. */
export async function insertOutboundMessage(db: Queryable, values: NewOutboundMessage): Promise<string | null> {
  const [row] = await db
    .insert(outboundMessages)
    .values(values)
    .onConflictDoNothing({ target: outboundMessages.dedupeKey })
    .returning({ id: outboundMessages.id });
  return row?.id ?? null;
}

/**
 * Mails to this address written since `since`, not suppressed, of this RFC 3834 class (the
 * Auto-Submitted header the loop guard stored): what the rate limit counts.
 */
export async function countRecentTo(db: Queryable, toAddress: string, autoSubmitted: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(outboundMessages)
    .where(
      and(
        eq(outboundMessages.toAddress, toAddress),
        sql`${outboundMessages.headers}->>'Auto-Submitted' = ${autoSubmitted}`,
        sql`${outboundMessages.status} <> 'suppressed'`,
        sql`${outboundMessages.createdAt} >= ${since.toISOString()}::timestamptz`,
      ),
    );
  return Number(row?.count ?? 0);
}

/**
 * Serialises the loop guard's count-then-insert for one recipient until the caller's transaction
 * ends, so two answers written at once cannot both slip under the limit.
 */
export async function lockRecipient(db: Queryable, toAddress: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`hallway.outbox:${toAddress}`}))`);
}

/**
 * Leases due mail: queued, or 'sending' under a lease that ran out (its worker died). Committed by
 * the caller's short transaction before any network call.
 */
export async function claimDueMail(db: Queryable, now: Date, limit: number, leaseUntil: Date): Promise<OutboundMessageRow[]> {
  const due = db
    .select({ id: outboundMessages.id })
    .from(outboundMessages)
    .where(
      and(
        or(eq(outboundMessages.status, 'queued'), and(eq(outboundMessages.status, 'sending'), lt(outboundMessages.leasedUntil, now))),
        sql`${outboundMessages.nextAttemptAt} <= ${now.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(outboundMessages.nextAttemptAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(outboundMessages)
    .set({ status: 'sending', leasedUntil: leaseUntil })
    .where(sql`${outboundMessages.id} in (${due})`)
    .returning();
}

/** Only the worker holding this lease may record its outcome: a worker whose lease ran out records nothing. */
const heldLease = (id: string, leasedUntil: Date) =>
  and(eq(outboundMessages.id, id), eq(outboundMessages.status, 'sending'), eq(outboundMessages.leasedUntil, leasedUntil));

export async function recordSent(db: Queryable, id: string, leasedUntil: Date, smtpResponse: string): Promise<void> {
  await db
    .update(outboundMessages)
    .set({ status: 'sent', sentAt: sql`now()`, smtpResponse, leasedUntil: null, lastError: null, attempts: sql`${outboundMessages.attempts} + 1` })
    .where(heldLease(id, leasedUntil));
}

/** A failed try: queued again for `nextAttemptAt`, or failed for good when that is null. */
export async function recordFailure(db: Queryable, id: string, leasedUntil: Date, error: string, nextAttemptAt: Date | null, reason: string | null): Promise<void> {
  await db
    .update(outboundMessages)
    .set({
      status: nextAttemptAt ? 'queued' : 'failed',
      statusReason: nextAttemptAt ? null : reason,
      lastError: error,
      leasedUntil: null,
      attempts: sql`${outboundMessages.attempts} + 1`,
      ...(nextAttemptAt ? { nextAttemptAt } : {}),
    })
    .where(heldLease(id, leasedUntil));
}

export interface OutboxFilter {
  status?: OutboundMailStatus;
  kind?: string;
  to?: string;
  requestId?: string;
  /** Newest first: rows strictly older than this position. */
  after?: { createdAt: string; id: string };
  limit: number;
}

/** A row with its creation instant as PostgreSQL text (microseconds kept), for an exact cursor. */
export type OutboxPageRow = OutboundMessageRow & { createdAtExact: string };

export async function selectOutboxPage(db: Queryable, filter: OutboxFilter): Promise<OutboxPageRow[]> {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(outboundMessages.status, filter.status));
  if (filter.kind) conditions.push(eq(outboundMessages.kind, filter.kind));
  if (filter.to) conditions.push(eq(outboundMessages.toAddress, filter.to));
  if (filter.requestId) conditions.push(eq(outboundMessages.requestId, filter.requestId));
  if (filter.after) {
    conditions.push(sql`(${outboundMessages.createdAt}, ${outboundMessages.id}) < (${filter.after.createdAt}::timestamptz, ${filter.after.id}::uuid)`);
  }
  return db
    .select({ ...getTableColumns(outboundMessages), createdAtExact: sql<string>`${outboundMessages.createdAt}::text` })
    .from(outboundMessages)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(outboundMessages.createdAt), desc(outboundMessages.id))
    .limit(filter.limit);
}

export async function selectOutboundMessage(db: Queryable, id: string): Promise<OutboundMessageRow | undefined> {
  const [row] = await db.select().from(outboundMessages).where(eq(outboundMessages.id, id));
  return row;
}

/** A failed or suppressed mail queued again, due now, with a fresh count of tries; false for any other status. */
export async function requeueMessage(db: Queryable, id: string): Promise<boolean> {
  const rows = await db
    .update(outboundMessages)
    .set({ status: 'queued', statusReason: null, attempts: 0, nextAttemptAt: sql`now()`, leasedUntil: null })
    .where(and(eq(outboundMessages.id, id), sql`${outboundMessages.status} in ('failed', 'suppressed')`))
    .returning({ id: outboundMessages.id });
  return rows.length === 1;
}
