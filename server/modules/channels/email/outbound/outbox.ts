import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../../../platform/db/database.ts';
import { insertThreadId } from '../inbound.store.ts';
import { autoSubmittedFor, guardedHeaders, suppressionReason, type AutoSubmitted } from './loop-guard.ts';
import { insertOutboundMessage } from './outbox.store.ts';

/** A mail to send, as the module that decided to send it describes it. */
export interface MailToQueue {
  /** What it is for: 'acknowledgement', 'reply', 'status', 'approval', 'sla-warning', 'rejection', 'bounce' ... */
  kind: string;
  to: string;
  from: string;
  replyTo?: string | null;
  subject: string;
  text: string;
  html?: string | null;
  teamId?: string | null;
  requestId?: string | null;
  recipientId?: string | null;
  /** Message-IDs without angle brackets. */
  inReplyTo?: string | null;
  references?: readonly string[];
  headers?: Readonly<Record<string, string>>;
  /** The same key twice queues one mail: e.g. `reply:<event id>:<person id>`. */
  dedupeKey?: string | null;
  /**
   * RFC 3834's class of this mail; by default 'auto-replied' for the kinds that answer an incoming
   * mail (rejection, bounce, acknowledgement) and 'auto-generated' for the rest (loop-guard.ts).
   */
  autoSubmitted?: AutoSubmitted;
}

export interface QueuedMail {
  id: string;
  messageId: string;
  /** 'suppressed' when the loop guard kept it back (kept for the outbox, never sent). */
  status: 'queued' | 'suppressed';
  statusReason: string | null;
}

/** A fresh Message-ID (no angle brackets) at the sender's domain: unguessable, so it can thread replies. */
export function newMessageId(fromAddress: string): string {
  const domain = fromAddress.split('@')[1]?.toLowerCase() || 'hallway.invalid';
  return `${randomBytes(16).toString('base64url')}@${domain}`;
}

/**
 * Puts a mail in the outbox, in the caller's transaction, so it is sent only if the change that
 * caused it commits (decision 0022); the delivery worker sends it afterwards. Every mail passes the
 * loop guard here (loop-guard.ts): marked as automatic, never to Hallway's own addresses, and
 * within the per-recipient rate limit, else stored as 'suppressed' with the reason. A mail about a
 * request records its Message-ID against the request, so the reply finds its way back. Null when a
 * mail with the same dedupe key is already queued.
 */
export async function queueMail(tx: Queryable, mail: MailToQueue): Promise<QueuedMail | null> {
  const to = mail.to.trim().toLowerCase();
  const autoSubmitted = autoSubmittedFor(mail.kind, mail.autoSubmitted);
  const suppressed = await suppressionReason(tx, to, autoSubmitted);
  const messageId = newMessageId(mail.from);
  const id = await insertOutboundMessage(tx, {
    kind: mail.kind,
    teamId: mail.teamId ?? null,
    requestId: mail.requestId ?? null,
    recipientId: mail.recipientId ?? null,
    toAddress: to,
    fromAddress: mail.from,
    replyTo: mail.replyTo ?? null,
    // One line: a subject carrying CR/LF would otherwise try to start new headers.
    subject: mail.subject.replace(/[\r\n]+/g, ' '),
    textBody: mail.text,
    htmlBody: mail.html ?? null,
    messageId,
    inReplyTo: mail.inReplyTo ?? null,
    references: [...(mail.references ?? [])],
    headers: guardedHeaders(mail.headers, autoSubmitted),
    dedupeKey: mail.dedupeKey ?? null,
    status: suppressed ? 'suppressed' : 'queued',
    statusReason: suppressed,
  });
  if (!id) return null;
  if (mail.requestId) await insertThreadId(tx, messageId, mail.requestId, 'out');
  return { id, messageId, status: suppressed ? 'suppressed' : 'queued', statusReason: suppressed };
}
