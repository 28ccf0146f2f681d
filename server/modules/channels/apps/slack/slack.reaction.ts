import type { Queryable } from '../../../../platform/db/database.ts';
import { findPersonById, membershipsOfPerson } from '../../../people/people.service.ts';
import { canView } from '../../../requests/requests.policy.ts';
import type { RequestChange, RequestReaction } from '../../../requests/request-reactions.ts';
import { publicRepliesOf, statusNewsOf, type PublicReply } from '../sms/chat-app-reaction.ts';
import { channelThreadsOfRequest } from '../connections.service.ts';
import { replyText, statusNewsText } from './slack-messages.ts';
import { actorOfPerson } from './slack-people.ts';
import { placeOf, queueSlackPost } from './slack-threads.ts';

/**
 * An agent's public reply on a request followed in Slack is posted into each follower's thread,
 * queued in the reply's transaction (decision 0022), and so is a status move a requester is told of
 * (resolved, waiting on the requester, closed unresolved). Internal notes never leave; a
 * confidential request's reply or resolution is announced, not quoted (slack-messages.ts); a
 * follower who may no longer see the request gets nothing; and neither a reply nor a move is
 * echoed to the person who made it.
 */
export const slackReaction: RequestReaction = async (tx, change) => {
  const replies = await teamRepliesOf(tx, change);
  const news = await statusNewsOf(tx, change);
  if (replies.length === 0 && news.length === 0) return;
  // Most requests are followed nowhere: one indexed read, and done.
  const threads = (await channelThreadsOfRequest(tx, change.after.id, 'slack')).filter(({ connection }) => connection.enabled);
  if (threads.length === 0) return;
  const request = change.after;
  const authorName = replies.length > 0 ? ((await findPersonById(tx, replies[0]!.authorId))?.name ?? 'The team') : '';

  for (const { thread, connection } of threads) {
    const followerId = thread.personId;
    if (!followerId) continue;
    const toSend = [...replies.filter((reply) => reply.authorId !== followerId), ...news.filter((told) => told.actorId !== followerId)];
    if (toSend.length === 0) continue;
    const follower = await findPersonById(tx, followerId);
    if (!follower?.active || !canView(await actorOfPerson(tx, follower), request)) continue;
    const post = (text: string, dedupeKey: string) => queueSlackPost(tx, connection, { requestId: request.id, place: placeOf(thread.externalThread), text, dedupeKey });
    // One post per reply (or move) and thread, however often the change is replayed.
    for (const reply of replies) {
      if (reply.authorId !== followerId) await post(replyText(request.key, authorName, reply.body, request.confidential), `slack:reply:${thread.id}:${reply.eventId}`);
    }
    for (const told of news) {
      if (told.actorId === followerId) continue;
      await post(statusNewsText(request.key, told, followerId === request.requesterId, request.confidential), `slack:status:${thread.id}:${told.eventId}`);
    }
  }
};

/** The change's public comments when its author is of the request's team: the requester's own words came from them. */
async function teamRepliesOf(tx: Queryable, change: RequestChange): Promise<PublicReply[]> {
  if (change.actorId === null) return [];
  const replies = publicRepliesOf(change).filter((reply) => reply.authorId === change.actorId);
  if (replies.length === 0) return [];
  const authorTeams = await membershipsOfPerson(tx, change.actorId);
  return authorTeams.some((team) => team.id === change.after.teamId) ? replies : [];
}
