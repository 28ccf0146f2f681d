import type { Queryable } from '../../platform/db/database.ts';
import { decidedApprovalComment } from '../catalog/approvals.service.ts';
import { isAgentOf } from '../../platform/auth/actor.ts';
import { findPersonById, membershipsOfPerson } from '../people/people.service.ts';
import { findRequestForHallway } from '../requests/requests.service.ts';
import type { FilingInterest, RecordedEvent, RequestReaction } from '../requests/request-reactions.ts';
import { teamMailAddressCached } from '../channels/email/request-mail-thread.ts';
import type { RequestRow } from '../requests/requests.store.ts';
import { composeAcknowledgement } from './compose/acknowledgement.ts';
import { composeReply } from './compose/reply.ts';
import { composeStatus, type ToldStatus } from './compose/status.ts';
import { queueApprovalRequests } from './approval-mail.ts';
import { hasDefaultNotificationSender, queueNotification } from './queue-notification.ts';

/**
 * Mail to the people a request's change concerns, queued in the change's transaction (decision
 * 0022), so a rolled-back change sends nothing and a replay (the same event ids) queues nothing twice:
 *  - filed: the requester's acknowledgement, and the approvers of an approval waiting;
 *  - an agent's public reply: the requester (never an internal note, never to its author);
 *  - resolved, waiting on the requester, or closed without having been resolved: the requester;
 *  - handed to another team while an approval waits: that team's leads, who decide it now.
 * Requests that came by chat, Slack, Teams or SMS are answered there (their own reactions, replies
 * and these status moves alike): no mail to their requester. Approvers still get theirs: they were not part of that conversation.
 */
export const notificationsReaction: RequestReaction = async (tx, change) => {
  const request = change.after;
  if (change.before === null) {
    // A workflow's child requests are Hallway's doing: the requester was acknowledged for the parent.
    if (answeredByMail(request) && request.parentId === null) await acknowledge(tx, request);
    // Only a request waiting for an approval has approvers to ask (a free-form one never does).
    if (request.status === 'pending_approval') await queueApprovalRequests(tx, request);
    return;
  }
  if (change.before.teamId !== request.teamId && request.status === 'pending_approval') await queueApprovalRequests(tx, request);
  if (!answeredByMail(request)) return;
  for (const event of change.events) {
    if (event.kind === 'commented') await mailReply(tx, request, event);
    if (event.kind === 'status_changed') await mailStatus(tx, change.before, request, event);
  }
};

const OWN_CHANNELS: ReadonlySet<string> = new Set(['chat', 'slack', 'teams', 'sms']);

/**
 * A plain filing is acknowledged only when its channel is answered by mail and mail can come from
 * somewhere (the team's address, from memory, or the default sender); see plainFilingInterests.
 */
export const notificationsFilingInterest: FilingInterest = async (db, filing) =>
  !OWN_CHANNELS.has(filing.channel) && (hasDefaultNotificationSender() || (await teamMailAddressCached(db, filing.teamId)) !== null);
const answeredByMail = (request: RequestRow) => !OWN_CHANNELS.has(request.channel);
const portalPath = (request: RequestRow) => `/requests/${request.key}`;

async function acknowledge(tx: Queryable, filed: RequestRow): Promise<void> {
  // The SLA reaction ran before this one and its clocks set the due time on the row (a trigger),
  // after the filing read it: read it again for a request through a service, the only kind with clocks.
  const request = filed.serviceId === null ? filed : ((await findRequestForHallway(tx, { id: filed.id })) ?? filed);
  await queueNotification(tx, {
    kind: 'acknowledgement',
    request,
    recipientId: request.requesterId,
    about: request.id,
    requestPath: portalPath(request),
    answersMail: request.channel === 'email',
    compose: ({ recipient, request: facts, preferencesUrl }) =>
      composeAcknowledgement({
        request: facts,
        recipientName: recipient.name,
        recipientTimeZone: recipient.timeZone,
        dueAt: request.dueAt,
        waitsForApproval: request.status === 'pending_approval',
        channel: request.channel,
        preferencesUrl,
      }),
  });
}

async function mailReply(tx: Queryable, request: RequestRow, event: RecordedEvent): Promise<void> {
  if (event.visibility !== 'public' || event.actorId === null || event.actorId === request.requesterId) return;
  // Words from the team, not from a colleague the request was shown to (only agents comment besides the requester).
  const memberships = await membershipsOfPerson(tx, event.actorId);
  const author = { memberships: memberships.map((membership) => ({ teamId: membership.id, role: membership.role })) };
  if (!isAgentOf(author, request.teamId)) return;
  const body = typeof event.data.body === 'string' ? event.data.body : '';
  if (body.trim() === '') return;
  const authorName = await nameOf(tx, event.actorId);
  await queueNotification(tx, {
    kind: 'reply',
    request,
    recipientId: request.requesterId,
    about: String(event.id),
    requestPath: portalPath(request),
    compose: ({ request: facts, preferencesUrl }) => composeReply({ request: facts, authorName, body, preferencesUrl }),
  });
}

async function mailStatus(tx: Queryable, before: RequestRow, request: RequestRow, event: RecordedEvent): Promise<void> {
  const status = toldStatus(before, event);
  // The requester's own move (closing or reopening their resolved request) needs no mail to them.
  if (!status || event.actorId === request.requesterId) return;
  const note = await statusNoteOf(tx, event);
  await queueNotification(tx, {
    kind: 'status',
    request,
    recipientId: request.requesterId,
    about: String(event.id),
    requestPath: portalPath(request),
    compose: ({ request: facts, preferencesUrl }) => composeStatus({ request: facts, status, note, preferencesUrl }),
  });
}

/**
 * The words given with a status change: the resolution, the question, why it was closed; for a
 * rejected approval, the approver's own words (the change's reason only says "approval rejected").
 * Also what the chat apps' reactions tell their requesters (channels/apps/sms/chat-app-reaction.ts).
 */
export async function statusNoteOf(tx: Queryable, event: Pick<RecordedEvent, 'data'>): Promise<string | null> {
  const rejection = typeof event.data.approvalId === 'string' ? await decidedApprovalComment(tx, event.data.approvalId) : null;
  return rejection ?? (typeof event.data.reason === 'string' && event.data.reason.trim() !== '' ? event.data.reason : null);
}

/**
 * Which moves are worth a mail (or, for a request that came by Slack, Teams or SMS, a message there): resolved (what was done, how to reopen), waiting on the requester
 * (they must act), and closed when it was not resolved first (a rejected approval, a request
 * withdrawn); closing a resolved request is the expected end and says nothing new.
 */
export function toldStatus(before: Pick<RequestRow, 'status'>, event: Pick<RecordedEvent, 'data'>): ToldStatus | null {
  const to = event.data.to;
  if (to === 'resolved' || to === 'waiting_on_requester') return to;
  if (to === 'closed' && before.status !== 'resolved') return 'closed';
  return null;
}

async function nameOf(tx: Queryable, personId: string): Promise<string> {
  return (await findPersonById(tx, personId))?.name ?? 'Someone';
}
