import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpReceiver } from '../../../../../test/support/http-receiver.ts';
import type { Cast } from '../../../../../test/support/roles.ts';
import type { TestApp } from '../../../../../test/support/test-app.ts';
import { drainDeliveries } from '../../../../platform/jobs/delivery-worker.ts';
import { httpDeliveryQueue } from '../../../integrations/http-delivery.queue.ts';
import { publishService } from '../../../../../test/support/catalog-factories.ts';
import { channelConnections } from '../apps.tables.ts';
import { moveRequest, replayLatestStatusChange } from '../sms/chat-app.test-support.ts';
import { slackReaction } from './slack.reaction.ts';
import {
  BOT_TOKEN,
  startSlackTestbed,
  type SlackTestbed,
  BOT_TOKEN_ENV,
  buttonPayload,
  commandBody,
  interactionBody,
  replySubmission,
  slackCall,
  threadMessageEvent,
} from './slack.test-support.ts';

// From Slack to the desk and back: a slash command files a request that its requester follows at
// once, the agent's public reply is delivered into the requester's thread (captured by a local
// Slack), and the requester's answer in that thread, or through the Reply form, lands on the request.

const WORKSPACE = 'T0ROUND';
let t: TestApp;
let cast: Cast;
let slack: HttpReceiver;
let testbed: SlackTestbed;

beforeAll(async () => {
  testbed = await startSlackTestbed(WORKSPACE, (c) => ({ U0EMMA: c.people.employee.email, U0OSCAR: c.people.otherEmployee.email, U0ALAN: c.people.agent.email }));
  ({ t, cast, slack } = testbed);
}, 120_000);
afterAll(() => testbed.close());

const deliver = () => drainDeliveries(t.database, httpDeliveryQueue({ timeoutMs: 20_000 }));
const posts = () => slack.calls.filter((call) => call.path === '/api/chat.postMessage');
const fileBySlack = async (text: string, triggerId?: string, timestamp?: string) => {
  const answer = await slackCall(t.app, { path: 'commands', body: commandBody(WORKSPACE, 'U0EMMA', text, triggerId), timestamp });
  expect(answer.statusCode, answer.body).toBe(200);
  return /Filed ([A-Z0-9]+-\d+)/.exec(answer.json().text)![1]!;
};
const comment = (key: string, role: 'agent' | 'lead', body: string, visibility: 'public' | 'internal' = 'public') =>
  t.app.inject({ method: 'POST', url: `/api/v1/requests/${key}/comments`, headers: cast.headers[role], payload: { body, visibility } });
