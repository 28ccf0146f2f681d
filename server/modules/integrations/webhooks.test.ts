import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adminOnly, describeAccessMatrix } from '../../../test/support/access-matrix.ts';
import { itRefusesBadInput, rawJson } from '../../../test/support/bad-input.ts';
import { startHttpReceiver, type HttpReceiver } from '../../../test/support/http-receiver.ts';
import { buildCast, type Cast } from '../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { drainDeliveries } from '../../platform/jobs/delivery-worker.ts';
import { verifyHallwayDelivery } from '../channels/signatures/hallway-delivery-signature.ts';
import { createRequest } from '../requests/requests.service.ts';
import { httpDeliveryQueue } from './http-delivery.queue.ts';

// Outgoing webhooks through the API: who may manage them, what a request's changes queue (and what
// they never queue), the secret shown once and its rotation, the delivery log, ping and redelivery.

let t: TestApp;
let cast: Cast;
let receiver: HttpReceiver;
const queue = httpDeliveryQueue({ random: () => 0.5 });

beforeAll(async () => {
  [t, receiver] = await Promise.all([createTestApp(), startHttpReceiver()]);
  cast = await buildCast(t.database);
}, 120_000);
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

const admin = () => cast.headers.admin;

async function subscribe(body: Record<string, unknown>) {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/admin/webhooks', headers: admin(), payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; secret: string };
}

async function fileRequest(subject: string, extra: Record<string, unknown> = {}) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: cast.headers.employee,
    payload: { team: cast.team.slug, subject, description: 'Details', ...extra },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { key: string; id: string; version: number };
}

async function queuedFor(subscriptionId: string) {
  return t.database.rows<{ event_type: string; body: string; status: string }>(
    sql`select event_type, body, status from http_deliveries where subscription_id = ${subscriptionId} order by created_at, event_id nulls first`,
  );
}

