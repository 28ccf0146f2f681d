import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cast } from '../../../../../test/support/roles.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { buildApp } from '../../../../app.ts';
import { drainDeliveries } from '../../../../platform/jobs/delivery-worker.ts';
import { httpDeliveryQueue } from '../../../integrations/http-delivery.queue.ts';
import { channelConnections } from '../apps.tables.ts';
import {
  BOT_TOKEN,
  buttonPayload,
  commandBody,
  interactionBody,
  nowSeconds,
  slackCall,
  SIGNING_SECRET,
  startSlackTestbed,
  threadMessageEvent,
  type SignedCall,
  type SlackTestbed,
} from './slack.test-support.ts';

// Slack's calls are believed only when signed with the workspace's signing secret, recently, once.

const WORKSPACE = 'T0SIGNED';
let t: TestApp;
let cast: Cast;
let testbed: SlackTestbed;

beforeAll(async () => {
  testbed = await startSlackTestbed(WORKSPACE, (c) => ({ U0EMMA: c.people.employee.email }));
  ({ t, cast } = testbed);
}, 120_000);
afterAll(() => testbed.close());

const slackRequests = async () =>
  Number((await t.database.rows<{ n: string }>(sql`select count(*)::text as n from requests where channel = 'slack'`))[0]!.n);

