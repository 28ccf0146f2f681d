import { linkTo } from '../../../../platform/http/public-url.ts';
import type { RequestReaction } from '../../../requests/request-reactions.ts';
import { publicRepliesOf, statusNewsOf, statusText } from '../sms/chat-app-reaction.ts';
import { channelThreadsOfRequest } from '../connections.service.ts';
import { isHandlingTeamsMessageFrom } from './teams-echo-guard.ts';
import { queueTeamsPost } from './teams-outbound.ts';

const CONFIDENTIAL_TEXT = 'There is a new reply on this request. It is confidential: read it in Hallway.';

/**
 * A public reply on a request that came from a Teams channel is posted to that channel's incoming
 * webhook, queued in the reply's transaction (decision 0022), and so is a status move its requester
 * is told of (resolved, waiting on them, closed unresolved), unless the requester made it. Not a
 * comment written in Teams itself (teams-echo-guard.ts): it is in the channel already. A channel is
 * read by all its members, so a request that is (or became) confidential gets the news without its
 * words: who may read it is decided in Hallway. One post per connection, however many conversations
 * of it follow the request.
 */
export const teamsReaction: RequestReaction = async (tx, change) => {
  const replies = publicRepliesOf(change);
  const news = (await statusNewsOf(tx, change)).filter((told) => told.actorId !== change.after.requesterId);
  if (replies.length === 0 && news.length === 0) return;
  const request = change.after;
  const link = linkTo(`/requests/${request.key}`);
  const posted = new Set<string>();
  for (const { connection } of await channelThreadsOfRequest(tx, request.id, 'teams')) {
    if (!connection.enabled || posted.has(connection.id) || isHandlingTeamsMessageFrom(connection.id)) continue;
    posted.add(connection.id);
    const post = (text: string, summary: string, dedupeKey: string) =>
      queueTeamsPost(tx, connection, { key: request.key, subject: request.subject, text, summary, link, requestId: request.id, dedupeKey });
    for (const reply of replies) {
      await post(request.confidential ? CONFIDENTIAL_TEXT : reply.body, `${request.key}: a reply from the service desk`, `teams-reply:${connection.id}:${reply.eventId}`);
    }
    for (const told of news) {
      const text = statusText(told, { forRequester: false, quote: !request.confidential });
      await post(text, `${request.key}: news from the service desk`, `teams-status:${connection.id}:${told.eventId}`);
    }
  }
};
