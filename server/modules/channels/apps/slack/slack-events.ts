import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../../../platform/db/database.ts';
import { AppError, fieldError } from '../../../../platform/http/errors.ts';
import { addComment, findRequestForHallway } from '../../../requests/requests.service.ts';
import { channelThreadsAt, recordInboundReceipt, type ConnectionRow } from '../connections.service.ts';
import { SlackApiError } from './slack-api.ts';
import { SLACK_ID, unescapeSlackText } from './slack-inbound.ts';
import { slackPersonOf } from './slack-people.ts';
import { threadOf } from './slack-threads.ts';

// The Events API: Slack's url_verification handshake, and a person's message in the thread of a
// request they follow, which becomes their public comment. Slack retries an event it thinks was
// not received (X-Slack-Retry-Num) with the same event_id: the receipt makes the retry a no-op.

const TEXT_LIMIT = 20_000;

const slackTs = z.string().regex(/^\d{1,12}\.\d{1,9}$/);
/** The only event Hallway acts on; every other event (and field shape) is acknowledged and ignored. */
const threadMessage = z.object({
  type: z.literal('message'),
  subtype: z.never().optional(),
  bot_id: z.never().optional(),
  user: z.string().regex(SLACK_ID),
  channel: z.string().regex(SLACK_ID),
  text: z.string().max(40_000),
  ts: slackTs,
  thread_ts: slackTs,
});
const verification = z.object({ type: z.literal('url_verification'), challenge: z.string().min(1).max(200) });
const callback = z.object({
  type: z.literal('event_callback'),
  team_id: z.string().regex(SLACK_ID),
  event_id: z.string().regex(/^[\x21-\x7e]{1,200}$/),
  event: z.object({ type: z.string().max(100) }).loose(),
});

export type SlackEventCall =
  | { kind: 'url_verification'; challenge: string }
  | { kind: 'event_callback'; eventId: string; event: unknown }
  /** app_rate_limited and whatever Slack adds later: acknowledged, so Slack does not retry it. */
  | { kind: 'other' };

export function parseEvent(raw: Buffer): SlackEventCall {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AppError('MALFORMED_JSON');
  }
  const type = (json as { type?: unknown } | null)?.type;
  if (typeof type !== 'string') throw fieldError('body.type', 'must be the type of a Slack Events API call');
  if (type === 'url_verification') {
    const parsed = verification.safeParse(json);
    if (!parsed.success) throw fieldError('body.challenge', 'must be the challenge Slack sends');
    return { kind: 'url_verification', challenge: parsed.data.challenge };
  }
  if (type === 'event_callback') {
    const parsed = callback.safeParse(json);
    if (!parsed.success) throw fieldError(`body.${parsed.error.issues[0]?.path.join('.') ?? ''}`, parsed.error.issues[0]?.message ?? 'is not valid');
    return { kind: 'event_callback', eventId: parsed.data.event_id, event: parsed.data.event };
  }
  return { kind: 'other' };
}

/** Acts on a verified event_callback; Slack wants 200 whatever Hallway makes of it. */
export async function handleEvent(database: Database, connection: ConnectionRow, envelope: { eventId: string; event: unknown }, log: FastifyBaseLogger): Promise<void> {
  // Hallway's own posts (and anything a bot or an edit produced) come back as events: never comments.
  const message = threadMessage.safeParse(envelope.event);
  if (!message.success || message.data.thread_ts === message.data.ts) return;
  const event = message.data;
  const text = unescapeSlackText(event.text).replaceAll('\u0000', '').trim().slice(0, TEXT_LIMIT);
  if (!text) return;
  const threads = await channelThreadsAt(database.db, connection.id, threadOf(event.channel, event.thread_ts));
  if (threads.length === 0) return;

  let who;
  try {
    who = await slackPersonOf(database.db, connection, event.user);
  } catch (error) {
    if (!(error instanceof SlackApiError)) throw error;
    // Not recorded: Slack's retry of this event gets another chance.
    log.warn({ connection: connection.id, cause: error.message }, 'slack: cannot look up the user');
    throw new AppError('INTERNAL', 'Slack could not be asked who wrote this; try again');
  }
  if (!who) return;
  const person = who;
  await database.db.transaction(async (tx) => {
    if (!(await recordInboundReceipt(tx, connection.id, `event:${envelope.eventId}`))) return;
    for (const thread of threads) {
      // A thread lives in its follower's direct messages: only their own words count there.
      if (thread.personId !== person.person.id) continue;
      const request = await findRequestForHallway(tx, { id: thread.requestId });
      if (!request) continue;
      try {
        await tx.transaction((attempt) => addComment(attempt, person.actor, request.key, { body: text, visibility: 'public' }));
      } catch (error) {
        if (!(error instanceof AppError) || !['FORBIDDEN', 'REQUEST_CLOSED', 'REQUEST_NOT_FOUND'].includes(error.code)) throw error;
        log.info({ connection: connection.id, code: error.code }, 'slack: a thread message was not added to its request');
      }
    }
  });
}
