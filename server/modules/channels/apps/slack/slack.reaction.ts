import { findPersonById, membershipsOfPerson } from '../../../people/people.service.ts';
import { canView } from '../../../requests/requests.policy.ts';
import type { RequestReaction } from '../../../requests/request-reactions.ts';
import { channelThreadsOfRequest } from '../connections.service.ts';
import { replyText } from './slack-messages.ts';
import { actorOfPerson } from './slack-people.ts';
import { placeOf, queueSlackPost } from './slack-threads.ts';

/**
 * An agent's public reply on a request followed in Slack is posted into each follower's thread,
 * queued in the reply's transaction (decision 0022). Internal notes never leave; a confidential
 * request's reply is announced, not quoted (slack-messages.ts); a follower who may no longer see
 * the request gets nothing; and a reply is not echoed to the person who wrote it.
 */
export const slackReaction: RequestReaction = async (tx, change) => {
  const replies = change.events.filter((event) => event.kind === 'commented' && event.visibility === 'public' && event.actorId !== null);
  if (replies.length === 0 || change.actorId === null) return;
  const authorId = change.actorId;
  // Most requests are followed nowhere: one indexed read, and done.
  const threads = (await channelThreadsOfRequest(tx, change.after.id, 'slack')).filter(({ connection }) => connection.enabled);
  if (threads.length === 0) return;
  const authorTeams = await membershipsOfPerson(tx, authorId);
  // Only words of the team to the people asking: the requester's own comments came from them.
  if (!authorTeams.some((team) => team.id === change.after.teamId)) return;
  const author = await findPersonById(tx, authorId);
  const request = change.after;

  for (const { thread, connection } of threads) {
    if (!thread.personId || thread.personId === authorId) continue;
    const follower = await findPersonById(tx, thread.personId);
    if (!follower?.active || !canView(await actorOfPerson(tx, follower), request)) continue;
    for (const reply of replies) {
      const body = typeof reply.data.body === 'string' ? reply.data.body : '';
      await queueSlackPost(tx, connection, {
        requestId: request.id,
        place: placeOf(thread.externalThread),
        text: replyText(request.key, author?.name ?? 'The team', body, request.confidential),
        // One post per reply and thread, however often the change is replayed.
        dedupeKey: `slack:reply:${thread.id}:${reply.id}`,
      });
    }
  }
};
