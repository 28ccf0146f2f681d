import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database.ts';
import { channelConnections, channelInboundReceipts, channelThreads, type ConnectionKind } from './apps.tables.ts';

// The only place that writes SQL for chat-app and SMS connections, their threads and inbound receipts.

export type ConnectionRow = typeof channelConnections.$inferSelect;
export type NewConnection = typeof channelConnections.$inferInsert;
export type ChannelThreadRow = typeof channelThreads.$inferSelect;

export async function insertConnection(db: Queryable, connection: NewConnection): Promise<ConnectionRow> {
  const [row] = await db.insert(channelConnections).values(connection).returning();
  return row!;
}

export async function selectConnectionById(db: Queryable, id: string): Promise<ConnectionRow | undefined> {
  const [row] = await db.select().from(channelConnections).where(eq(channelConnections.id, id));
  return row;
}

export async function selectConnectionByExternalId(db: Queryable, kind: ConnectionKind, externalId: string): Promise<ConnectionRow | undefined> {
  const [row] = await db
    .select()
    .from(channelConnections)
    .where(and(eq(channelConnections.kind, kind), eq(channelConnections.externalId, externalId)));
  return row;
}

export function selectConnectionsOfTeam(db: Queryable, teamId: string): Promise<ConnectionRow[]> {
  return db.select().from(channelConnections).where(eq(channelConnections.teamId, teamId)).orderBy(asc(channelConnections.createdAt), asc(channelConnections.id));
}

export function selectEnabledConnectionsOfKind(db: Queryable, kind: ConnectionKind): Promise<ConnectionRow[]> {
  return db
    .select()
    .from(channelConnections)
    .where(and(eq(channelConnections.kind, kind), eq(channelConnections.enabled, true)))
    .orderBy(asc(channelConnections.createdAt));
}

export async function updateConnection(db: Queryable, id: string, change: Partial<NewConnection>): Promise<ConnectionRow | undefined> {
  const [row] = await db
    .update(channelConnections)
    .set({ ...change, updatedAt: sql`now()` })
    .where(eq(channelConnections.id, id))
    .returning();
  return row;
}

export async function deleteConnection(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.delete(channelConnections).where(eq(channelConnections.id, id)).returning({ id: channelConnections.id });
  return rows.length > 0;
}

/** True when this call's id was not recorded before (and now is); false for a retry or a replay. */
export async function insertInboundReceipt(db: Queryable, connectionId: string, externalMessageId: string, requestId: string | null): Promise<boolean> {
  const rows = await db
    .insert(channelInboundReceipts)
    .values({ connectionId, externalMessageId, requestId })
    .onConflictDoNothing()
    .returning({ id: channelInboundReceipts.externalMessageId });
  return rows.length > 0;
}

export async function setReceiptRequest(db: Queryable, connectionId: string, externalMessageId: string, requestId: string): Promise<void> {
  await db
    .update(channelInboundReceipts)
    .set({ requestId })
    .where(and(eq(channelInboundReceipts.connectionId, connectionId), eq(channelInboundReceipts.externalMessageId, externalMessageId)));
}

export async function selectInboundReceipt(db: Queryable, connectionId: string, externalMessageId: string) {
  const [row] = await db
    .select()
    .from(channelInboundReceipts)
    .where(and(eq(channelInboundReceipts.connectionId, connectionId), eq(channelInboundReceipts.externalMessageId, externalMessageId)));
  return row;
}

/** The thread's row, new or as it was (one outside thread per request and place). */
export async function insertThread(
  db: Queryable,
  thread: { connectionId: string; requestId: string; externalThread: string; personId: string | null },
): Promise<{ row: ChannelThreadRow; created: boolean }> {
  const [created] = await db.insert(channelThreads).values(thread).onConflictDoNothing().returning();
  if (created) return { row: created, created: true };
  const [existing] = await db
    .select()
    .from(channelThreads)
    .where(
      and(
        eq(channelThreads.connectionId, thread.connectionId),
        eq(channelThreads.externalThread, thread.externalThread),
        eq(channelThreads.requestId, thread.requestId),
      ),
    );
  return { row: existing!, created: false };
}

export async function selectThreadById(db: Queryable, id: string): Promise<ChannelThreadRow | undefined> {
  const [row] = await db.select().from(channelThreads).where(eq(channelThreads.id, id));
  return row;
}

export function selectThreadsOfRequest(db: Queryable, requestId: string, kind: ConnectionKind) {
  return db
    .select({ thread: channelThreads, connection: channelConnections })
    .from(channelThreads)
    .innerJoin(channelConnections, eq(channelConnections.id, channelThreads.connectionId))
    .where(and(eq(channelThreads.requestId, requestId), eq(channelConnections.kind, kind)))
    .orderBy(asc(channelThreads.createdAt));
}

export function selectThreadsByExternal(db: Queryable, connectionId: string, externalThread: string): Promise<ChannelThreadRow[]> {
  return db
    .select()
    .from(channelThreads)
    .where(and(eq(channelThreads.connectionId, connectionId), eq(channelThreads.externalThread, externalThread)));
}

export async function setThreadExternal(db: Queryable, id: string, externalThread: string): Promise<void> {
  await db.update(channelThreads).set({ externalThread }).where(eq(channelThreads.id, id));
}
