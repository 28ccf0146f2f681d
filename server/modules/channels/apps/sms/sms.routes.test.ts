import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpReceiver, type HttpReceiver } from '../../../../../test/support/http-receiver.ts';
import { bearerFor, buildPerson } from '../../../../../test/support/factories.ts';
import { buildCast, type Cast } from '../../../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../../../test/support/test-app.ts';
import { drainDeliveries } from '../../../../platform/jobs/delivery-worker.ts';
import { signGenericGatewayRequest } from '../../signatures/sms-gateway-generic.ts';
import { signTwilioRequest } from '../../signatures/sms-gateway-twilio.ts';
import { httpDeliveryQueue } from '../../../integrations/http-delivery.queue.ts';
import { countRows, deliveriesOf, inAnotherProcess, insertConnection, moveRequest, publicCommentsOf, replayLatestStatusChange, requestsFiledThrough } from './chat-app.test-support.ts';
import { smsReaction } from './sms.reaction.ts';
import { STRANGER_TEXT } from './sms-inbound.ts';

// The SMS endpoint through the app: signatures (Twilio and generic), repeats, strangers, and the
// round trip SMS -> request -> agent reply -> the gateway's API, captured by a local receiver.

const AUTH_TOKEN = 'twilio-auth-token-1234';
const GENERIC_SECRET = 'generic-gateway-secret';
const OUR_NUMBER = '+442071838750';
const INBOUND_URL = 'https://desk.example.test/api/v1/channels/sms/configured/inbound';

