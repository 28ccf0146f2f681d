import { and, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/database.ts';
import { channelConnections, channelInboundReceipts, channelThreads, type ConnectionKind } from '../apps.tables.ts';

// The SQL the Teams and SMS endpoints need on channel_connections, channel_threads and
// channel_inbound_receipts. Kept apart from the connections admin module (built alongside) so both
// can land independently; once its service offers the same reads, these move there.

export type ConnectionRow = typeof channelConnections.$inferSelect;
export type ThreadRow = typeof channelThreads.$inferSelect;

/** An enabled connection of this kind, by the id in our URL. */
export async function selectEnabledConnection(db: Queryable, id: string, kind: ConnectionKind): Promise<ConnectionRow | undefined> {
  const [row] = await db
    .select()
    .from(channelConnections)
    .where(and(eq(channelConnections.id, id), eq(channelConnections.kind, kind), eq(channelConnections.enabled, true)))
    .limit(1);
  return row;
}

export async function selectConnectionById(db: Queryable, id: string): Promise<ConnectionRow | undefined> {
  const [row] = await db.select().from(channelConnections).where(eq(channelConnections.id, id)).limit(1);
  return row;
}

/**
 * Records an inbound message's own id; false when it was recorded before (a gateway's retry, a
 * replay in another process). On PostgreSQL a concurrent second insert waits for the first to commit.
 */
export async function claimReceipt(tx: Queryable, connectionId: string, externalMessageId: string): Promise<boolean> {
  const inserted = await tx
    .insert(channelInboundReceipts)
    .values({ connectionId, externalMessageId })
    .onConflictDoNothing()
    .returning({ id: channelInboundReceipts.externalMessageId });
  return inserted.length === 1;
}

/** The request a recorded message led to (null: nothing was filed). */
export async function selectReceiptRequest(db: Queryable, connectionId: string, externalMessageId: string): Promise<string | null> {
  const [row] = await db
    .select({ requestId: channelInboundReceipts.requestId })
    .from(channelInboundReceipts)
    .where(and(eq(channelInboundReceipts.connectionId, connectionId), eq(channelInboundReceipts.externalMessageId, externalMessageId)));
  return row?.requestId ?? null;
}

export async function setReceiptRequest(tx: Queryable, connectionId: string, externalMessageId: string, requestId: string): Promise<void> {
  await tx
    .update(channelInboundReceipts)
    .set({ requestId })
    .where(and(eq(channelInboundReceipts.connectionId, connectionId), eq(channelInboundReceipts.externalMessageId, externalMessageId)));
}

/** The requests an outside conversation (a Teams conversation, an SMS number) is linked to, newest first. */
export async function selectThreads(db: Queryable, connectionId: string, externalThread: string): Promise<ThreadRow[]> {
  return db
    .select()
    .from(channelThreads)
    .where(and(eq(channelThreads.connectionId, connectionId), eq(channelThreads.externalThread, externalThread)))
    .orderBy(desc(channelThreads.createdAt));
}

export async function insertThread(
  tx: Queryable,
  thread: { connectionId: string; requestId: string; externalThread: string; personId: string | null },
): Promise<void> {
  await tx.insert(channelThreads).values(thread).onConflictDoNothing();
}

/** Where a request is followed through connections of this kind, with each connection. */
export async function selectThreadsOfRequest(
  db: Queryable,
  requestId: string,
  kind: ConnectionKind,
): Promise<Array<{ thread: ThreadRow; connection: ConnectionRow }>> {
  return db
    .select({ thread: channelThreads, connection: channelConnections })
    .from(channelThreads)
    .innerJoin(channelConnections, eq(channelConnections.id, channelThreads.connectionId))
    .where(and(eq(channelThreads.requestId, requestId), eq(channelConnections.kind, kind), sql`${channelConnections.enabled}`))
    .orderBy(channelThreads.createdAt);
}
