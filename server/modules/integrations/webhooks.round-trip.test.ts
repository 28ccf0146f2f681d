import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildPerson } from '../../../test/support/factories.ts';
import { startHttpReceiver, type HttpReceiver } from '../../../test/support/http-receiver.ts';
import { buildCast, type Cast } from '../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { drainDeliveries } from '../../platform/jobs/delivery-worker.ts';
import { signHallwayDelivery, verifyHallwayDelivery } from '../channels/signatures/hallway-delivery-signature.ts';
import { httpDeliveryQueue } from './http-delivery.queue.ts';

// The whole loop a monitoring tool sees: it files a request through its inbound webhook, an agent
// answers in public, and the answer reaches the tool's outgoing webhook, signed so it can check it.

let t: TestApp;
let cast: Cast;
let receiver: HttpReceiver;

beforeAll(async () => {
  [t, receiver] = await Promise.all([createTestApp(), startHttpReceiver()]);
  cast = await buildCast(t.database);
}, 120_000);
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

it('inbound webhook -> request -> public reply -> signed outgoing delivery the receiver verifies', async () => {
  const admin = cast.headers.admin;
  const monitoring = await buildPerson(t.database, { name: 'Monitoring' });
  const inbound = (
    await t.app.inject({ method: 'POST', url: '/api/v1/admin/inbound-webhooks', headers: admin, payload: { name: 'Uptime', team: cast.team.slug, requester: monitoring.id } })
  ).json();
  const outgoing = (
    await t.app.inject({ method: 'POST', url: '/api/v1/admin/webhooks', headers: admin, payload: { name: 'Uptime replies', url: `${receiver.url}/uptime`, eventTypes: ['commented'], team: cast.team.slug } })
  ).json();

  const body = JSON.stringify({ externalId: 'check-42', title: 'api.example.com is down' });
  const filed = await t.app.inject({
    method: 'POST',
    url: `/api/v1/hooks/${inbound.id}`,
    headers: { 'content-type': 'application/json', 'hallway-signature': signHallwayDelivery([inbound.secret], Math.floor(Date.now() / 1000), body) },
    payload: body,
  });
  expect(filed.statusCode, filed.body).toBe(201);
  const { key } = filed.json();

  const reply = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${key}/comments`, headers: cast.headers.agent, payload: { body: 'Restarted the load balancer.', visibility: 'public' } });
  expect(reply.statusCode, reply.body).toBe(201);
  await drainDeliveries(t.database, httpDeliveryQueue());

  const [delivered] = await receiver.waitFor(1, '/uptime');
  const check = verifyHallwayDelivery({ signature: delivered!.headers['hallway-signature'], rawBody: delivered!.body }, { secrets: [outgoing.secret] });
  expect(check).toEqual({ ok: true });
  const event = JSON.parse(delivered!.body);
  expect(event).toMatchObject({
    type: 'request.commented',
    webhookId: outgoing.id,
    request: { key, subject: 'api.example.com is down', channel: 'webhook', requester: { name: 'Monitoring' } },
    comment: { body: 'Restarted the load balancer.', author: { name: 'Alan Agent' } },
  });
  expect(delivered!.headers['hallway-delivery']).toMatch(/^[0-9a-f-]{36}$/);

  const log = await t.app.inject({ method: 'GET', url: `/api/v1/admin/webhooks/${outgoing.id}/deliveries`, headers: admin });
  expect(log.json().items).toMatchObject([{ id: delivered!.headers['hallway-delivery'], status: 'delivered', attempts: 1, attemptLog: [{ statusCode: 200 }] }]);
});