let t: TestApp;
let cast: Cast;
let gateway: HttpReceiver;
let twilio: Awaited<ReturnType<typeof insertConnection>>;
let generic: Awaited<ReturnType<typeof insertConnection>>;
let texter: Awaited<ReturnType<typeof buildPerson>>;
let sid = 0;
const nextSid = () => `SM${Date.now()}${(sid += 1)}`;

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
  gateway = await startHttpReceiver();
  process.env.HALLWAY_TEST_TWILIO_TOKEN = 'api-token-abc';
  process.env.HALLWAY_TEST_GATEWAY_TOKEN = 'gateway-bearer-xyz';
  twilio = await insertConnection(t.database, {
    teamId: cast.team.id,
    kind: 'sms',
    externalId: OUR_NUMBER,
    signingSecret: AUTH_TOKEN,
    credentialEnv: 'HALLWAY_TEST_TWILIO_TOKEN',
    settings: { format: 'twilio', inboundUrl: INBOUND_URL, sendUrl: `${gateway.url}/twilio/Messages.json`, fromNumber: OUR_NUMBER, accountSid: 'AC123', defaultCountryCode: '44' },
  });
  generic = await insertConnection(t.database, {
    teamId: cast.team.id,
    kind: 'sms',
    externalId: '+15550100100',
    signingSecret: GENERIC_SECRET,
    credentialEnv: 'HALLWAY_TEST_GATEWAY_TOKEN',
    settings: { format: 'generic', sendUrl: `${gateway.url}/generic/send`, fromNumber: '+15550100100' },
  });
  // Stored as people type numbers: national form with spaces, matched through the default country code.
  texter = await buildPerson(t.database, { name: 'Tess Texter', phone: '07700 900123' });
}, 120_000);
afterAll(async () => {
  await gateway?.close();
  await t?.close();
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const smsFrom = (from: string, body: string, messageSid = nextSid()) => form({ MessageSid: messageSid, From: from, To: OUR_NUMBER, Body: body });

function postTwilio(body: string, options: { token?: string; url?: string; signature?: string; connectionId?: string } = {}, app = t.app) {
  const signature = options.signature ?? signTwilioRequest(options.token ?? AUTH_TOKEN, options.url ?? INBOUND_URL, body);
  return app.inject({
    method: 'POST',
    url: `/api/v1/channels/sms/${options.connectionId ?? twilio.id}/inbound`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    payload: body,
  });
}

function postGeneric(body: string, options: { secret?: string; timestamp?: number } = {}) {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/channels/sms/${generic.id}/inbound`,
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
      'x-signature-timestamp': timestamp,
      'x-signature': signGenericGatewayRequest(options.secret ?? GENERIC_SECRET, timestamp, body),
    },
    payload: body,
  });
}

const drain = () => drainDeliveries(t.database, httpDeliveryQueue());

describe('SMS webhook signatures (Twilio format)', () => {
  it('accepts a correctly signed message and answers with empty TwiML', async () => {
    const response = await postTwilio(smsFrom('+447700900123', 'Printer on floor 2 is jammed'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/xml/);
    expect(response.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  });

  it('refuses a wrong secret, a tampered body, a proxied URL, no signature and an unknown connection, all alike, changing nothing', async () => {
    const before = await Promise.all([countRows(t.database, 'requests'), countRows(t.database, 'channel_inbound_receipts')]);
    const body = smsFrom('+447700900123', 'Please reset my password');
    const refusals = [
      await postTwilio(body, { token: 'not-the-token' }),
      await postTwilio(body.replace('reset', 'delete'), { signature: signTwilioRequest(AUTH_TOKEN, INBOUND_URL, body) }),
      await postTwilio(body, { url: `http://10.0.0.5:3000/api/v1/channels/sms/${twilio.id}/inbound` }),
      await postTwilio(body, { signature: '' }),
      await postTwilio(body, { connectionId: '00000000-0000-4000-8000-000000000000' }),
      await postTwilio(body, { connectionId: generic.id }),
    ];
    for (const response of refusals) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ code: 'UNAUTHENTICATED', detail: 'The request signature could not be verified' });
    }
    expect(await Promise.all([countRows(t.database, 'requests'), countRows(t.database, 'channel_inbound_receipts')])).toEqual(before);
  });

  it('refuses the same signed message sent again (replay), and a repeat reaching another process changes nothing', async () => {
    // NEW: Tess's first request is still open, and this test wants a request of its own.
    const body = smsFrom('+447700900123', 'NEW Projector in room 4 has no signal');
    expect((await postTwilio(body)).statusCode).toBe(200);
    const filed = await countRows(t.database, 'requests');
    expect((await postTwilio(body)).statusCode).toBe(401);
    // Another process has its own replay memory: the receipt by MessageSid is what stops it there.
    const repeated = await inAnotherProcess(t.database, (other) => postTwilio(body, {}, other));
    expect(repeated.statusCode).toBe(200);
    expect(await countRows(t.database, 'requests')).toBe(filed);
    const matching = (await requestsFiledThrough(t.database, 'sms', texter.id)).filter((r) => r.subject === 'Projector in room 4 has no signal');
    expect(matching).toHaveLength(1);
  });

  it('accepts the previous auth token while a rotation allows it, and not after', async () => {
    const { sql } = await import('drizzle-orm');
    const rotate = (until: Date) =>
      t.database.db.execute(sql`update channel_connections set signing_secret = 'new-token', previous_signing_secret = ${AUTH_TOKEN},
        previous_secret_until = ${until.toISOString()}::timestamptz where id = ${twilio.id}`);
    try {
      await rotate(new Date(Date.now() + 3_600_000));
      expect((await postTwilio(smsFrom('+447700900123', 'old token, in grace'))).statusCode).toBe(200);
      expect((await postTwilio(smsFrom('+447700900123', 'new token'), { token: 'new-token' })).statusCode).toBe(200);
      await rotate(new Date(Date.now() - 1_000));
      expect((await postTwilio(smsFrom('+447700900123', 'old token, grace over'))).statusCode).toBe(401);
    } finally {
      await t.database.db.execute(sql`update channel_connections set signing_secret = ${AUTH_TOKEN}, previous_signing_secret = null,
        previous_secret_until = null where id = ${twilio.id}`);
    }
  });

  it('answers bad input with problem+json: no sender, a path that is not an id, a JSON body', async () => {
    const noSender = await postTwilio(form({ MessageSid: nextSid(), Body: 'hello' }));
    expect(noSender.statusCode).toBe(400);
    expect(noSender.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'body.From' }] });
    const notAnId = await t.app.inject({ method: 'POST', url: '/api/v1/channels/sms/1%27%20or%201=1/inbound', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=b' });
    expect(notAnId.statusCode).toBe(400);
    const json = await t.app.inject({ method: 'POST', url: `/api/v1/channels/sms/${twilio.id}/inbound`, headers: { 'content-type': 'application/json' }, payload: '{}' });
    expect(json.statusCode).toBe(415);
  });

  it('files nothing and answers no one for a hostile sender, and refuses an oversized body', async () => {
    const before = await Promise.all([countRows(t.database, 'requests'), countRows(t.database, 'http_deliveries')]);
    const hostile = await postTwilio(smsFrom("+44' or 1=1 --", '<script>alert(1)</script>'));
    expect(hostile.statusCode).toBe(200);
    const oversized = await postTwilio(smsFrom('+447700900123', 'x'.repeat(70_000)));
    expect(oversized.statusCode).toBe(413);
    expect(oversized.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await Promise.all([countRows(t.database, 'requests'), countRows(t.database, 'http_deliveries')])).toEqual(before);
  });
});

