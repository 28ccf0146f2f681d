import type { Queryable } from '../../platform/db/database.ts';
import { linkTo } from '../../platform/http/public-url.ts';
import { queueMail } from '../channels/email/outbound/outbox.ts';
import { requestMailThread, teamMailAddress } from '../channels/email/request-mail-thread.ts';
import { findPersonById, findTeamById, type PersonRow } from '../people/people.service.ts';
import type { RequestRow } from '../requests/requests.store.ts';
import type { MailContent, RequestFacts } from './compose/mail-layout.ts';
import type { NotificationKind } from './notification-kinds.ts';
import { notificationLog } from './notification-log.ts';
import { wantsNotification } from './notifications.service.ts';

/** What the composer of one mail gets to work with. */
export interface ComposeContext {
  recipient: PersonRow;
  request: RequestFacts;
  preferencesUrl: string;
}

export interface Notification {
  kind: NotificationKind;
  request: RequestRow;
  recipientId: string;
  /** What makes this mail one of a kind: the event's or the approval's id. With kind and recipient, the dedupe key. */
  about: string;
  /** The page the recipient follows the request on: the portal's for a requester, the desk's for an agent. */
  requestPath: string;
  compose(context: ComposeContext): MailContent;
  /** An answer to a mail the requester sent (RFC 3834); otherwise a notification of Hallway's own. */
  answersMail?: boolean;
}

let defaultSender: string | null = null;

export const hasDefaultNotificationSender = () => defaultSender !== null;

/** The address mail comes from for a team with no address of its own; none by default (such mail is not sent). */
export function setDefaultNotificationSender(address: string | null): void {
  defaultSender = address?.trim().toLowerCase() || null;
}

// RFC 5322 §3.6.4: keep the thread's first Message-ID and the most recent ones, so the header stays short.
const MAX_REFERENCES = 20;
function referencesOf(messageIds: readonly string[]): string[] {
  if (messageIds.length <= MAX_REFERENCES) return [...messageIds];
  return [messageIds[0]!, ...messageIds.slice(-(MAX_REFERENCES - 1))];
}

/**
 * Queues one notification in the caller's transaction (decision 0022), or says in the log why not:
 * an inactive person, no address, their choice, a team with no address and no default sender.
 * From is the team's address, Reply-To the request's reply-token address (the answer lands on the
 * request), In-Reply-To/References the request's earlier mail, so the recipient's client groups them.
 */
export async function queueNotification(tx: Queryable, notification: Notification): Promise<boolean> {
  const { kind, request } = notification;
  const skip = (reason: string, level: 'info' | 'debug' = 'info') => {
    notificationLog()[level]({ kind, request: request.key, recipientId: notification.recipientId, reason }, 'notification not queued');
    return false;
  };
  // The team's address first: most filings are to teams that send no mail, and this read is all they
  // cost. A team without mail is a choice, not news: a line per change at info would drown the log.
  if (!defaultSender && (await teamMailAddress(tx, request.teamId)) === null) return skip('the team has no mail address and there is no default sender', 'debug');
  const recipient = await findPersonById(tx, notification.recipientId);
  if (!recipient?.active) return skip('the recipient is not an active person');
  if (!recipient.email.includes('@')) return skip('the recipient has no e-mail address');
  if (!(await wantsNotification(tx, recipient.id, kind))) return skip('the recipient turned this kind off');

  const [team, thread] = await Promise.all([findTeamById(tx, request.teamId), requestMailThread(tx, request.id, request.teamId)]);
  const from = thread.teamAddress ?? defaultSender;
  if (!from) return skip("the team has no mail address and there is no default sender");

  const content = notification.compose({
    recipient,
    request: { key: request.key, subject: request.subject, teamName: team?.name ?? 'The team', url: linkTo(notification.requestPath) },
    preferencesUrl: linkTo('/profile#notifications'),
  });
  const queued = await queueMail(tx, {
    kind,
    to: recipient.email,
    from,
    replyTo: thread.replyTo,
    subject: content.subject,
    text: content.text,
    html: content.html,
    teamId: request.teamId,
    requestId: request.id,
    recipientId: recipient.id,
    inReplyTo: thread.messageIds.at(-1) ?? null,
    references: referencesOf(thread.messageIds),
    dedupeKey: `${kind}:${notification.about}:${recipient.id}`,
    autoSubmitted: notification.answersMail ? 'auto-replied' : 'auto-generated',
  });
  return queued !== null;
}