describe('what a request change queues', () => {
  let everything: { id: string; secret: string };
  let otherTeamOnly: { id: string };
  beforeAll(async () => {
    everything = await subscribe({ name: 'All events', url: `${receiver.url}/all`, eventTypes: ['created', 'updated', 'commented', 'resolved'], team: cast.team.slug });
    otherTeamOnly = await subscribe({ name: 'Other team', url: `${receiver.url}/other`, eventTypes: ['created', 'commented'], team: cast.otherTeam.slug });
  });
  beforeEach(async () => {
    await t.database.db.execute(sql`delete from http_deliveries`);
  });

  it('queues created, updated, a public comment (not an internal note) and resolved, for its team only', async () => {
    const filed = await fileRequest('Printer on fire');
    const agent = cast.headers.agent;
    const change = await t.app.inject({ method: 'PATCH', url: `/api/v1/requests/${filed.key}`, headers: agent, payload: { status: 'in_progress', priority: 'high', version: filed.version } });
    expect(change.statusCode, change.body).toBe(200);
    let version = 0;
    for (const visibility of ['internal', 'public'] as const) {
      const comment = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${filed.key}/comments`, headers: agent, payload: { body: `a ${visibility} word`, visibility } });
      expect(comment.statusCode, comment.body).toBe(201);
      version = comment.json().request.version;
    }
    const resolve = await t.app.inject({ method: 'PATCH', url: `/api/v1/requests/${filed.key}`, headers: agent, payload: { status: 'resolved', version } });
    expect(resolve.statusCode, resolve.body).toBe(200);

    const deliveries = await queuedFor(everything.id);
    expect(deliveries.map((d) => d.event_type)).toEqual(['request.created', 'request.updated', 'request.commented', 'request.resolved']);
    const [created, updated, commented] = deliveries.map((d) => JSON.parse(d.body));
    expect(created.request).toMatchObject({ key: filed.key, subject: 'Printer on fire', status: 'new', team: { slug: cast.team.slug }, requester: { name: 'Emma Employee' } });
    expect(updated.changes).toEqual([
      { field: 'status', from: 'new', to: 'in_progress' },
      { field: 'priority', from: 'normal', to: 'high' },
    ]);
    expect(commented.comment).toEqual({ body: 'a public word', author: { name: 'Alan Agent' } });
    expect(deliveries.map((d) => d.body).join('\n')).not.toContain('a internal word');
    expect(await queuedFor(otherTeamOnly.id)).toEqual([]);
  });

  it('never queues anything about a confidential request', async () => {
    const filed = await fileRequest('My salary', { confidential: true });
    await t.app.inject({ method: 'POST', url: `/api/v1/requests/${filed.key}/comments`, headers: cast.headers.agent, payload: { body: 'noted', visibility: 'public' } });
    const [{ count }] = (await t.database.rows<{ count: number }>(sql`select count(*)::int as count from http_deliveries`)) as [{ count: number }];
    expect(count).toBe(0);
  });

  it('queues nothing when the change rolls back', async () => {
    const actor = { personId: cast.people.employee.id, name: 'Emma Employee', isAdmin: false, memberships: [] };
    await expect(
      t.database.db.transaction(async (tx) => {
        await createRequest(tx, actor, { team: cast.team.slug, subject: 'Never filed' });
        throw new Error('the caller changed its mind');
      }),
    ).rejects.toThrow('the caller changed its mind');
    expect(await queuedFor(everything.id)).toEqual([]);
  });

  it('queues nothing for a disabled webhook, or an event type it did not ask for', async () => {
    const narrow = await subscribe({ name: 'Resolved only', url: `${receiver.url}/narrow`, eventTypes: ['resolved'] });
    const disabled = await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/webhooks/${everything.id}`, headers: admin(), payload: { enabled: false } });
    expect(disabled.json()).toMatchObject({ enabled: false });
    await fileRequest('Quiet one');
    expect(await queuedFor(everything.id)).toEqual([]);
    expect(await queuedFor(narrow.id)).toEqual([]);
    await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/webhooks/${everything.id}`, headers: admin(), payload: { enabled: true } });
    await t.app.inject({ method: 'DELETE', url: `/api/v1/admin/webhooks/${narrow.id}`, headers: admin() });
  });
});

describe('the secret, the delivery log, ping and redelivery', () => {
  it('shows the secret once, signs with it, and with both secrets for a day after a rotation', async () => {
    const hook = await subscribe({ name: 'Signed', url: `${receiver.url}/signed`, eventTypes: ['created'] });
    expect(hook.secret).toMatch(/^whsec_/);
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/admin/webhooks/${hook.id}`, headers: admin() });
    expect(read.body).not.toContain(hook.secret);
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/admin/webhooks', headers: admin() });
    expect(listed.body).not.toContain(hook.secret);

    const rotated = await t.app.inject({ method: 'POST', url: `/api/v1/admin/webhooks/${hook.id}/rotate-secret`, headers: admin() });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const { secret: newSecret, previousSecretValidUntil } = rotated.json();
    expect(newSecret).not.toBe(hook.secret);
    expect(new Date(previousSecretValidUntil).getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);

    await fileRequest('Signed event');
    await drainDeliveries(t.database, queue);
    const [call] = await receiver.waitFor(1, '/signed');
    for (const secrets of [[hook.secret], [newSecret]]) {
      expect(verifyHallwayDelivery({ signature: call!.headers['hallway-signature'], rawBody: call!.body }, { secrets })).toEqual({ ok: true });
    }
    expect(verifyHallwayDelivery({ signature: call!.headers['hallway-signature'], rawBody: call!.body }, { secrets: ['whsec_wrong'] })).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('pings, logs each attempt newest first, and redelivers as a new delivery', async () => {
    const hook = await subscribe({ name: 'Logged', url: `${receiver.url}/logged`, eventTypes: ['created'] });
    receiver.answer('/logged', { status: 503, body: 'maintenance' });
    const ping = await t.app.inject({ method: 'POST', url: `/api/v1/admin/webhooks/${hook.id}/ping`, headers: admin() });
    expect(ping.statusCode, ping.body).toBe(202);
    await drainDeliveries(t.database, queue);
    const [pinged] = await receiver.waitFor(1, '/logged');
    expect(JSON.parse(pinged!.body)).toMatchObject({ type: 'ping', webhookId: hook.id });

    receiver.answer('/logged', { status: 200, body: 'thanks' });
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/admin/deliveries/${ping.json().deliveryId}/redeliver`, headers: admin() });
    expect(again.statusCode, again.body).toBe(202);
    await drainDeliveries(t.database, queue);
    const log = await t.app.inject({ method: 'GET', url: `/api/v1/admin/webhooks/${hook.id}/deliveries`, headers: admin() });
    expect(log.statusCode, log.body).toBe(200);
    const items = log.json().items;
    expect(items.map((d: { id: string }) => d.id)).toEqual([again.json().deliveryId, ping.json().deliveryId]);
    expect(items[0]).toMatchObject({ status: 'delivered', attempts: 1, attemptLog: [{ attempt: 1, statusCode: 200, responseExcerpt: 'thanks' }] });
    expect(items[1]).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 503, attemptLog: [{ attempt: 1, statusCode: 503, error: 'HTTP 503' }] });
    expect(items[1].attemptLog[0].durationMs).toBeGreaterThanOrEqual(0);
  });
});

describe('access', () => {
  let hookId = '';
  let deliveryId = '';
  beforeAll(async () => {
    hookId = (await subscribe({ name: 'Matrix', url: 'https://hooks.example.com/x', eventTypes: ['created'] })).id;
    const ping = await t.app.inject({ method: 'POST', url: `/api/v1/admin/webhooks/${hookId}/ping`, headers: admin() });
    deliveryId = ping.json().deliveryId;
  });
  const body = { name: 'New', url: 'https://hooks.example.com/new', eventTypes: ['created'] };
  describeAccessMatrix(
    [
      { endpoint: 'GET /admin/webhooks', request: () => ({ method: 'GET', url: '/api/v1/admin/webhooks' }), expected: adminOnly(200) },
      { endpoint: 'POST /admin/webhooks', request: () => ({ method: 'POST', url: '/api/v1/admin/webhooks', payload: body }), expected: adminOnly(201) },
      { endpoint: 'GET /admin/webhooks/{id}', request: () => ({ method: 'GET', url: `/api/v1/admin/webhooks/${hookId}` }), expected: adminOnly(200) },
      { endpoint: 'PATCH /admin/webhooks/{id}', request: () => ({ method: 'PATCH', url: `/api/v1/admin/webhooks/${hookId}`, payload: { name: 'Renamed' } }), expected: adminOnly(200) },
      { endpoint: 'POST …/rotate-secret', request: () => ({ method: 'POST', url: `/api/v1/admin/webhooks/${hookId}/rotate-secret` }), expected: adminOnly(200) },
      { endpoint: 'POST …/ping', request: () => ({ method: 'POST', url: `/api/v1/admin/webhooks/${hookId}/ping` }), expected: adminOnly(202) },
      { endpoint: 'GET …/deliveries', request: () => ({ method: 'GET', url: `/api/v1/admin/webhooks/${hookId}/deliveries` }), expected: adminOnly(200) },
      { endpoint: 'POST /admin/deliveries/{id}/redeliver', request: () => ({ method: 'POST', url: `/api/v1/admin/deliveries/${deliveryId}/redeliver` }), expected: adminOnly(202) },
    ],
    () => ({ t, cast }),
  );
});

describe('bad input', () => {
  const url = '/api/v1/admin/webhooks';
  const good = { name: 'Hook', url: 'https://hooks.example.com/h', eventTypes: ['created'] };
  itRefusesBadInput(
    [
      { name: 'http to a public host', request: { method: 'POST', url, payload: { ...good, url: 'http://hooks.example.com/h' } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.url' },
      { name: 'not http at all', request: { method: 'POST', url, payload: { ...good, url: 'file:///etc/passwd' } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.url' },
      { name: 'a password in the URL', request: { method: 'POST', url, payload: { ...good, url: 'https://u:p@hooks.example.com/' } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.url' },
      { name: 'no event types', request: { method: 'POST', url, payload: { ...good, eventTypes: [] } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.eventTypes' },
      { name: 'an unknown event type', request: { method: 'POST', url, payload: { ...good, eventTypes: ['deleted'] } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.eventTypes.0' },
      { name: 'a field Hallway sets (secret)', request: { method: 'POST', url, payload: { ...good, secret: 'mine' } }, status: 400, code: 'VALIDATION_FAILED' },
      { name: 'an unknown team', request: { method: 'POST', url, payload: { ...good, team: 'no-such-team' } }, status: 404, code: 'TEAM_NOT_FOUND' },
      { name: 'malformed JSON', request: rawJson('POST', url, '{"name": '), status: 400, code: 'MALFORMED_JSON' },
      { name: 'an empty change', request: { method: 'PATCH', url: `${url}/00000000-0000-4000-8000-000000000000`, payload: {} }, status: 400, code: 'VALIDATION_FAILED' },
      { name: 'an id that is not one', request: { method: 'GET', url: `${url}/1%27%20or%201=1` }, status: 400, code: 'VALIDATION_FAILED', field: 'params.id' },
      { name: 'an unknown webhook', request: { method: 'DELETE', url: `${url}/00000000-0000-4000-8000-000000000000` }, status: 404, code: 'WEBHOOK_NOT_FOUND' },
      { name: 'an unknown delivery', request: { method: 'POST', url: '/api/v1/admin/deliveries/00000000-0000-4000-8000-000000000000/redeliver' }, status: 404, code: 'DELIVERY_NOT_FOUND' },
    ],
    () => ({ t, headers: admin() }),
  );
});
