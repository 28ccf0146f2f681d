import { createHash } from 'node:crypto';
import type { Queryable } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { scheduleTimer } from '../../platform/jobs/timers.ts';
import { findArticleForHallway, findWritableArticle } from '../knowledge/articles.service.ts';
import { findPersonById } from '../people/people.service.ts';
import { appendRequestEvents } from '../requests/request-changes.service.ts';
import { canComment, canSeeInternal, type RequestActor } from '../requests/requests.policy.ts';
import { findRequestForHallway } from '../requests/requests.service.ts';
import { findVisibleRequest } from '../requests/visible-request.ts';
import { canOpenAttachment, cleanContentType, cleanFileName, MAX_ATTACHMENT_BYTES } from './attachments.policy.ts';
import type { ArticleFileView, AttachmentView } from './attachments.schema.ts';
import * as store from './attachments.store.ts';

/** An unclaimed upload is deleted this long after it was made (a form abandoned half-way). */
export const UNCLAIMED_UPLOAD_HOURS = 24;
export const ATTACHMENT_EXPIRY_TIMER = 'attachments.expire';

export interface ReceivedFile {
  fileName: string | undefined;
  contentType: string | undefined;
  content: Buffer;
}

function checkedFile(file: ReceivedFile) {
  if (file.content.length === 0) throw new AppError('VALIDATION_FAILED', 'body.file: the file is empty', [{ field: 'body.file', reason: 'must not be empty' }]);
  if (file.content.length > MAX_ATTACHMENT_BYTES) throw tooLarge();
  return {
    fileName: cleanFileName(file.fileName),
    contentType: cleanContentType(file.contentType),
    sizeBytes: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    content: file.content,
  };
}

export const tooLarge = () =>
  new AppError('BODY_TOO_LARGE', `body.file: files may be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB`, [
    { field: 'body.file', reason: `must be at most ${MAX_ATTACHMENT_BYTES} bytes` },
  ]);

/**
 * A file for a service form's file answer, uploaded before the request exists: the uploader's alone
 * until a filing names it as an answer (attachments.reaction.ts), deleted a day later otherwise.
 */
export async function uploadFile(db: Queryable, actor: RequestActor, file: ReceivedFile): Promise<AttachmentView> {
  const row = checkedFile(file);
  const saved = await db.transaction(async (tx) => {
    const inserted = await store.insertAttachment(tx, { ...row, uploadedBy: actor.personId });
    const expiresAt = new Date(inserted.createdAt.getTime() + UNCLAIMED_UPLOAD_HOURS * 3_600_000);
    await scheduleTimer(tx, { kind: ATTACHMENT_EXPIRY_TIMER, dueAt: expiresAt, payload: { attachmentId: inserted.id } });
    return inserted;
  });
  return present(saved, null, actor.name);
}

/**
 * A file added to a request's timeline, publicly or (the team's agents) as an internal attachment:
 * the same rights as a reply or a note, and an `attachment_added` event of the same visibility.
 */
export async function attachToRequest(
  db: Queryable,
  actor: RequestActor,
  key: string,
  visibility: 'public' | 'internal',
  file: ReceivedFile,
): Promise<AttachmentView> {
  const row = checkedFile(file);
  const { saved, requestKey } = await db.transaction(async (tx) => {
    const request = await findVisibleRequest(tx, actor, key, { lock: true });
    const decision = canComment(actor, request, visibility);
    if (!decision.allowed) throw new AppError('FORBIDDEN', decision.reason);
    if (request.status === 'closed') throw new AppError('REQUEST_CLOSED');
    const inserted = await store.insertAttachment(tx, { ...row, uploadedBy: actor.personId, requestId: request.id, visibility, linkedAt: new Date() });
    await appendRequestEvents(tx, request.id, [
      {
        actorId: actor.personId,
        kind: 'attachment_added',
        visibility,
        data: { attachmentId: inserted.id, fileName: inserted.fileName, size: inserted.sizeBytes, contentType: inserted.contentType },
      },
    ]);
    return { saved: inserted, requestKey: request.key };
  });
  return present(saved, requestKey, actor.name);
}

/**
 * A file for an article (an image or a short video it shows), by an agent of the article's team or
 * an admin: readable by whoever may read the article, and never expired as an unclaimed upload.
 */
export async function attachToArticle(db: Queryable, actor: RequestActor, slug: string, file: ReceivedFile): Promise<ArticleFileView> {
  const row = checkedFile(file);
  const saved = await db.transaction(async (tx) => {
    const article = await findWritableArticle(tx, actor, slug);
    return store.insertAttachment(tx, { ...row, uploadedBy: actor.personId, articleId: article.id, visibility: 'public', linkedAt: new Date() });
  });
  const url = `/api/v1/attachments/${saved.id}/content`;
  return { id: saved.id, fileName: saved.fileName, contentType: saved.contentType, sizeBytes: saved.sizeBytes, url };
}

/** The files of a request the caller may see: public ones, and internal ones for the team's agents. */
export async function listRequestAttachments(db: Queryable, actor: RequestActor, key: string): Promise<{ items: AttachmentView[] }> {
  const request = await findVisibleRequest(db, actor, key);
  const rows = await store.selectRequestAttachments(db, request.id, canSeeInternal(actor, request) ? ['public', 'internal'] : ['public']);
  const names = new Map<string, string>();
  for (const id of new Set(rows.map((row) => row.uploadedBy))) names.set(id, (await findPersonById(db, id))?.name ?? '');
  return { items: rows.map((row) => present(row, request.key, names.get(row.uploadedBy) ?? '')) };
}

/** A file's facts, for whoever may open it (a form's file answer names only its id). */
export async function describeAttachment(db: Queryable, actor: RequestActor, id: string): Promise<AttachmentView> {
  const { meta, requestKey } = await openable(db, actor, id);
  const uploader = await findPersonById(db, meta.uploadedBy);
  return present(meta, requestKey, uploader?.name ?? '');
}

/** The file's facts and bytes, or 404 for anyone who may not open it (its existence stays unknown). */
export async function openAttachment(db: Queryable, actor: RequestActor, id: string): Promise<{ meta: store.AttachmentMeta; content: Buffer }> {
  const { meta } = await openable(db, actor, id);
  const content = await store.selectAttachmentContent(db, id);
  if (!content) throw notFound(id);
  return { meta, content };
}

async function openable(db: Queryable, actor: RequestActor, id: string): Promise<{ meta: store.AttachmentMeta; requestKey: string | null }> {
  const meta = await store.selectAttachmentMeta(db, id);
  const request = meta?.requestId ? await findRequestForHallway(db, { id: meta.requestId }) : undefined;
  const article = meta?.articleId ? await findArticleForHallway(db, meta.articleId) : undefined;
  if (!meta || !canOpenAttachment(actor, meta, request, article)) throw notFound(id);
  return { meta, requestKey: request?.key ?? null };
}

const notFound = (id: string) =>
  new AppError('ATTACHMENT_NOT_FOUND', `No attachment ${id} that you can open`, [{ field: 'params.id', reason: 'no attachment you can open has this id' }]);

function present(row: store.AttachmentMeta, requestKey: string | null, uploaderName: string): AttachmentView {
  return {
    id: row.id,
    requestKey,
    visibility: row.visibility,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.sizeBytes,
    sha256: row.sha256,
    uploadedBy: { id: row.uploadedBy, name: uploaderName },
    createdAt: row.createdAt.toISOString(),
    contentUrl: `/api/v1/attachments/${row.id}/content`,
  };
}
