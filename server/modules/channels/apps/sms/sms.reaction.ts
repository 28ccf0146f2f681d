import { linkTo } from '../../../../platform/http/public-url.ts';
import type { RequestReaction } from '../../../requests/request-reactions.ts';
import { publicRepliesOf, statusNewsOf, statusText } from './chat-app-reaction.ts';
import { channelThreadsOfRequest } from '../connections.service.ts';
import { smsText } from './sms-message.ts';
import { queueSms } from './sms-outbound.ts';

const CONFIDENTIAL_TEXT = 'There is a new reply on your request. Read it in Hallway.';

/**
 * A public reply on a request that came in by SMS goes back to the number it came from, queued in
 * the reply's transaction (decision 0022), and so does a status move its requester is told of
 * (resolved, waiting on them, closed unresolved: what mail says for other channels). Not the
 * person's own words or moves back to them; and the words only to the requester: anyone else linked
 * to the number gets the news without them when the request is confidential (who may see it is
 * decided in Hallway, not on a phone).
 */
export const smsReaction: RequestReaction = async (tx, change) => {
  const replies = publicRepliesOf(change);
  const news = await statusNewsOf(tx, change);
  if (replies.length === 0 && news.length === 0) return;
  const request = change.after;
  const link = linkTo(`/requests/${request.key}`);
  for (const { thread, connection } of await channelThreadsOfRequest(tx, request.id, 'sms')) {
    if (!thread.personId || !connection.enabled) continue;
    const isRequester = thread.personId === request.requesterId;
    const mayRead = isRequester || !request.confidential;
    const send = (text: string, dedupeKey: string) => queueSms(tx, connection, { to: thread.externalThread, text: smsText(request.key, text, link), requestId: request.id, dedupeKey });
    for (const reply of replies) {
      if (reply.authorId !== thread.personId) await send(mayRead ? reply.body : CONFIDENTIAL_TEXT, `sms-reply:${thread.id}:${reply.eventId}`);
    }
    for (const told of news) {
      if (told.actorId !== thread.personId) await send(statusText(told, { forRequester: isRequester, quote: mayRead }), `sms-status:${thread.id}:${told.eventId}`);
    }
  }
};
