import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainDeliveries } from '../../../../platform/jobs/delivery-worker.ts';
import { httpDeliveryQueue } from '../../../integrations/http-delivery.queue.ts';
import { signTeamsRequest } from '../../signatures/teams-outgoing-webhook.ts';
import { countRows, deliveriesOf, inAnotherProcess, moveRequest, publicCommentsOf, replayLatestStatusChange, requestsFiledThrough } from '../sms/chat-app.test-support.ts';
import { teamsReaction } from './teams.reaction.ts';
import { startTeamsRig, type TeamsRig } from './teams.test-support.ts';

// The Teams outgoing webhook through the app: its HMAC on the raw body, the activity's time window
// and id, who may write, and the round trip Teams -> request -> agent reply -> the channel's incoming
// webhook, captured by a local receiver.

let rig: TeamsRig;
let t: TeamsRig['t'];
let cast: TeamsRig['cast'];
let channel: TeamsRig['channel'];
let connection: TeamsRig['connection'];
let SECURITY_TOKEN: string;
let activityNumber = 0;

beforeAll(async () => {
  rig = await startTeamsRig('it-help');
  ({ t, cast, channel, connection, securityToken: SECURITY_TOKEN } = rig);
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

interface ActivityOptions {
  text: string;
  from?: { id?: string; name?: string; userPrincipalName?: string };
  conversation?: string;
  id?: string;
  timestamp?: string;
}
function activity(options: ActivityOptions): string {
  activityNumber += 1;
  return JSON.stringify({
    type: 'message',
    id: options.id ?? `1700000000${activityNumber}`,
    timestamp: options.timestamp ?? new Date().toISOString(),
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    channelId: 'msteams',
    from: { id: `29:${activityNumber}`, name: 'Someone', aadObjectId: `aad-${activityNumber}`, ...options.from },
    conversation: { isGroup: true, id: options.conversation ?? `19:it-help@thread.tacv2;messageid=${activityNumber}` },
    text: options.text,
    channelData: { teamsChannelId: '19:it-help@thread.tacv2', tenant: { id: 'tenant-1' } },
  });
}
const as = (role: 'employee' | 'otherEmployee' | 'agent') => ({ name: cast.people[role].name, userPrincipalName: cast.people[role].email });

const post = (...args: Parameters<TeamsRig['post']>) => rig.post(...args);
const drain = () => drainDeliveries(t.database, httpDeliveryQueue());

describe('Teams outgoing webhook signatures', () => {
  it('accepts a signed activity and answers at once with a message naming the request', async () => {
    const response = await post(activity({ text: '<at>Hallway</at>&nbsp;The <b>printer</b> on floor 3 is offline', from: as('employee') }));
    expect(response.statusCode).toBe(200);
    const [filed] = await requestsFiledThrough(t.database, 'teams', cast.people.employee.id);
    expect(filed).toMatchObject({ subject: 'The printer on floor 3 is offline', description: 'The printer on floor 3 is offline' });
    expect(response.json()).toEqual({ type: 'message', text: expect.stringContaining(`Filed **${filed!.key}**: The printer on floor 3 is offline.`) });
  });

  it('refuses a wrong token, the token used undecoded, a tampered body, no header, a Bearer token, an expired activity and an unknown connection, alike', async () => {
    const before = await Promise.all([countRows(t.database, 'requests'), countRows(t.database, 'channel_inbound_receipts')]);
    const body = activity({ text: '<at>Hallway</at> reset my password', from: as('employee') });
    const old = activity({ text: 'old', from: as('employee'), timestamp: new Date(Date.now() - 10 * 60_000).toISOString() });
    const refusals = [
      await post(body, { authorization: signTeamsRequest(Buffer.from('another-key').toString('base64'), body) }),
      await post(body, { authorization: `HMAC ${(await import('node:crypto')).createHmac('sha256', SECURITY_TOKEN).update(body).digest('base64')}` }),
      await post(body.replace('reset', 'delete'), { authorization: signTeamsRequest(SECURITY_TOKEN, body) }),
      await t.app.inject({ method: 'POST', url: `/api/v1/channels/teams/${connection.id}`, headers: { 'content-type': 'application/json' }, payload: body }),
      await post(body, { authorization: `Bearer ${'a'.repeat(40)}` }),
      await post(old),
      await post(body, { connectionId: '00000000-0000-4000-8000-000000000000' }),
    ];
    for (const response of refusals) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'UNAUTHENTICATED', detail: 'The request signature could not be verified' });
    }
    expect(await Promise.all([countRows(t.database, 'requests'), countRows(t.database, 'channel_inbound_receipts')])).toEqual(before);
  });

  it('refuses the same activity replayed, and a repeat reaching another process changes nothing', async () => {
    const body = activity({ text: '<at>Hallway</at> VPN certificate expired', from: as('otherEmployee') });
    expect((await post(body)).statusCode).toBe(200);
    const requests = await countRows(t.database, 'requests');
    expect((await post(body)).statusCode).toBe(401);
    const repeated = await inAnotherProcess(t.database, (other) => post(body, {}, other));
    expect(repeated.statusCode).toBe(200);
    expect(repeated.json().text).toMatch(/^Already received: \*\*[A-Z0-9]+-\d+\*\*\.$/);
    expect(await countRows(t.database, 'requests')).toBe(requests);
  });

  it('answers a signed body that is not a message activity with problem+json, filing nothing', async () => {
    const before = await countRows(t.database, 'requests');
    const update = JSON.stringify({ type: 'conversationUpdate', id: 'cu-1', timestamp: new Date().toISOString(), from: { id: '29:1' }, conversation: { id: 'c' } });
    const response = await post(update);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'body.type' }] });
    expect(await countRows(t.database, 'requests')).toBe(before);
  });

  it('refuses an oversized body and another media type before reading it', async () => {
    const big = activity({ text: 'x'.repeat(300_000), from: as('employee') });
    expect((await post(big)).statusCode).toBe(413);
    const form = await t.app.inject({ method: 'POST', url: `/api/v1/channels/teams/${connection.id}`, headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'HMAC AAAA' }, payload: 'a=b' });
    expect(form.statusCode).toBe(415);
  });
});