describe('Slack signatures, through the slash command endpoint', () => {
  it('a validly signed command files a request and names its key', async () => {
    const before = await slackRequests();
    const answer = await slackCall(t.app, { path: 'commands', body: commandBody(WORKSPACE, 'U0EMMA', 'The printer on floor 3 is jammed') });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(new RegExp(`^Filed ${cast.team.keyPrefix}-\\d+: The printer on floor 3 is jammed$`)) });
    expect(await slackRequests()).toBe(before + 1);
  });

  it('refuses a wrong secret, a tampered body, an expired or future timestamp, and missing or garbled headers, all alike', async () => {
    const before = await slackRequests();
    const body = commandBody(WORKSPACE, 'U0EMMA', 'should never be filed');
    const old = String(Math.floor(Date.now() / 1000) - 6 * 60);
    const ahead = String(Math.floor(Date.now() / 1000) + 6 * 60);
    const refusals = [
      await slackCall(t.app, { path: 'commands', body, secret: 'not-the-signing-secret' }),
      await slackCall(t.app, { path: 'commands', body: body.replace('should+never', 'should+surely'), signedBody: body }),
      await slackCall(t.app, { path: 'commands', body, timestamp: old }),
      await slackCall(t.app, { path: 'commands', body, timestamp: ahead }),
      await slackCall(t.app, { path: 'commands', body, headers: { 'x-slack-signature': 'v0=zz' } }),
      await t.app.inject({ method: 'POST', url: '/api/v1/channels/slack/commands', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: body }),
      await slackCall(t.app, { path: 'commands', body: commandBody('T0UNKNOWN', 'U0EMMA', 'who are you') }),
    ];
    for (const refused of refusals) {
      expect(refused.statusCode).toBe(401);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json().detail).toBe('The request signature could not be verified');
    }
    expect(await slackRequests()).toBe(before);
  });

  it('refuses the same signed call sent again (a replay), and files once', async () => {
    const before = await slackRequests();
    const timestamp = nowSeconds();
    const body = commandBody(WORKSPACE, 'U0EMMA', 'VPN drops every hour');
    expect((await slackCall(t.app, { path: 'commands', body, timestamp })).statusCode).toBe(200);
    expect((await slackCall(t.app, { path: 'commands', body, timestamp })).statusCode).toBe(401);
    expect(await slackRequests()).toBe(before + 1);
  });

  it('answers a retry of the same command (new signature, same trigger id) with the first request, filing nothing', async () => {
    const body = commandBody(WORKSPACE, 'U0EMMA', 'Monitor flickers', 'trigger-retry-1');
    const first = await slackCall(t.app, { path: 'commands', body, timestamp: String(Number(nowSeconds()) - 30) });
    expect(first.statusCode).toBe(200);
    const before = await slackRequests();
    const retry = await slackCall(t.app, { path: 'commands', body, headers: { 'x-slack-retry-num': '1' } });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().text).toBe(first.json().text);
    expect(await slackRequests()).toBe(before);
  });

  it('accepts the previous secret during its grace period after a rotation, not after', async () => {
    await t.database.db
      .update(channelConnections)
      .set({ signingSecret: 'the-rotated-in-secret', previousSigningSecret: SIGNING_SECRET, previousSecretUntil: new Date(Date.now() + 60_000) })
      .where(eq(channelConnections.externalId, WORKSPACE));
    expect((await slackCall(t.app, { path: 'commands', body: commandBody(WORKSPACE, 'U0EMMA', 'old secret, in grace') })).statusCode).toBe(200);
    expect((await slackCall(t.app, { path: 'commands', body: commandBody(WORKSPACE, 'U0EMMA', 'new secret'), secret: 'the-rotated-in-secret' })).statusCode).toBe(200);
    await t.database.db.update(channelConnections).set({ previousSecretUntil: new Date(Date.now() - 1000) }).where(eq(channelConnections.externalId, WORKSPACE));
    expect((await slackCall(t.app, { path: 'commands', body: commandBody(WORKSPACE, 'U0EMMA', 'old secret, too late') })).statusCode).toBe(401);
    await t.database.db.update(channelConnections).set({ signingSecret: SIGNING_SECRET, previousSigningSecret: null, previousSecretUntil: null }).where(eq(channelConnections.externalId, WORKSPACE));
  });

  it('answers someone not in the directory politely, filing nothing', async () => {
    const before = await slackRequests();
    const answer = await slackCall(t.app, { path: 'commands', body: commandBody(WORKSPACE, 'U0STRANGER', 'let me in') });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('could not find you') });
    expect(await slackRequests()).toBe(before);
  });

  it("checks the Events API's url_verification handshake like any other call", async () => {
    const body = JSON.stringify({ token: 'x', challenge: 'c-3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P', type: 'url_verification' });
    const answer = await slackCall(t.app, { path: 'events', body });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ challenge: 'c-3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
    expect((await slackCall(t.app, { path: 'events', body, secret: 'wrong-secret-xyz' })).statusCode).toBe(401);
  });

  it('acknowledges events it does not act on (other event shapes, rate-limit notices) without changing anything', async () => {
    const before = await slackRequests();
    const userChange = JSON.stringify({ type: 'event_callback', team_id: WORKSPACE, event_id: 'Ev0USERCHANGE', event: { type: 'user_change', user: { id: 'U0EMMA', profile: {} } } });
    const rateLimited = JSON.stringify({ token: 'x', team_id: WORKSPACE, minute_rate_limited: 1518467820, api_app_id: 'A0HALLWAY', type: 'app_rate_limited' });
    for (const body of [userChange, rateLimited]) {
      const answer = await slackCall(t.app, { path: 'events', body });
      expect(answer.statusCode, answer.body).toBe(200);
    }
    expect(await slackRequests()).toBe(before);
  });

  it('refuses bodies that are not Slack: another media type, malformed JSON, a payload that is not an interaction', async () => {
    expect((await slackCall(t.app, { path: 'commands', body: 'text=hi', contentType: 'text/plain' })).statusCode).toBe(415);
    const badJson = await slackCall(t.app, { path: 'events', body: '{"team_id":"T0SIGNED",' });
    expect(badJson.statusCode).toBe(400);
    const notInteraction = await slackCall(t.app, { path: 'interactions', body: new URLSearchParams({ payload: JSON.stringify({ type: 'block_actions', team: { id: WORKSPACE } }) }).toString() });
    expect(notInteraction.statusCode).toBe(400);
    expect(notInteraction.headers['content-type']).toContain('application/problem+json');
    const hostileUser = await slackCall(t.app, { path: 'commands', body: commandBody(WORKSPACE, "U0'; drop table people;--", 'x') });
    expect(hostileUser.statusCode).toBe(400);
  });
});

