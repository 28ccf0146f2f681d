import type { Queryable } from '../../../platform/db/database.ts';
import { linkTo } from '../../../platform/http/public-url.ts';
import { findPersonById } from '../../people/people.service.ts';
import type { RequestChange, RequestReaction } from '../../requests/request-reactions.ts';
import { selectMailSettingsByTeam } from '../email/inbound.store.ts';
import { queueMail } from '../email/outbound/outbox.ts';
import { replyAddress, replyTokenFor } from '../email/reply-tokens.ts';
import { requesterIsAway } from './chat.policy.ts';
import { selectChat } from './chat.store.ts';

/**
 * A chat goes on by e-mail: an agent's public reply that comes once the employee has left (closed
 * the panel, or no heartbeat for a minute) is mailed to them, with Reply-To set to the request's
 * reply-token address, so their answer by mail lands in the same request. While they are in the
 * chat they read it there, and nothing is mailed. Internal notes never leave; the employee's own
 * words are not sent back to them. Other notifications skip chat requests (notifications module).
 */
export const chatReaction: RequestReaction = async (tx, change) => {
  if (change.after.channel !== 'chat' || change.actorId === null) return;
  if (change.actorId === change.after.requesterId) return;
  const reply = publicReplyIn(change);
  if (reply === null) return;
  const chat = await selectChat(tx, change.after.id);
  if (!chat || !requesterIsAway(chat, change.at)) return;
  await mailFollowUp(tx, change, reply);
};

function publicReplyIn(change: RequestChange): string | null {
  const comment = change.events.find((event) => event.kind === 'commented' && event.visibility === 'public');
  return typeof comment?.data.body === 'string' ? comment.data.body : null;
}

async function mailFollowUp(tx: Queryable, change: RequestChange, reply: string): Promise<void> {
  const request = change.after;
  // Without the team's address there is nowhere for an answer to come back to: the reply stays in
  // the portal (where the request is listed), rather than a mail that cannot be answered.
  const settings = await selectMailSettingsByTeam(tx, request.teamId);
  if (!settings) return;
  const [requester, agent] = await Promise.all([findPersonById(tx, request.requesterId), findPersonById(tx, change.actorId!)]);
  if (!requester?.active) return;
  const token = await replyTokenFor(tx, request.id);
  const agentName = agent?.name ?? 'The team';
  const link = linkTo(`/requests/${encodeURIComponent(request.key)}`);
  await queueMail(tx, {
    kind: 'chat-followup',
    to: requester.email,
    from: settings.inboundAddress,
    replyTo: replyAddress(settings.inboundAddress, token),
    subject: `[${request.key}] ${request.subject}`,
    text: [
      `${agentName} answered in your chat after you left:`,
      '',
      reply,
      '',
      'Reply to this e-mail to answer; your answer goes into the same conversation.',
      `Or read it in Hallway: ${link}`,
    ].join('\n'),
    teamId: request.teamId,
    requestId: request.id,
    recipientId: requester.id,
    // One mail per reply, however often the change is replayed.
    dedupeKey: `chat-followup:${request.id}:${change.at.toISOString()}:${change.actorId}`,
  });
}