describe('who writes from Teams', () => {
  it('gives someone Teams does not name by e-mail a link to their account, and files nothing', async () => {
    const before = await countRows(t.database, 'requests');
    const response = await post(activity({ text: '<at>Hallway</at> my mouse is broken', from: { name: cast.people.employee.name } }));
    expect(response.statusCode).toBe(200);
    expect(response.json().text).toMatch(/^Hallway doesn't know your Teams account yet, so nothing was filed and your message was not kept\. \[Link your Teams account\]\(http:\/\/localhost:3000\/link\/teams#/);
    expect(await countRows(t.database, 'requests')).toBe(before);
  });
});

describe('Teams round trip', () => {
  it('posts the agent reply to the channel, takes the requester reply from the thread, and keeps confidential words out of the channel', async () => {
    const conversation = '19:it-help@thread.tacv2;messageid=roundtrip';
    const opened = await post(activity({ text: '<at>Hallway</at> Teams calls drop after 10 minutes', from: as('employee'), conversation }));
    const key = /Filed \*\*([A-Z0-9]+-\d+)\*\*/.exec(opened.json().text)![1]!;
    const [request] = (await requestsFiledThrough(t.database, 'teams', cast.people.employee.id)).filter((r) => r.key === key);

    await drain();
    channel.calls.length = 0;
    const reply = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${key}/comments`,
      headers: cast.headers.agent,
      payload: { body: 'Please update the Teams client to the *latest* version.', visibility: 'public' },
    });
    expect(reply.statusCode).toBe(201);
    await t.app.inject({ method: 'POST', url: `/api/v1/requests/${key}/comments`, headers: cast.headers.agent, payload: { body: 'note: codec bug', visibility: 'internal' } });
    expect(await drain()).toBe(1);
    const [card] = await channel.waitFor(1, '/webhookb2/it-help');
    expect(card!.headers['content-type']).toBe('application/json');
    expect(card!.headers['hallway-delivery']).toBeDefined();
    expect(JSON.parse(card!.body)).toMatchObject({
      '@type': 'MessageCard',
      title: `${key}: Teams calls drop after 10 minutes`,
      text: 'Please update the Teams client to the \\*latest\\* version.',
      potentialAction: [{ '@type': 'OpenUri', targets: [{ uri: `http://localhost:3000/requests/${key}` }] }],
    });
    expect(card!.body).not.toContain('codec');

    // The requester answers in the thread: a comment on the request, not posted back to the channel.
    const answered = await post(activity({ text: '<at>Hallway</at> Updated, still drops', from: as('employee'), conversation }));
    expect(answered.json().text).toContain(`Added to **${key}**`);
    // An agent answering in the thread is not echoed either; someone else may not add to it.
    await post(activity({ text: '<at>Hallway</at> Try a wired connection', from: as('agent'), conversation }));
    const stranger = await post(activity({ text: '<at>Hallway</at> me too!', from: as('otherEmployee'), conversation }));
    expect(stranger.json().text).toBe(`Only the requester and the team can add to **${key}**. To ask for yourself, start a new conversation.`);
    expect(await publicCommentsOf(t.database, request!.id)).toEqual([
      'Please update the Teams client to the *latest* version.',
      'Updated, still drops',
      'Try a wired connection',
    ]);
    expect(await drain()).toBe(0);

    // Once confidential (and the agent assigned, who may then see it), the channel gets a link alone.
    await t.database.db.execute(sql`update requests set confidential = true, assignee_id = ${cast.people.agent.id} where key = ${key}`);
    const secret = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${key}/comments`, headers: cast.headers.agent, payload: { body: 'Your manager approved the headset.', visibility: 'public' } });
    expect(secret.statusCode, secret.body).toBe(201);
    expect(await drain()).toBe(1);
    const [, second] = await channel.waitFor(2, '/webhookb2/it-help');
    expect(second!.body).not.toContain('headset');
    expect(JSON.parse(second!.body).text).toContain('confidential');
    expect((await deliveriesOf(t.database, connection.id)).every((delivery) => delivery.status === 'delivered')).toBe(true);
  });

  it('tells the channel when the request waits on its requester and when it is resolved, once each; a confidential one without the words', async () => {
    const fileFromTeams = async (text: string, conversation: string) =>
      /Filed \*\*([A-Z0-9]+-\d+)\*\*/.exec((await post(activity({ text: `<at>Hallway</at> ${text}`, from: as('employee'), conversation }))).json().text)![1]!;
    const key = await fileFromTeams('Shared mailbox is missing', '19:it-help@thread.tacv2;messageid=status');
    await drain();
    const cards = async (count: number) => (await channel.waitFor(count, '/webhookb2/it-help')).map((call) => JSON.parse(call.body) as { title: string; text: string; summary: string });
    const seen = (await cards(0)).length;

    await moveRequest(t.app, cast.headers.agent, key, 'in_progress');
    await moveRequest(t.app, cast.headers.agent, key, 'waiting_on_requester', 'Which mailbox: *finance* or sales?');
    expect(await drain()).toBe(1);
    expect((await cards(seen + 1))[seen]).toMatchObject({
      title: `${key}: Shared mailbox is missing`,
      text: "Waiting for the requester's answer: Which mailbox: \\*finance\\* or sales?",
      summary: `${key}: news from the service desk`,
    });
    await replayLatestStatusChange(t.database, key, teamsReaction);
    expect(await drain()).toBe(0);
    await moveRequest(t.app, cast.headers.agent, key, 'resolved', 'Added you to the finance mailbox');
    expect(await drain()).toBe(1);
    expect((await cards(seen + 2))[seen + 1]!.text).toBe('Resolved: Added you to the finance mailbox');
    // The requester closing their resolved request is the expected end: nothing to post.
    await moveRequest(t.app, cast.headers.employee, key, 'closed');
    expect(await drain()).toBe(0);

    const secretKey = await fileFromTeams('Harassment report', '19:it-help@thread.tacv2;messageid=status-secret');
    await drain();
    await t.database.db.execute(sql`update requests set confidential = true, assignee_id = ${cast.people.agent.id} where key = ${secretKey}`);
    await moveRequest(t.app, cast.headers.agent, secretKey, 'resolved', 'The colleague was warned in writing');
    expect(await drain()).toBe(1);
    const announced = (await cards(seen + 3))[seen + 2]!;
    expect(announced.text).toBe('Resolved. Open the request in Hallway for the details.');
    expect(JSON.stringify(announced)).not.toContain('warned');
  });
});