describe('SMS webhook signatures (generic format)', () => {
  it('accepts a signed message (204), refuses expired, wrong secret and replayed', async () => {
    const body = smsFrom('+15550100999', 'generic hello');
    const timestamp = Math.floor(Date.now() / 1000);
    expect((await postGeneric(body, { timestamp })).statusCode).toBe(204);
    expect((await postGeneric(body, { timestamp })).statusCode).toBe(401); // the same bytes, timestamp and signature again
    expect((await postGeneric(smsFrom('+15550100999', 'old'), { timestamp: Math.floor(Date.now() / 1000) - 600 })).statusCode).toBe(401);
    expect((await postGeneric(smsFrom('+15550100999', 'forged'), { secret: 'wrong' })).statusCode).toBe(401);
  });
});

describe('SMS from a number nobody in the directory has', () => {
  it('files nothing and answers once a day, however often the number writes', async () => {
    const before = await countRows(t.database, 'requests');
    const queuedBefore = (await deliveriesOf(t.database, twilio.id)).length;
    for (const text of ['hello?', 'anyone there?', 'hello!!']) expect((await postTwilio(smsFrom('+447700900999', text))).statusCode).toBe(200);
    expect(await countRows(t.database, 'requests')).toBe(before);
    const answers = (await deliveriesOf(t.database, twilio.id)).slice(queuedBefore);
    expect(answers).toHaveLength(1);
    expect(new URLSearchParams(answers[0]!.body).get('To')).toBe('+447700900999');
    expect(new URLSearchParams(answers[0]!.body).get('Body')).toBe(STRANGER_TEXT);
  });
});