const publicComments = async (key: string) => {
  const request = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${key}`, headers: cast.headers.employee });
  return (request.json().timeline as Array<{ kind: string; visibility: string; actor: { id: string } | null; data: { body?: string } }>)
    .filter((entry) => entry.kind === 'commented' && entry.visibility === 'public')
    .map((entry) => ({ by: entry.actor?.id, body: entry.data.body }));
};
/** Runs `work` with the connection filing through `serviceSlug`, then restores its settings. */
async function withDefaultService<Result>(serviceSlug: string, work: () => Promise<Result>): Promise<Result> {
  const setSettings = (settings: Record<string, unknown>) =>
    t.database.db.update(channelConnections).set({ settings: { apiBaseUrl: `${slack.url}/api`, ...settings } }).where(eq(channelConnections.externalId, WORKSPACE));
  await setSettings({ defaultServiceSlug: serviceSlug });
  try {
    return await work();
  } finally {
    await setSettings({});
  }
}
const threadsOf = (key: string) =>
  t.database.rows<{ external_thread: string; person_id: string }>(
    sql`select external_thread, person_id from channel_threads where request_id = (select id from requests where key = ${key})`,
  );

describe('Slack round trip', () => {
  it('slash command -> request followed by its requester at once -> agent reply posted in the thread -> answer in the thread becomes a comment', async () => {
    const trigger = 'trigger-command-roundtrip-1';
    const key = await fileBySlack('My laptop will not charge', trigger);
    // Slack's retry of the command (same trigger, a later signature) files nothing and follows nothing twice.
    expect(await fileBySlack('My laptop will not charge', trigger, String(Math.floor(Date.now() / 1000) - 5))).toBe(key);

    // No Follow click: the first post of the thread goes to the requester's direct messages.
    expect(await deliver()).toBe(1);
    const [intro] = posts();
    expect(intro!.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(JSON.parse(intro!.body)).toMatchObject({ channel: 'U0EMMA', text: expect.stringContaining(key) });
    const [thread] = await threadsOf(key);
    const ts = JSON.parse(intro!.body).thread_ts ?? null;
    expect(ts).toBeNull();
    expect(thread).toMatchObject({ person_id: cast.people.employee.id, external_thread: expect.stringMatching(/^D0EMMA:1764158400\.\d+$/) });
    const threadTs = thread!.external_thread.split(':')[1]!;
    // A Follow click from an answer given before changes nothing: they follow it already.
    const follow = await slackCall(t.app, { path: 'interactions', body: interactionBody(buttonPayload(WORKSPACE, 'U0EMMA', 'hallway_follow', key)) });
    expect(follow.statusCode, follow.body).toBe(200);
    expect(await deliver()).toBe(0);
    expect(await threadsOf(key)).toHaveLength(1);

    // The agent's public reply is posted into the thread; the internal note is not.
    expect((await comment(key, 'agent', 'Internal: charger recall list', 'internal')).statusCode).toBe(201);
    expect((await comment(key, 'agent', 'Please try the <USB-C> port on the left & tell us')).statusCode).toBe(201);
    expect(await deliver()).toBe(1);
    const reply = posts()[1]!;
    expect(reply.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(reply.headers['hallway-delivery']).toBeTruthy();
    expect(JSON.parse(reply.body)).toEqual({
      channel: 'D0EMMA',
      thread_ts: threadTs,
      text: expect.stringContaining('Please try the &lt;USB-C&gt; port on the left &amp; tell us'),
      unfurl_links: false,
    });
    expect(slack.calls.some((call) => call.body.includes('charger recall'))).toBe(false);

    // The requester answers in the thread; Slack's retry of that event and Hallway's own echo change nothing.
    const answer = threadMessageEvent(WORKSPACE, 'Ev0ANSWER1', { user: 'U0EMMA', channel: 'D0EMMA', text: 'Left port works &amp; thanks', ts: '1764158999.000200', thread_ts: threadTs });
    expect((await slackCall(t.app, { path: 'events', body: answer })).statusCode).toBe(200);
    expect((await slackCall(t.app, { path: 'events', body: answer, timestamp: String(Math.floor(Date.now() / 1000) - 20), headers: { 'x-slack-retry-num': '1' } })).statusCode).toBe(200);
    const echo = threadMessageEvent(WORKSPACE, 'Ev0ECHO1', { bot_id: 'B0HALLWAY', user: 'U0BOT', channel: 'D0EMMA', text: 'echo', ts: '1764158999.000300', thread_ts: threadTs });
    expect((await slackCall(t.app, { path: 'events', body: echo })).statusCode).toBe(200);
    expect(await publicComments(key)).toEqual([
      { by: cast.people.agent.id, body: 'Please try the <USB-C> port on the left & tell us' },
      { by: cast.people.employee.id, body: 'Left port works & thanks' },
    ]);
    // The requester's own words are not posted back to them.
    expect(await deliver()).toBe(0);
  });

  it('Reply opens a form in Slack, and its text becomes the requester\'s public comment, once', async () => {
    const key = await fileBySlack('Need access to the finance share');
    const trigger = 'trigger-reply-open-1';
    const open = await slackCall(t.app, { path: 'interactions', body: interactionBody(buttonPayload(WORKSPACE, 'U0EMMA', 'hallway_reply', key, trigger)) });
    expect(open.statusCode).toBe(200);
    const [form] = await slack.waitFor(1, '/api/views.open');
    expect(form!.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(JSON.parse(form!.body)).toMatchObject({ trigger_id: trigger, view: { callback_id: 'hallway_reply', private_metadata: key } });

    const submission = interactionBody(replySubmission(WORKSPACE, 'U0EMMA', key, 'It is for the Q3 audit', 'trigger-submit-1'));
    const sent = await slackCall(t.app, { path: 'interactions', body: submission });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.body).toBe('');
    expect((await slackCall(t.app, { path: 'interactions', body: submission, timestamp: String(Math.floor(Date.now() / 1000) - 10) })).statusCode).toBe(200);
    expect(await publicComments(key)).toEqual([{ by: cast.people.employee.id, body: 'It is for the Q3 audit' }]);
    expect(await deliver()).toBe(1); // the requester's thread, and nothing for their own words
  });

  it("someone else cannot follow or answer a request that is not theirs", async () => {
    const key = await fileBySlack('Salary slip question');
    expect(await deliver()).toBe(1); // the requester's own thread
    const requesterThreads = await threadsOf(key);
    const before = slack.calls.length;
    await slackCall(t.app, { path: 'interactions', body: interactionBody(buttonPayload(WORKSPACE, 'U0OSCAR', 'hallway_follow', key)) });
    await slackCall(t.app, { path: 'interactions', body: interactionBody(buttonPayload(WORKSPACE, 'U0OSCAR', 'hallway_reply', key)) });
    const refused = await slackCall(t.app, { path: 'interactions', body: interactionBody(replySubmission(WORKSPACE, 'U0OSCAR', key, 'let me in')) });
    expect(refused.json()).toEqual({ response_action: 'errors', errors: { reply: 'You may not reply on this request.' } });
    expect(await threadsOf(key)).toEqual(requesterThreads);
    expect(requesterThreads.map((thread) => thread.person_id)).toEqual([cast.people.employee.id]);
    expect(await deliver()).toBe(0);
    expect(slack.calls.slice(before).filter((call) => !call.path.startsWith('/api/users.info'))).toEqual([]);
    expect(await publicComments(key)).toEqual([]);
  });

  it("a confidential request's replies reach Slack as a note without its words", async () => {
    const service = await publishService(t.app, cast.headers.admin, cast.team.slug, { name: 'Speak up', confidential: true });
    const key = await withDefaultService(service.slug, () => fileBySlack('A complaint about my manager'));
    const before = posts().length;
    expect(await deliver()).toBe(1);
    expect(posts()[before]!.body).not.toContain('complaint');
    expect((await comment(key, 'lead', 'We will call you about the complaint tomorrow')).statusCode).toBe(201);
    expect(await deliver()).toBe(1);
    const note = JSON.parse(posts()[before + 1]!.body) as { text: string };
    expect(note.text).toContain(`There is a new reply on <`);
    expect(note.text).not.toContain('call you');
    // Its resolution is announced, and its words stay in Hallway too.
    await moveRequest(t.app, cast.headers.lead, key, 'resolved', 'HR spoke to your manager about the complaint');
    expect(await deliver()).toBe(1);
    const resolved = JSON.parse(posts()[before + 2]!.body) as { text: string };
    expect(resolved.text).toContain(`|${key}>: Resolved. Open the request in Hallway`);
    expect(resolved.text).not.toContain('HR');
  });

  it('tells the requester in their thread when the request waits on them and when it is resolved, once each, and not the agent who made the move', async () => {
    const key = await fileBySlack('Printer prints blank pages');
    // The agent follows it too; both threads get their first post.
    await slackCall(t.app, { path: 'interactions', body: interactionBody(buttonPayload(WORKSPACE, 'U0ALAN', 'hallway_follow', key)) });
    expect(await deliver()).toBe(2);
    const threadOf = async (personId: string) => (await threadsOf(key)).find((thread) => thread.person_id === personId)!.external_thread.split(':');
    const [emmaChannel, emmaTs] = await threadOf(cast.people.employee.id);
    const [alanChannel, alanTs] = await threadOf(cast.people.agent.id);
    const postsTo = (channel: string, ts: string, from: number) =>
      posts().slice(from).map((call) => JSON.parse(call.body) as { channel: string; thread_ts?: string; text: string }).filter((post) => post.channel === channel && post.thread_ts === ts);

    let from = posts().length;
    await moveRequest(t.app, cast.headers.agent, key, 'in_progress');
    await moveRequest(t.app, cast.headers.agent, key, 'waiting_on_requester', 'Which printer: 3rd or 4th floor?');
    expect(await deliver()).toBe(1);
    expect(postsTo(emmaChannel!, emmaTs!, from).map((post) => post.text)).toEqual([
      expect.stringMatching(new RegExp(`\\|${key}>: The team needs something from you to go on: Which printer: 3rd or 4th floor\\?$`)),
    ]);
    expect(postsTo(alanChannel!, alanTs!, from)).toEqual([]);
    // A replayed change queues nothing twice.
    await replayLatestStatusChange(t.database, key, slackReaction);
    expect(await deliver()).toBe(0);

    // The requester's answer moves it back to work: nobody is told of that.
    from = posts().length;
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/requests/${key}/comments`, headers: cast.headers.employee, payload: { body: '4th floor', visibility: 'public' } })).statusCode).toBe(201);
    expect(await deliver()).toBe(0);

    // The lead resolves it: the requester hears the resolution and how to reopen, the following agent the news.
    await moveRequest(t.app, cast.headers.lead, key, 'resolved', 'Replaced the toner & <cleaned> the drum');
    expect(await deliver()).toBe(2);
    const [toEmma] = postsTo(emmaChannel!, emmaTs!, from);
    expect(toEmma!.text).toContain(`|${key}>: Resolved: Replaced the toner &amp; &lt;cleaned&gt; the drum\nNot solved? Reopen it in Hallway.`);
    const [toAlan] = postsTo(alanChannel!, alanTs!, from);
    expect(toAlan!.text).toMatch(/Resolved: Replaced the toner &amp; &lt;cleaned&gt; the drum$/);
    await replayLatestStatusChange(t.database, key, slackReaction);
    // Closing a resolved request is its expected end: nothing to tell.
    await moveRequest(t.app, cast.headers.employee, key, 'closed');
    expect(await deliver()).toBe(0);
  });

  it('tells the requester when an approver rejects the request, with the approver\'s words', async () => {
    const service = await publishService(t.app, cast.headers.admin, cast.team.slug, { name: 'New laptop', approval: { approver: 'team_lead' } });
    const key = await withDefaultService(service.slug, () => fileBySlack('A lighter laptop please'));
    const approvals = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${key}/approvals`, headers: cast.headers.lead });
    const approvalId = approvals.json().items[0].id as string;
    const rejected = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${key}/approvals/${approvalId}/decision`, headers: cast.headers.lead, payload: { decision: 'reject', comment: 'Budget freeze until May' } });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const from = posts().length;
    expect(await deliver()).toBe(2); // the thread's first post, and the news
    const texts = posts().slice(from).map((call) => (JSON.parse(call.body) as { text: string }).text);
    expect(texts).toContainEqual(expect.stringContaining(`|${key}>: Closed without being resolved: Budget freeze until May`));
  });

  it('a reply queued while the bot token is unset fails its attempt with the reason, and goes out once it is set', async () => {
    const key = await fileBySlack('Badge does not open the door');
    delete process.env[BOT_TOKEN_ENV];
    try {
      expect(await deliver()).toBe(1);
      const [row] = await t.database.rows<{ status: string; last_error: string }>(
        sql`select status, last_error from http_deliveries where request_id = (select id from requests where key = ${key})`,
      );
      expect(row!.status).toBe('pending');
      expect(row!.last_error).toContain(BOT_TOKEN_ENV);
    } finally {
      process.env[BOT_TOKEN_ENV] = BOT_TOKEN;
    }
    await t.database.rows(sql`update http_deliveries set next_attempt_at = now() where request_id = (select id from requests where key = ${key})`);
    const before = posts().length;
    expect(await deliver()).toBe(1);
    expect(posts().length).toBe(before + 1);
  });

  it("does not count a post Slack answers with ok:false as delivered: 'later' is retried, anything else fails, both in the delivery log", async () => {
    const key = await fileBySlack('Teams headset crackles');
    const deliveries = () =>
      t.database.rows<{ id: string; status: string; attempts: number; last_status_code: number; last_error: string | null }>(
        sql`select id, status, attempts, last_status_code, last_error from http_deliveries
          where request_id = (select id from requests where key = ${key}) order by created_at, id`,
      );
    const attemptsOf = (id: string) =>
      t.database.rows<{ status_code: number; error: string | null; response_excerpt: string | null }>(
        sql`select status_code, error, response_excerpt from http_delivery_attempts where delivery_id = ${id} order by attempt`,
      );

    // Rate limited: the intro stays pending, its thread waits for Slack's ts, and the next attempt delivers it.
    testbed.refuseNextPosts('ratelimited');
    expect(await deliver()).toBe(1);
    const [intro] = await deliveries();
    expect(intro).toMatchObject({ status: 'pending', attempts: 1, last_status_code: 200, last_error: 'Slack answered ok:false, ratelimited' });
    expect(await threadsOf(key)).toEqual([expect.objectContaining({ external_thread: 'dm:U0EMMA' })]);
    await t.database.rows(sql`update http_deliveries set next_attempt_at = now() where id = ${intro!.id}`);
    expect(await deliver()).toBe(1);
    expect((await deliveries())[0]).toMatchObject({ status: 'delivered', attempts: 2, last_error: null });
    expect(await attemptsOf(intro!.id)).toEqual([
      { status_code: 200, error: 'Slack answered ok:false, ratelimited', response_excerpt: '{"ok":false,"error":"ratelimited"}' },
      { status_code: 200, error: null, response_excerpt: expect.stringContaining('"ok":true') },
    ]);
    expect((await threadsOf(key))[0]!.external_thread).toMatch(/^D0EMMA:/);

    // The bot was removed from the conversation: the reply fails for good, with Slack's reason, and is not tried again.
    testbed.refuseNextPosts('channel_not_found');
    expect((await comment(key, 'agent', 'We are sending you a new headset')).statusCode).toBe(201);
    expect(await deliver()).toBe(1);
    const reply = (await deliveries())[1]!;
    expect(reply).toMatchObject({ status: 'failed', attempts: 1, last_status_code: 200, last_error: 'Slack answered ok:false, channel_not_found' });
    expect(await attemptsOf(reply.id)).toEqual([
      { status_code: 200, error: 'Slack answered ok:false, channel_not_found', response_excerpt: '{"ok":false,"error":"channel_not_found"}' },
    ]);
    await t.database.rows(sql`update http_deliveries set next_attempt_at = now() where id = ${reply.id}`);
    expect(await deliver()).toBe(0);
  });

  it("files through the connection's default service when it has one", async () => {
    const service = await publishService(t.app, cast.headers.admin, cast.team.slug, { name: 'Hardware help', defaultPriority: 'high' });
    const key = await withDefaultService(service.slug, () => fileBySlack('Docking station is dead'));
    const request = (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${key}`, headers: cast.headers.employee })).json();
    expect(request).toMatchObject({ subject: 'Docking station is dead', channel: 'slack', priority: 'high', service: { slug: service.slug } });
  });
});
