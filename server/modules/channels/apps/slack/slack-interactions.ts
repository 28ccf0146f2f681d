import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../../../platform/db/database.ts';
import { AppError, fieldError } from '../../../../platform/http/errors.ts';
import { canComment, canView } from '../../../requests/requests.policy.ts';
import { addComment, findRequestForHallway } from '../../../requests/requests.service.ts';
import { recordInboundReceipt, type ConnectionRow } from '../connections.service.ts';
import { openSlackView, SlackApiError } from './slack-api.ts';
import { SLACK_ID } from './slack-inbound.ts';
import { FOLLOW_ACTION, REPLY_ACTION, REPLY_BLOCK, REPLY_INPUT, REPLY_VIEW, replyView } from './slack-messages.ts';
import { slackPersonOf, type SlackPerson } from './slack-people.ts';
import { followInSlack } from './slack-threads.ts';

// The buttons under a filed request (Follow, Reply) and the reply form's submission. Slack sends
// these form-encoded with one field, `payload`, holding JSON. Only the fields read are described.

const slackId = z.string().regex(SLACK_ID);
const requestKey = z.string().regex(/^[A-Z][A-Z0-9]{0,9}-\d{1,10}$/);
export const interactionPayload = z.object({
  type: z.string().max(40),
  user: z.object({ id: slackId, team_id: slackId.optional() }),
  team: z.object({ id: slackId }).nullish(),
  trigger_id: z.string().regex(/^[\x21-\x7e]{1,200}$/),
  actions: z.array(z.object({ action_id: z.string().max(255), value: z.string().max(2000).optional() })).max(25).optional(),
  view: z
    .object({
      callback_id: z.string().max(255),
      private_metadata: z.string().max(3000),
      state: z.object({ values: z.record(z.string(), z.record(z.string(), z.object({ value: z.string().max(3000).nullish() }).loose())) }),
    })
    .loose()
    .optional(),
});
export type InteractionPayload = z.infer<typeof interactionPayload>;

/** The interaction in the body, or a 400 naming what is wrong with it. */
export function parseInteraction(form: URLSearchParams): InteractionPayload {
  let json: unknown;
  try {
    json = JSON.parse(form.get('payload') ?? '');
  } catch {
    throw fieldError('body.payload', 'must be the JSON Slack sends');
  }
  const parsed = interactionPayload.safeParse(json);
  if (!parsed.success) throw fieldError(`body.payload.${parsed.error.issues[0]?.path.join('.') ?? ''}`, parsed.error.issues[0]?.message ?? 'is not valid');
  return parsed.data;
}

export const workspaceOf = (payload: InteractionPayload) => payload.team?.id ?? payload.user.team_id ?? null;

type Answer = Record<string, unknown> | null;

export async function handleInteraction(database: Database, connection: ConnectionRow, payload: InteractionPayload, log: FastifyBaseLogger): Promise<Answer> {
  let who: SlackPerson | null;
  try {
    who = await slackPersonOf(database.db, connection, payload.user.id);
  } catch (error) {
    if (!(error instanceof SlackApiError)) throw error;
    log.warn({ connection: connection.id, cause: error.message }, 'slack: cannot look up the user');
    return replyErrors(payload, 'Hallway cannot tell who you are right now; please try again.');
  }
  if (!who) return replyErrors(payload, "We could not find you in Hallway's directory, so nothing was sent.");
  const action = payload.actions?.[0];
  if (payload.type === 'block_actions' && action?.action_id === FOLLOW_ACTION) return follow(database, connection, payload, who, action.value);
  if (payload.type === 'block_actions' && action?.action_id === REPLY_ACTION) return openReplyForm(database, connection, payload, who, action.value, log);
  if (payload.type === 'view_submission' && payload.view?.callback_id === REPLY_VIEW) return submitReply(database, connection, payload, who);
  return null;
}

/** Follow: replies to the request reach this person's direct messages with the app. */
async function follow(database: Database, connection: ConnectionRow, payload: InteractionPayload, who: SlackPerson, key: string | undefined): Promise<Answer> {
  if (!key || !requestKey.safeParse(key).success) return null;
  await database.db.transaction(async (tx) => {
    if (!(await recordInboundReceipt(tx, connection.id, `interaction:${payload.trigger_id}`))) return;
    const request = await findRequestForHallway(tx, { key });
    // Someone who may not see the request learns nothing from the button, not even that it exists.
    if (!request || !canView(who.actor, request)) return;
    await followInSlack(tx, connection, request, who.person.id, payload.user.id);
  });
  return null;
}

/** Reply: a form opens while the click's trigger id is still valid (3 s); nothing changes yet. */
async function openReplyForm(
  database: Database,
  connection: ConnectionRow,
  payload: InteractionPayload,
  who: SlackPerson,
  key: string | undefined,
  log: FastifyBaseLogger,
): Promise<Answer> {
  if (!key || !requestKey.safeParse(key).success) return null;
  const request = await findRequestForHallway(database.db, { key });
  if (!request || !canView(who.actor, request) || !canComment(who.actor, request, 'public').allowed) return null;
  try {
    await openSlackView(connection, payload.trigger_id, replyView(key));
  } catch (error) {
    if (!(error instanceof SlackApiError)) throw error;
    log.warn({ connection: connection.id, cause: error.message }, 'slack: cannot open the reply form');
  }
  return null;
}

/** The form's text becomes the person's public comment; refusals are shown in the form. */
async function submitReply(database: Database, connection: ConnectionRow, payload: InteractionPayload, who: SlackPerson): Promise<Answer> {
  const key = payload.view!.private_metadata;
  const text = payload.view!.state.values[REPLY_BLOCK]?.[REPLY_INPUT]?.value?.trim() ?? '';
  if (!text) return replyErrors(payload, 'Write a reply first.');
  if (!requestKey.safeParse(key).success) return replyErrors(payload, 'This form is not for a request of Hallway.');
  try {
    await database.db.transaction(async (tx) => {
      if (!(await recordInboundReceipt(tx, connection.id, `interaction:${payload.trigger_id}`))) return;
      await addComment(tx, who.actor, key, { body: text, visibility: 'public' });
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'REQUEST_CLOSED') return replyErrors(payload, 'The request is closed; open a new one with the command.');
    if (['FORBIDDEN', 'REQUEST_NOT_FOUND', 'VALIDATION_FAILED'].includes(error.code)) return replyErrors(payload, 'You may not reply on this request.');
    throw error;
  }
  return null;
}

/** Errors show under the form's field; for buttons Slack ignores the answer's body. */
function replyErrors(payload: InteractionPayload, message: string): Answer {
  return payload.type === 'view_submission' ? { response_action: 'errors', errors: { [REPLY_BLOCK]: message } } : null;
}
