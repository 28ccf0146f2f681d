import type { Queryable } from '../../../platform/db/database.ts';
import type { RequestActor } from '../../requests/requests.policy.ts';
import { findVisibleRequest } from '../../requests/visible-request.ts';
import { MailParseError, parseMail } from './parse/parse-mail.ts';
import { FULL_TEXT_LIMIT, type RequestMailMessage, type RequestMailSource } from './request-mail.schema.ts';
import { selectMailFiledOnRequest, selectRawMessage } from './request-mail.store.ts';

// The whole mail behind a request (issue 6: the timeline shows it trimmed, the full text is kept).
// Whoever may see the request may read it, and nobody else learns it exists: the request's own
// policy decides, through findVisibleRequest (404 REQUEST_NOT_FOUND otherwise). The text is the
// stored raw message parsed again, so it is exactly what was sent, not a copy that could drift.

/** Which timeline entries came from mail; nothing is parsed, so a page can ask for it every time. */
export async function listRequestMailSources(db: Queryable, actor: RequestActor, key: string): Promise<{ items: RequestMailSource[] }> {
  const request = await findVisibleRequest(db, actor, key);
  const rows = await selectMailFiledOnRequest(db, request.id);
  return { items: rows.map((row) => ({ id: row.id, eventId: row.eventId, receivedAt: row.receivedAt.toISOString() })) };
}

export async function listRequestMail(db: Queryable, actor: RequestActor, key: string): Promise<{ items: RequestMailMessage[] }> {
  const request = await findVisibleRequest(db, actor, key);
  const items: RequestMailMessage[] = [];
  // One raw message in memory at a time: each may be tens of megabytes with its attachments.
  for (const row of await selectMailFiledOnRequest(db, request.id)) {
    const raw = await selectRawMessage(db, row.id);
    if (!raw) continue;
    items.push({ id: row.id, eventId: row.eventId, receivedAt: row.receivedAt.toISOString(), ...(await readMail(raw)) });
  }
  return { items };
}

type ReadMail = Omit<RequestMailMessage, 'id' | 'eventId' | 'receivedAt'>;

async function readMail(raw: Buffer): Promise<ReadMail> {
  try {
    const mail = await parseMail(raw);
    const text = mail.text.replaceAll('\u0000', '');
    return {
      from: mail.from ? { name: mail.from.name, address: mail.from.address } : null,
      subject: mail.subject,
      text: text.slice(0, FULL_TEXT_LIMIT),
      textTruncated: text.length > FULL_TEXT_LIMIT,
      attachments: mail.attachments.map((file) => ({ fileName: file.fileName, contentType: file.contentType, sizeBytes: file.sizeBytes })),
      unreadable: null,
    };
  } catch (error) {
    // It was parsed when filed; a parser changed since must not hide the other messages.
    if (!(error instanceof MailParseError)) throw error;
    return { from: null, subject: '', text: '', textTruncated: false, attachments: [], unreadable: error.message };
  }
}
