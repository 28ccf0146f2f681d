import type { Actor } from '../../../platform/auth/actor.ts';
import type { Queryable } from '../../../platform/db/database.ts';
import { scheduleTimer } from '../../../platform/jobs/timers.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { resetToReceived, selectInboundByStatus, selectInboundMessage } from './inbound.store.ts';
import type { InboundMessageView } from './inbound-mail.schema.ts';
import type { InboundStatus } from './mail.tables.ts';
import { TOO_LARGE_REASON } from './keep-oversized.ts';
import { PROCESS_INBOUND_TIMER } from './store-inbound.ts';

// The admins' view of inbound mail that did not become a comment or request, and "try again".

function requireAdmin(actor: Pick<Actor, 'isAdmin'>): void {
  if (!actor.isAdmin) throw new AppError('FORBIDDEN', 'Only admins see and reprocess inbound mail');
}

export async function listInboundMail(db: Queryable, actor: Actor, query: { status: InboundStatus; limit: number }): Promise<{ items: InboundMessageView[] }> {
  requireAdmin(actor);
  const rows = await selectInboundByStatus(db, query.status, query.limit);
  return {
    items: rows.map((row) => ({ ...row, receivedAt: row.receivedAt.toISOString(), processedAt: row.processedAt?.toISOString() ?? null })),
  };
}

/**
 * Processes a failed, held or rejected message again from its stored raw bytes (after the parser
 * was fixed, the sender was added to the directory, or the team's rule changed): back to
 * 'received' and its processing scheduled, in one transaction.
 */
export async function reprocessInboundMail(db: Queryable, actor: Actor, id: string): Promise<void> {
  requireAdmin(actor);
  await db.transaction(async (tx) => {
    const message = await selectInboundMessage(tx, id, { lock: true });
    if (!message) throw new AppError('INBOUND_MESSAGE_NOT_FOUND');
    // An oversized IMAP message was kept as its headers only (keep-oversized.ts): nothing to file.
    if (message.statusReason?.startsWith(TOO_LARGE_REASON)) {
      throw new AppError('INBOUND_MESSAGE_NOT_REPROCESSABLE', 'Only its headers were kept: the message itself is still in the mailbox');
    }
    if (!(await resetToReceived(tx, id))) {
      throw new AppError('INBOUND_MESSAGE_NOT_REPROCESSABLE', `The message is ${message.status}`);
    }
    await scheduleTimer(tx, { kind: PROCESS_INBOUND_TIMER, dueAt: new Date(), payload: { inboundMessageId: id } });
  });
}
