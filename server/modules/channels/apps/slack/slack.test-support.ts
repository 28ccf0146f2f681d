import type { FastifyInstance } from 'fastify';
import { startHttpReceiver, type HttpReceiver } from '../../../../../test/support/http-receiver.ts';
import { buildCast, type Cast } from '../../../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../../../test/support/test-app.ts';
import type { Database } from '../../../../platform/db/database.ts';
import { signSlackRequest } from '../../signatures/slack-request.ts';
import { channelConnections } from '../apps.tables.ts';
import { forgetSlackPeople } from './slack-people.ts';

// Plays Slack for the Slack tests: signs calls into Hallway like Slack does, and answers the Web
// API calls Hallway makes (users.info, views.open, chat.postMessage) from a local HTTP receiver.

export const SIGNING_SECRET = 'e5a1c2d3f4b5a6978812aabbccddeeff';
export const BOT_TOKEN_ENV = 'HALLWAY_TEST_SLACK_BOT_TOKEN';
export const BOT_TOKEN = 'xoxb-test-0000-bot-token';

export async function connectSlack(database: Database, teamId: string, workspaceId: string, apiBaseUrl: string, settings: Record<string, unknown> = {}) {
  process.env[BOT_TOKEN_ENV] = BOT_TOKEN;
  const [row] = await database.db
    .insert(channelConnections)
    .values({
      teamId,
      kind: 'slack',
      name: `Workspace ${workspaceId}`,
      externalId: workspaceId,
      signingSecret: SIGNING_SECRET,
      credentialEnv: BOT_TOKEN_ENV,
      settings: { apiBaseUrl, ...settings },
    })
    .returning();
  return row!;
}

export interface SlackTestbed {
  t: TestApp;
  cast: Cast;
  /** Slack's Web API, played by a local receiver. */
  slack: HttpReceiver;
  /** The next posts are answered HTTP 200 `{ok:false, error}`, one error each, as Slack reports its failures. */
  refuseNextPosts(...errors: string[]): void;
  close(): Promise<void>;
}

/** An app with the cast, a local Slack knowing `emailsOf(cast)` by user id, and the team connected to `workspaceId`. */
export async function startSlackTestbed(workspaceId: string, emailsOf: (cast: Cast) => Record<string, string>): Promise<SlackTestbed> {
  const t = await createTestApp();
  const cast = await buildCast(t.database);
  const slack = await startHttpReceiver();
  const { refuseNextPosts } = playSlackApi(slack, emailsOf(cast));
  await connectSlack(t.database, cast.team.id, workspaceId, `${slack.url}/api`);
  forgetSlackPeople();
  return {
    t,
    cast,
    slack,
    refuseNextPosts,
    close: async () => {
      await slack.close();
      await t.close();
    },
  };
}

/** Slack's Web API as the tests need it: users by id with their e-mail, posts answered with a ts (or refused when told). */
export function playSlackApi(receiver: HttpReceiver, emails: Record<string, string>): Pick<SlackTestbed, 'refuseNextPosts'> {
  const refusals: string[] = [];
  receiver.answer('/api/users.info', (call) => {
    const user = new URL(call.path, 'http://x').searchParams.get('user') ?? '';
    const email = emails[user];
    return { status: 200, body: JSON.stringify(email ? { ok: true, user: { id: user, profile: { email } } } : { ok: false, error: 'user_not_found' }) };
  });
  receiver.answer('/api/views.open', { status: 200, body: '{"ok":true}' });
  let sequence = 100;
  receiver.answer('/api/chat.postMessage', (call) => {
    const refusal = refusals.shift();
    if (refusal) return { status: 200, body: JSON.stringify({ ok: false, error: refusal }) };
    const sent = JSON.parse(call.body) as { channel: string };
    sequence += 1;
    // Posting to a user id lands in the app's direct-message conversation with them: a D… channel.
    const channel = sent.channel.startsWith('U') ? `D${sent.channel.slice(1)}` : sent.channel;
    return { status: 200, body: JSON.stringify({ ok: true, channel, ts: `1764158400.000${sequence}` }) };
  });
  return { refuseNextPosts: (...errors) => refusals.push(...errors) };
}

export const nowSeconds = () => String(Math.floor(Date.now() / 1000));

export interface SignedCall {
  path: 'commands' | 'interactions' | 'events';
  body: string;
  contentType?: string;
  secret?: string;
  timestamp?: string;
  /** Sign this body, send `body` (a body changed on the way). */
  signedBody?: string;
  headers?: Record<string, string>;
}

export function slackCall(app: FastifyInstance, call: SignedCall) {
  const timestamp = call.timestamp ?? nowSeconds();
  const contentType = call.contentType ?? (call.path === 'events' ? 'application/json' : 'application/x-www-form-urlencoded');
  return app.inject({
    method: 'POST',
    url: `/api/v1/channels/slack/${call.path}`,
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': signSlackRequest(call.secret ?? SIGNING_SECRET, timestamp, call.signedBody ?? call.body),
      ...call.headers,
    },
    payload: call.body,
  });
}

let triggers = 0;
export const nextTrigger = () => `${Date.now()}.${(triggers += 1)}.abcdef`;

export function commandBody(workspaceId: string, userId: string, text: string, triggerId = nextTrigger()): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: workspaceId,
    team_domain: 'acme',
    channel_id: 'C0GENERAL',
    channel_name: 'general',
    user_id: userId,
    user_name: 'someone',
    command: '/helpdesk',
    text,
    response_url: 'https://hooks.slack.com/commands/T0/1/abc',
    trigger_id: triggerId,
    api_app_id: 'A0HALLWAY',
  }).toString();
}

export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function buttonPayload(workspaceId: string, userId: string, actionId: string, key: string, triggerId = nextTrigger()) {
  return {
    type: 'block_actions',
    user: { id: userId, team_id: workspaceId },
    team: { id: workspaceId },
    trigger_id: triggerId,
    actions: [{ action_id: actionId, value: key, type: 'button' }],
  };
}

export function replySubmission(workspaceId: string, userId: string, key: string, text: string, triggerId = nextTrigger()) {
  return {
    type: 'view_submission',
    user: { id: userId, team_id: workspaceId },
    team: { id: workspaceId },
    trigger_id: triggerId,
    view: { id: 'V0REPLY', callback_id: 'hallway_reply', private_metadata: key, state: { values: { reply: { text: { type: 'plain_text_input', value: text } } } } },
  };
}

export function threadMessageEvent(workspaceId: string, eventId: string, event: Record<string, unknown>): string {
  return JSON.stringify({ token: 'x', team_id: workspaceId, api_app_id: 'A0HALLWAY', type: 'event_callback', event_id: eventId, event_time: 1764158400, event: { type: 'message', ...event } });
}
