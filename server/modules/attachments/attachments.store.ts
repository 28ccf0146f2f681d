import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.ts';
import { attachments } from './attachments.tables.ts';

// The only place that writes SQL for attachments. Reads of many rows never select the bytes.

/** An upload no request and no article has claimed yet: its uploader's alone, deleted after a day. */
const isUnlinked = and(isNull(attachments.requestId), isNull(attachments.articleId));

export type AttachmentRow = typeof attachments.$inferSelect;
export type AttachmentMeta = Omit<AttachmentRow, 'content'>;
export type NewAttachmentRow = typeof attachments.$inferInsert;

const meta = {
  id: attachments.id,
  requestId: attachments.requestId,
  articleId: attachments.articleId,
  uploadedBy: attachments.uploadedBy,
  visibility: attachments.visibility,
  fileName: attachments.fileName,
  contentType: attachments.contentType,
  sizeBytes: attachments.sizeBytes,
  sha256: attachments.sha256,
  createdAt: attachments.createdAt,
  linkedAt: attachments.linkedAt,
};

export async function insertAttachment(tx: Queryable, row: NewAttachmentRow): Promise<AttachmentMeta> {
  const [saved] = await tx.insert(attachments).values(row).returning(meta);
  if (!saved) throw new Error('insert returned no row');
  return saved;
}

export async function selectAttachmentMeta(db: Queryable, id: string): Promise<AttachmentMeta | undefined> {
  const [row] = await db.select(meta).from(attachments).where(eq(attachments.id, id)).limit(1);
  return row;
}

export async function selectAttachmentContent(db: Queryable, id: string): Promise<Buffer | undefined> {
  const [row] = await db.select({ content: attachments.content }).from(attachments).where(eq(attachments.id, id)).limit(1);
  return row?.content;
}

export async function selectRequestAttachments(db: Queryable, requestId: string, visibilities: readonly ('public' | 'internal')[]): Promise<AttachmentMeta[]> {
  return db
    .select(meta)
    .from(attachments)
    .where(and(eq(attachments.requestId, requestId), inArray(attachments.visibility, [...visibilities])))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

/** Of these ids, the person's own uploads that no request has claimed yet. */
export async function selectUnlinkedUploads(db: Queryable, uploadedBy: string, ids: readonly string[]): Promise<AttachmentMeta[]> {
  if (ids.length === 0) return [];
  return db
    .select(meta)
    .from(attachments)
    .where(and(inArray(attachments.id, [...ids]), eq(attachments.uploadedBy, uploadedBy), isUnlinked));
}

/** Claims unlinked uploads for a request; returns the ids claimed (a concurrent claim wins once). */
export async function linkUploads(tx: Queryable, uploadedBy: string, ids: readonly string[], requestId: string, at?: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .update(attachments)
    .set({ requestId, linkedAt: at ?? sql`now()` })
    .where(and(inArray(attachments.id, [...ids]), eq(attachments.uploadedBy, uploadedBy), isUnlinked))
    .returning({ id: attachments.id });
  return rows.map((row) => row.id);
}

export async function deleteUnlinkedUpload(tx: Queryable, id: string): Promise<boolean> {
  const rows = await tx
    .delete(attachments)
    .where(and(eq(attachments.id, id), isUnlinked))
    .returning({ id: attachments.id });
  return rows.length > 0;
}
