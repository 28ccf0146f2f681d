import { and, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database.ts';
import { inboundMessages, mailThreadIds, replyTokens, teamMailSettings, type InboundStatus } from './mail.tables.ts';

// The only place that writes SQL for inbound mail.

export type InboundMessageRow = typeof inboundMessages.$inferSelect;
export type TeamMailSettingsRow = typeof teamMailSettings.$inferSelect;

export interface NewInboundMessage {
  teamId: string;
  channel: 'smtp' | 'imap';
  messageKey: string;
  sha256: string;
  envelopeFrom: string | null;
  envelopeTo: string[];
  raw: Buffer;
  /** Set only for a message kept without processing (one too large to take). */
  status?: InboundStatus;
  statusReason?: string | null;
  automatedKind?: string | null;
}

/** One INSERT ... ON CONFLICT DO NOTHING: the new row's id, or null when the message was already stored. */
export async function insertInboundMessage(db: Queryable, message: NewInboundMessage): Promise<string | null> {
  const [row] = await db
    .insert(inboundMessages)
    .values({ ...message, sizeBytes: message.raw.length })
    .onConflictDoNothing({ target: [inboundMessages.teamId, inboundMessages.messageKey] })
    .returning({ id: inboundMessages.id });
  return row?.id ?? null;
}

export async function selectInboundMessage(db: Queryable, id: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(inboundMessages).where(eq(inboundMessages.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export interface InboundOutcome {
  status: InboundStatus;
  statusReason?: string | null;
  automatedKind?: string | null;
  requestId?: string | null;
  eventId?: number | null;
}

export async function recordOutcome(db: Queryable, id: string, outcome: InboundOutcome): Promise<void> {
  await db
    .update(inboundMessages)
    .set({
      status: outcome.status,
      statusReason: outcome.statusReason ?? null,
      automatedKind: outcome.automatedKind ?? null,
      requestId: outcome.requestId ?? null,
      eventId: outcome.eventId ?? null,
      processedAt: outcome.status === 'received' ? null : sql`now()`,
      attempts: sql`${inboundMessages.attempts} + 1`,
    })
    .where(eq(inboundMessages.id, id));
}

/** Back to 'received' for another processing run; the admin's reprocess. */
export async function resetToReceived(db: Queryable, id: string): Promise<boolean> {
  const rows = await db
    .update(inboundMessages)
    .set({ status: 'received', statusReason: null, processedAt: null })
    .where(and(eq(inboundMessages.id, id), sql`${inboundMessages.status} in ('failed', 'held', 'rejected')`))
    .returning({ id: inboundMessages.id });
  return rows.length === 1;
}

export async function selectInboundByStatus(db: Queryable, status: InboundStatus, limit: number) {
  return db
    .select({
      id: inboundMessages.id,
      teamId: inboundMessages.teamId,
      channel: inboundMessages.channel,
      messageKey: inboundMessages.messageKey,
      envelopeFrom: inboundMessages.envelopeFrom,
      sizeBytes: inboundMessages.sizeBytes,
      receivedAt: inboundMessages.receivedAt,
      status: inboundMessages.status,
      statusReason: inboundMessages.statusReason,
      automatedKind: inboundMessages.automatedKind,
      attempts: inboundMessages.attempts,
      processedAt: inboundMessages.processedAt,
      requestId: inboundMessages.requestId,
    })
    .from(inboundMessages)
    .where(eq(inboundMessages.status, status))
    .orderBy(desc(inboundMessages.receivedAt))
    .limit(limit);
}

export async function selectMailSettingsByAddress(db: Queryable, address: string): Promise<TeamMailSettingsRow | undefined> {
  const [row] = await db.select().from(teamMailSettings).where(eq(teamMailSettings.inboundAddress, address));
  return row;
}

export async function selectMailSettingsByTeam(db: Queryable, teamId: string): Promise<TeamMailSettingsRow | undefined> {
  const [row] = await db.select().from(teamMailSettings).where(eq(teamMailSettings.teamId, teamId));
  return row;
}

export async function selectAllMailSettings(db: Queryable): Promise<TeamMailSettingsRow[]> {
  return db.select().from(teamMailSettings);
}

export async function upsertMailSettings(db: Queryable, values: typeof teamMailSettings.$inferInsert): Promise<void> {
  await db.insert(teamMailSettings).values(values).onConflictDoUpdate({ target: teamMailSettings.teamId, set: { ...values, updatedAt: sql`now()` } });
}

export async function recordImapPosition(db: Queryable, teamId: string, position: { uidValidity: number; lastUid: number; error: string | null }) {
  await db
    .update(teamMailSettings)
    .set({ imapUidValidity: position.uidValidity, imapLastUid: position.lastUid, imapPolledAt: sql`now()`, imapLastError: position.error })
    .where(eq(teamMailSettings.teamId, teamId));
}

export async function recordImapError(db: Queryable, teamId: string, error: string) {
  await db.update(teamMailSettings).set({ imapPolledAt: sql`now()`, imapLastError: error }).where(eq(teamMailSettings.teamId, teamId));
}

export async function selectRequestIdByToken(db: Queryable, token: string): Promise<string | undefined> {
  const [row] = await db.select({ requestId: replyTokens.requestId }).from(replyTokens).where(eq(replyTokens.token, token));
  return row?.requestId;
}

export async function insertReplyToken(db: Queryable, requestId: string, token: string): Promise<string> {
  await db.insert(replyTokens).values({ requestId, token }).onConflictDoNothing();
  const [row] = await db.select({ token: replyTokens.token }).from(replyTokens).where(eq(replyTokens.requestId, requestId));
  return row!.token;
}

/** The request of the first of these Message-IDs Hallway knows, in the order given (most recent first). */
export async function selectRequestIdByMessageIds(db: Queryable, messageIds: string[]): Promise<string | undefined> {
  for (const messageId of messageIds) {
    const [row] = await db.select({ requestId: mailThreadIds.requestId }).from(mailThreadIds).where(eq(mailThreadIds.messageId, messageId));
    if (row) return row.requestId;
  }
  return undefined;
}

export async function insertThreadId(db: Queryable, messageId: string, requestId: string, direction: 'in' | 'out'): Promise<void> {
  await db.insert(mailThreadIds).values({ messageId, requestId, direction }).onConflictDoNothing();
}
