import { linkTo } from '../../../../platform/http/public-url.ts';
import type { RequestReaction } from '../../../requests/request-reactions.ts';
import { publicRepliesOf } from './chat-app-reaction.ts';
import { channelThreadsOfRequest } from '../connections.service.ts';
import { smsText } from './sms-message.ts';
import { queueSms } from './sms-outbound.ts';

const CONFIDENTIAL_TEXT = 'There is a new reply on your request. Read it in Hallway.';

/**
 * A public reply on a request that came in by SMS goes back to the number it came from, queued in
 * the reply's transaction (decision 0022). Not the person's own words back to them; and the reply's
 * words only to the requester: anyone else linked to the number gets the link alone when the request
 * is confidential (who may see it is decided in Hallway, not on a phone).
 */
export const smsReaction: RequestReaction = async (tx, change) => {
  const replies = publicRepliesOf(change);
  if (replies.length === 0) return;
  const request = change.after;
  const link = linkTo(`/requests/${request.key}`);
  for (const { thread, connection } of await channelThreadsOfRequest(tx, request.id, 'sms')) {
    if (!thread.personId || !connection.enabled) continue;
    const mayRead = thread.personId === request.requesterId || !request.confidential;
    for (const reply of replies) {
      if (reply.authorId === thread.personId) continue;
      await queueSms(tx, connection, {
        to: thread.externalThread,
        text: smsText(request.key, mayRead ? reply.body : CONFIDENTIAL_TEXT, link),
        requestId: request.id,
        dedupeKey: `sms-reply:${thread.id}:${reply.eventId}`,
      });
    }
  }
};
