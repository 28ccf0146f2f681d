import type { Database, Queryable } from '../../../../platform/db/database.ts';
import { queueHttpDelivery } from '../../../integrations/http-deliveries.ts';
import { addChannelThread, channelThreadsOfRequest, findChannelThread, moveChannelThread, type ConnectionRow } from '../connections.service.ts';
import { followIntro } from './slack-messages.ts';
import { slackSettingsOf } from './slack-api.ts';

// A request followed in Slack lives in a thread of the person's direct messages with the app: only
// they read it, whatever the request is. The thread is `<channel>:<ts>` once Slack has answered the
// first post with its `ts`; until then it is `dm:<user id>` and posts go to the conversation itself.

const PENDING = 'dm:';
export const THREAD_EVENT_TYPE = 'hallway_thread';

export interface SlackPlace {
  channel: string;
  threadTs: string | null;
}

export function placeOf(externalThread: string): SlackPlace {
  if (externalThread.startsWith(PENDING)) return { channel: externalThread.slice(PENDING.length), threadTs: null };
  const colon = externalThread.indexOf(':');
  return { channel: externalThread.slice(0, colon), threadTs: externalThread.slice(colon + 1) };
}

export const threadOf = (channel: string, ts: string) => `${channel}:${ts}`;

export interface SlackPost {
  requestId: string;
  place: SlackPlace;
  text: string;
  /** The thread this post starts: its answer's `ts` becomes the thread (see slackDeliveryOwner.delivered). */
  startsThreadId?: string;
  dedupeKey: string;
}

/** Queues a chat.postMessage in the caller's transaction; the delivery worker sends it once that commits. */
export function queueSlackPost(tx: Queryable, connection: ConnectionRow, post: SlackPost): Promise<string | null> {
  const body = {
    channel: post.place.channel,
    text: post.text,
    ...(post.place.threadTs ? { thread_ts: post.place.threadTs } : {}),
    // Message metadata comes back in Slack's answer and events; it names our thread, nothing else.
    ...(post.startsThreadId ? { metadata: { event_type: THREAD_EVENT_TYPE, event_payload: { thread: post.startsThreadId } } } : {}),
    unfurl_links: false,
  };
  return queueHttpDelivery(tx, {
    purpose: 'slack',
    url: `${slackSettingsOf(connection).apiBaseUrl}/chat.postMessage`,
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json; charset=utf-8' },
    connectionId: connection.id,
    requestId: post.requestId,
    dedupeKey: post.dedupeKey,
  });
}

/**
 * Makes `personId` (Slack user `slackUserId`) a follower of the request in their direct messages.
 * False when they already follow it through this connection.
 */
export async function followInSlack(
  tx: Queryable,
  connection: ConnectionRow,
  request: { id: string; key: string; subject: string; confidential: boolean },
  personId: string,
  slackUserId: string,
): Promise<boolean> {
  const existing = await channelThreadsOfRequest(tx, request.id, 'slack');
  if (existing.some(({ thread }) => thread.connectionId === connection.id && thread.personId === personId)) return false;
  const { row, created } = await addChannelThread(tx, { connectionId: connection.id, requestId: request.id, externalThread: `${PENDING}${slackUserId}`, personId });
  if (!created) return false;
  await queueSlackPost(tx, connection, {
    requestId: request.id,
    place: placeOf(row.externalThread),
    text: followIntro(request.key, request.subject, request.confidential),
    startsThreadId: row.id,
    dedupeKey: `slack:follow:${row.id}`,
  });
  return true;
}

/** After Slack accepted a post that starts a thread: the thread becomes the posted message's `channel:ts`. */
export async function recordStartedThread(db: Database, requestBody: string, answerBody: string): Promise<void> {
  const sent = JSON.parse(requestBody) as { metadata?: { event_type?: string; event_payload?: { thread?: unknown } } };
  const threadId = sent.metadata?.event_type === THREAD_EVENT_TYPE ? sent.metadata.event_payload?.thread : undefined;
  if (typeof threadId !== 'string') return;
  const answer = JSON.parse(answerBody) as { ok?: boolean; channel?: unknown; ts?: unknown };
  if (!answer.ok || typeof answer.channel !== 'string' || typeof answer.ts !== 'string') return;
  const thread = await findChannelThread(db.db, threadId);
  if (!thread?.externalThread.startsWith(PENDING)) return;
  await moveChannelThread(db.db, thread.id, threadOf(answer.channel, answer.ts));
}