describe('SMS round trip', () => {
  it('files a request from a known number, acknowledges it, sends the agent reply to the gateway with its auth, and threads the answer', async () => {
    gateway.calls.length = 0;
    await drain(); // earlier tests' acknowledgements out of the way
    gateway.calls.length = 0;

    const vicky = await buildPerson(t.database, { name: 'Vicky VPN', phone: '+44 (0)7700 900456' });
    expect((await postTwilio(smsFrom('+44 7700 900456', 'My VPN keeps dropping\nsince this morning'))).statusCode).toBe(200);
    const filed = (await requestsFiledThrough(t.database, 'sms', vicky.id)).find((r) => r.subject === 'My VPN keeps dropping');
    expect(filed).toMatchObject({ description: 'My VPN keeps dropping\nsince this morning', status: 'new' });

    const reply = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${filed!.key}/comments`,
      headers: cast.headers.agent,
      payload: { body: 'Please restart the VPN client and tell us if it drops again.', visibility: 'public' },
    });
    expect(reply.statusCode).toBe(201);
    const note = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${filed!.key}/comments`,
      headers: cast.headers.agent,
      payload: { body: 'internal: probably the new firewall rule', visibility: 'internal' },
    });
    expect(note.statusCode).toBe(201);

    expect(await drain()).toBe(2);
    const calls = await gateway.waitFor(2, '/twilio/');
    for (const call of calls) {
      expect(call.headers.authorization).toBe(`Basic ${Buffer.from('AC123:api-token-abc').toString('base64')}`);
      expect(call.headers['content-type']).toBe('application/x-www-form-urlencoded');
    }
    const sent = calls.map((call) => new URLSearchParams(call.body));
    const ack = sent.find((form) => form.get('Body')!.includes('Thanks'));
    const answer = sent.find((form) => !form.get('Body')!.includes('Thanks'));
    expect(ack).toBeDefined();
    expect(ack!.get('To')).toBe('+447700900456');
    expect(ack!.get('From')).toBe(OUR_NUMBER);
    expect(ack!.get('Body')).toContain(`${filed!.key}: Thanks, we have your request.`);
    expect(answer!.get('Body')).toBe(`${filed!.key}: Please restart the VPN client and tell us if it drops again.\nhttp://localhost:3000/requests/${filed!.key}`);
    expect(calls.map((call) => call.body).join('\n')).not.toContain('firewall');

    // The answer by SMS lands on the same request, and is not sent back to its writer.
    expect((await postTwilio(smsFrom('+447700900456', 'Restarted, still drops'))).statusCode).toBe(200);
    expect(await publicCommentsOf(t.database, filed!.id)).toEqual(['Please restart the VPN client and tell us if it drops again.', 'Restarted, still drops']);
    expect(await drain()).toBe(0);

    // NEW starts another request even though this one is open.
    expect((await postTwilio(smsFrom('+447700900456', 'NEW my monitor flickers'))).statusCode).toBe(200);
    expect((await requestsFiledThrough(t.database, 'sms', vicky.id)).map((r) => r.subject)).toEqual(['My VPN keeps dropping', 'my monitor flickers']);
    expect(await publicCommentsOf(t.database, filed!.id)).toHaveLength(2);
  });

  it('tells the requester by SMS when the request waits on them and when it is resolved, once each, and not of their own moves', async () => {
    const walter = await buildPerson(t.database, { name: 'Walter Wifi', phone: '+44 7700 900789' });
    expect((await postTwilio(smsFrom('+447700900789', 'Wifi in room 12 is down'))).statusCode).toBe(200);
    const [filed] = await requestsFiledThrough(t.database, 'sms', walter.id);
    await drain(); // the acknowledgement
    const sentSince = async (from: number, count: number) => (await gateway.waitFor(from + count, '/twilio/')).slice(from).map((call) => new URLSearchParams(call.body));
    const link = `http://localhost:3000/requests/${filed!.key}`;
    let from = gateway.calls.filter((call) => call.path.startsWith('/twilio/')).length;

    await moveRequest(t.app, cast.headers.agent, filed!.key, 'in_progress');
    await moveRequest(t.app, cast.headers.agent, filed!.key, 'waiting_on_requester', 'Which access point: the one by the door?');
    expect(await drain()).toBe(1);
    const [question] = await sentSince(from, 1);
    expect(question!.get('To')).toBe('+447700900789');
    expect(question!.get('Body')).toBe(`${filed!.key}: The team needs something from you to go on: Which access point: the one by the door?
${link}`);
    await replayLatestStatusChange(t.database, filed!.key, smsReaction);
    expect(await drain()).toBe(0);

    // Their answer by SMS moves it back to work; nobody is told of that.
    expect((await postTwilio(smsFrom('+447700900789', 'Yes, by the door'))).statusCode).toBe(200);
    expect(await drain()).toBe(0);
    from += 1;
    await moveRequest(t.app, cast.headers.agent, filed!.key, 'resolved', 'Replaced the access point');
    expect(await drain()).toBe(1);
    const [resolved] = await sentSince(from, 1);
    expect(resolved!.get('Body')).toBe(`${filed!.key}: Resolved: Replaced the access point Not solved? Reopen it in Hallway.
${link}`);
    await replayLatestStatusChange(t.database, filed!.key, smsReaction);
    // Closing their resolved request is the requester's own move, and its expected end.
    await moveRequest(t.app, await bearerFor(t.database, walter.id), filed!.key, 'closed');
    expect(await drain()).toBe(0);
  });

  it('sends through a generic gateway as JSON with a bearer token', async () => {
    const person = await buildPerson(t.database, { phone: '+1 555 010 0777' });
    expect((await postGeneric(smsFrom('+15550100777', 'Badge does not open door 3'))).statusCode).toBe(204);
    const [filed] = await requestsFiledThrough(t.database, 'sms', person.id);
    await t.app.inject({ method: 'POST', url: `/api/v1/requests/${filed!.key}/comments`, headers: cast.headers.agent, payload: { body: 'Fixed, try again.', visibility: 'public' } });
    gateway.calls.length = 0;
    await drain();
    const calls = await gateway.waitFor(2, '/generic/');
    expect(calls.every((call) => call.headers.authorization === 'Bearer gateway-bearer-xyz')).toBe(true);
    // Delivered concurrently: the order of arrival is not the order of queueing.
    const reply = calls.map((call) => JSON.parse(call.body) as { text: string }).find((body) => body.text.includes('Fixed'));
    expect(reply).toEqual({ to: '+15550100777', from: '+15550100100', text: `${filed!.key}: Fixed, try again.\nhttp://localhost:3000/requests/${filed!.key}` });
  });

  it('fails a delivery with a clear reason when the API token variable is unset, and keeps it for retry', async () => {
    delete process.env.HALLWAY_TEST_TWILIO_TOKEN;
    try {
      expect((await postTwilio(smsFrom('+447700900123', 'NEW keyboard missing keys'))).statusCode).toBe(200);
      await drain();
      const [latest] = (await deliveriesOf(t.database, twilio.id)).slice(-1);
      expect(latest).toMatchObject({ status: 'pending' });
      expect(latest!.last_error).toContain('HALLWAY_TEST_TWILIO_TOKEN');
      expect(latest!.last_error).not.toContain('api-token-abc');
    } finally {
      process.env.HALLWAY_TEST_TWILIO_TOKEN = 'api-token-abc';
    }
  });
});
