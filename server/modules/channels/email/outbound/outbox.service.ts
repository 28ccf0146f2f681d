import type { Actor } from '../../../../platform/auth/actor.ts';
import type { Queryable } from '../../../../platform/db/database.ts';
import { AppError } from '../../../../platform/http/errors.ts';
import { pageFrom } from '../../../../platform/http/pagination.ts';
import { findRequestForHallway } from '../../../requests/requests.service.ts';
import type { OutboundMessageDetail, OutboundMessageSummary, OutboxQuery } from './outbox.schema.ts';
import { requeueMessage, selectOutboundMessage, selectOutboxPage, type OutboundMessageRow } from './outbox.store.ts';
import { isRelayConfigured } from './relay-status.ts';

// The outbox for admins: read every mail Hallway wrote, and send a failed or held-back one again.

function requireAdmin(actor: Pick<Actor, 'isAdmin'>): void {
  if (!actor.isAdmin) throw new AppError('FORBIDDEN', 'Only admins see the outbox');
}

interface RequestNaming {
  key: string;
  confidential: boolean;
}

/** Request keys by id, through the requests service (a page names few requests). */
async function keysOf(db: Queryable, rows: OutboundMessageRow[]): Promise<Map<string, RequestNaming>> {
  const keys = new Map<string, RequestNaming>();
  for (const requestId of new Set(rows.map((row) => row.requestId).filter((id): id is string => id !== null))) {
    const request = await findRequestForHallway(db, { id: requestId });
    if (request) keys.set(requestId, { key: request.key, confidential: request.confidential });
  }
  return keys;
}

/**
 * Admins run Hallway but do not read confidential cases (requests.policy.ts), and mail about one
 * repeats its words: the outbox shows such a mail's delivery (to whom, when, the relay's answer)
 * but not its subject, its bodies or which request it is about.
 */
const HIDDEN = '(about a confidential request: not shown)';
const isConfidential = (row: OutboundMessageRow, keys: Map<string, RequestNaming>) =>
  row.requestId !== null && keys.get(row.requestId)?.confidential === true;

function summary(row: OutboundMessageRow, keys: Map<string, RequestNaming>): OutboundMessageSummary {
  const hidden = isConfidential(row, keys);
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    statusReason: row.statusReason,
    to: row.toAddress,
    from: row.fromAddress,
    subject: hidden ? HIDDEN : row.subject,
    requestKey: hidden || !row.requestId ? null : (keys.get(row.requestId)?.key ?? null),
    teamId: row.teamId,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'queued' ? row.nextAttemptAt.toISOString() : null,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

export async function listOutbox(db: Queryable, actor: Actor, query: OutboxQuery) {
  requireAdmin(actor);
  const relayConfigured = isRelayConfigured();
  let requestId: string | undefined;
  if (query.request) {
    const request = await findRequestForHallway(db, { key: query.request });
    // No such request: no mail about it.
    if (!request) return { items: [], nextCursor: null, relayConfigured };
    requestId = request.id;
  }
  const rows = await selectOutboxPage(db, {
    status: query.status,
    kind: query.kind,
    to: query.to,
    requestId,
    after: query.cursor ? { createdAt: query.cursor[0], id: query.cursor[1] } : undefined,
    limit: query.limit + 1,
  });
  const page = pageFrom(rows, query.limit, (row) => [row.createdAtExact, row.id]);
  const keys = await keysOf(db, page.items);
  return { items: page.items.map((row) => summary(row, keys)), nextCursor: page.nextCursor, relayConfigured };
}

export async function getOutboundMessage(db: Queryable, actor: Actor, id: string): Promise<OutboundMessageDetail> {
  requireAdmin(actor);
  const row = await selectOutboundMessage(db, id);
  if (!row) throw new AppError('OUTBOUND_MESSAGE_NOT_FOUND');
  const keys = await keysOf(db, [row]);
  const hidden = isConfidential(row, keys);
  return {
    ...summary(row, keys),
    messageId: row.messageId,
    replyTo: row.replyTo,
    inReplyTo: row.inReplyTo,
    references: row.references,
    headers: row.headers,
    text: hidden ? HIDDEN : row.textBody,
    html: hidden ? null : row.htmlBody,
    smtpResponse: row.smtpResponse,
    recipientId: row.recipientId,
  };
}

/** A failed or suppressed mail, queued to go now (the admin overrides the loop guard's hold); 409 otherwise. */
export async function retryOutboundMessage(db: Queryable, actor: Actor, id: string): Promise<OutboundMessageDetail> {
  requireAdmin(actor);
  await db.transaction(async (tx) => {
    const row = await selectOutboundMessage(tx, id);
    if (!row) throw new AppError('OUTBOUND_MESSAGE_NOT_FOUND');
    if (!(await requeueMessage(tx, id))) {
      throw new AppError('OUTBOUND_MESSAGE_NOT_RETRYABLE', `Only a failed or suppressed mail can be sent again; this one is ${row.status}`);
    }
  });
  return getOutboundMessage(db, actor, id);
}