describe('Slack signatures, through every endpoint', () => {
  const receipts = async () => Number((await t.database.rows<{ n: string }>(sql`select count(*)::text as n from channel_inbound_receipts`))[0]!.n);
  let serial = 0;
  /** A request filed by Slack, its requester's thread started: where a thread message lands. */
  const followedThread = async () => {
    const filed = await slackCall(t.app, { path: 'commands', body: commandBody(WORKSPACE, 'U0EMMA', `Mouse ${(serial += 1)} double-clicks`) });
    expect(filed.statusCode, filed.body).toBe(200);
    await drainDeliveries(t.database, httpDeliveryQueue({ timeoutMs: 20_000 }));
    const [thread] = await t.database.rows<{ external_thread: string }>(
      sql`select external_thread from channel_threads where person_id = ${cast.people.employee.id} order by created_at desc limit 1`,
    );
    const [channel, ts] = thread!.external_thread.split(':');
    return { channel: channel!, ts: ts! };
  };
  // A call each endpoint would act on (file, follow, comment: each leaves a receipt), and a change of its bytes on the way.
  const endpoints: Array<{ path: SignedCall['path']; body: () => Promise<string>; tamper: (body: string) => string }> = [
    { path: 'commands', body: async () => commandBody(WORKSPACE, 'U0EMMA', `Keyboard ${(serial += 1)} is sticky`), tamper: (body) => body.replace('sticky', 'gone') },
    {
      path: 'interactions',
      body: async () => interactionBody(buttonPayload(WORKSPACE, 'U0EMMA', 'hallway_follow', `${cast.team.keyPrefix}-1`)),
      tamper: (body) => body.replace('U0EMMA', 'U0OSCA'),
    },
    {
      path: 'events',
      body: async () => {
        const thread = await followedThread();
        return threadMessageEvent(WORKSPACE, `Ev0SIGNED${(serial += 1)}`, { user: 'U0EMMA', channel: thread.channel, text: 'hello', ts: '1764158999.000100', thread_ts: thread.ts });
      },
      tamper: (body) => body.replace('hello', 'goodbye'),
    },
  ];

  for (const endpoint of endpoints) {
    it(`/${endpoint.path} refuses a wrong secret, a tampered body, an expired call and a replay, alike, acting on none`, async () => {
      const body = await endpoint.body();
      const expired = String(Math.floor(Date.now() / 1000) - 6 * 60);
      const before = await receipts();
      const refusals = [
        await slackCall(t.app, { path: endpoint.path, body, secret: 'not-the-signing-secret' }),
        await slackCall(t.app, { path: endpoint.path, body: endpoint.tamper(body), signedBody: body }),
        await slackCall(t.app, { path: endpoint.path, body, timestamp: expired }),
      ];
      expect(await receipts()).toBe(before);
      const timestamp = nowSeconds();
      const accepted = await slackCall(t.app, { path: endpoint.path, body, timestamp });
      expect(accepted.statusCode, accepted.body).toBe(200);
      const afterAccepted = await receipts();
      expect(afterAccepted).toBe(before + 1);
      refusals.push(await slackCall(t.app, { path: endpoint.path, body, timestamp }));
      for (const refused of refusals) {
        expect(refused.statusCode).toBe(401);
        expect(refused.headers['content-type']).toContain('application/problem+json');
        expect(refused.json().detail).toBe('The request signature could not be verified');
      }
      expect(await receipts()).toBe(afterAccepted);
    });
  }
});

describe('Slack calls in the log', () => {
  it('leave the reason of a refusal, never the secret, the bot token or what people wrote', async () => {
    const lines: string[] = [];
    const logged = await buildApp({
      database: t.database,
      config: { secureCookies: false, bodyLimitBytes: 1_000_000, logLevel: 'debug' },
      logger: { level: 'debug', stream: { write: (line: string) => lines.push(line) } },
    });
    try {
      await slackCall(logged, { path: 'commands', body: commandBody(WORKSPACE, 'U0EMMA', 'my secret project codename Bluebird') });
      await slackCall(logged, { path: 'commands', body: commandBody(WORKSPACE, 'U0EMMA', 'forged Bluebird'), secret: 'forged-secret-1234' });
      await slackCall(logged, { path: 'events', body: '{"team_id":"T0SIGNED","type":"event_callback","event_id":"Ev1","event":{"type":"message","text":"Bluebird"}}' });
    } finally {
      await logged.close();
    }
    const log = lines.join('');
    expect(log).toContain('"reason":"mismatch"');
    for (const secret of [SIGNING_SECRET, BOT_TOKEN, 'Bluebird', 'forged-secret-1234']) expect(log).not.toContain(secret);
  });
});
