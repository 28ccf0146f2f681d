import { linkTo } from '../../../../platform/http/public-url.ts';
import type { RequestReaction } from '../../../requests/request-reactions.ts';
import { publicRepliesOf } from '../sms/chat-app-reaction.ts';
import { channelThreadsOfRequest } from '../connections.service.ts';
import { isHandlingTeamsMessageFrom } from './teams-echo-guard.ts';
import { queueTeamsPost } from './teams-outbound.ts';

const CONFIDENTIAL_TEXT = 'There is a new reply on this request. It is confidential: read it in Hallway.';

/**
 * A public reply on a request that came from a Teams channel is posted to that channel's incoming
 * webhook, queued in the reply's transaction (decision 0022). Not a comment written in Teams itself
 * (teams-echo-guard.ts): it is in the channel already. A channel is read by all its members, so a request
 * that is (or became) confidential gets a link alone: who may read it is decided in Hallway.
 * One post per connection, however many conversations of it follow the request.
 */
export const teamsReaction: RequestReaction = async (tx, change) => {
  const replies = publicRepliesOf(change);
  if (replies.length === 0) return;
  const request = change.after;
  const link = linkTo(`/requests/${request.key}`);
  const posted = new Set<string>();
  for (const { connection } of await channelThreadsOfRequest(tx, request.id, 'teams')) {
    if (!connection.enabled || posted.has(connection.id) || isHandlingTeamsMessageFrom(connection.id)) continue;
    posted.add(connection.id);
    for (const reply of replies) {
      await queueTeamsPost(tx, connection, {
        key: request.key,
        subject: request.subject,
        text: request.confidential ? CONFIDENTIAL_TEXT : reply.body,
        link,
        requestId: request.id,
        dedupeKey: `teams-reply:${connection.id}:${reply.eventId}`,
      });
    }
  }
};
