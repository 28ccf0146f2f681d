import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../../../../platform/db/database.ts';

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
}

export interface QueuedMail {
  id: string;
  messageId: string;
}

/** A fresh Message-ID (no angle brackets) at the sender's domain: unguessable, so it can thread replies. */
export function newMessageId(fromAddress: string): string {
  const domain = fromAddress.split('@')[1]?.toLowerCase() || 'hallway.invalid';
  return `${randomBytes(16).toString('base64url')}@${domain}`;
}

/**
 * Puts a mail in the outbox, in the caller's transaction, so it is sent only if the change that
 * caused it commits (decision 0022); the delivery worker sends it afterwards. A mail about a request
 * records its Message-ID against the request, so the reply finds its way back. Null when a mail
 * with the same dedupe key is already queued.
 */
export async function queueMail(tx: Queryable, mail: MailToQueue): Promise<QueuedMail | null> {
  const messageId = newMessageId(mail.from);
  const result = await tx.execute(sql`
    insert into outbound_messages
      (kind, team_id, request_id, recipient_id, to_address, from_address, reply_to, subject, text_body, html_body,
       message_id, in_reply_to, "references", headers, dedupe_key)
    values (${mail.kind}, ${mail.teamId ?? null}, ${mail.requestId ?? null}, ${mail.recipientId ?? null},
            ${mail.to.toLowerCase()}, ${mail.from}, ${mail.replyTo ?? null}, ${mail.subject}, ${mail.text}, ${mail.html ?? null},
            ${messageId}, ${mail.inReplyTo ?? null}, ${JSON.stringify(mail.references ?? [])}::jsonb,
            ${JSON.stringify(mail.headers ?? {})}::jsonb, ${mail.dedupeKey ?? null})
    on conflict (dedupe_key) do nothing
    returning id`);
  const row = rowsOf<{ id: string }>(result)[0];
  if (!row) return null;
  if (mail.requestId) {
    await tx.execute(sql`insert into mail_thread_ids (message_id, request_id, direction)
                         values (${messageId}, ${mail.requestId}, 'out') on conflict do nothing`);
  }
  return { id: row.id, messageId };
}
