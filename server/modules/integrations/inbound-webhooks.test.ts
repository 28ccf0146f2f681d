import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminOnly, describeAccessMatrix } from '../../../test/support/access-matrix.ts';
import { publishService } from '../../../test/support/catalog-factories.ts';
import { buildPerson } from '../../../test/support/factories.ts';
import { buildCast, type Cast } from '../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { signHallwayDelivery } from '../channels/signatures/hallway-delivery-signature.ts';

// POST /api/v1/hooks/{id}: only a call signed with the hook's live secret, recent and not seen
// before, files a request; a repeat of an external id finds its request; bad bodies change nothing.

let t: TestApp;
let cast: Cast;
let monitoring: { id: string };
let hook: { id: string; secret: string; url: string };

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
  monitoring = await buildPerson(t.database, { name: 'Monitoring' });
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/admin/inbound-webhooks',
    headers: cast.headers.admin,
    payload: { name: 'Alerts', team: cast.team.slug, requester: monitoring.id },
  });
  expect(created.statusCode, created.body).toBe(201);
  hook = created.json();
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const nowSeconds = () => Math.floor(Date.now() / 1000);

function call(body: unknown, options: { secret?: string; at?: number; id?: string; contentType?: string; signature?: string } = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const signature = options.signature ?? signHallwayDelivery([options.secret ?? hook.secret], options.at ?? nowSeconds(), raw);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/hooks/${options.id ?? hook.id}`,
    headers: { 'content-type': options.contentType ?? 'application/json', 'hallway-signature': signature },
    payload: raw,
  });
}

async function counts() {
  const [row] = await t.database.rows<{ requests: number; receipts: number; events: number }>(sql`
    select (select count(*)::int from requests) as requests, (select count(*)::int from inbound_webhook_receipts) as receipts,
           (select count(*)::int from request_events) as events`);
  return row!;
}

describe('signatures', () => {
  it('files a request for the hook team as its requester, channel webhook', async () => {
    const response = await call({ externalId: 'disk-1', title: 'Disk almost full on db-1', description: 'At 93 %', priority: 'high', fields: { host: 'db-1' } });
    expect(response.statusCode, response.body).toBe(201);
    const { key, created } = response.json();
    expect(created).toBe(true);
    const [request] = await t.database.rows<{ team_id: string; requester_id: string; channel: string; priority: string; subject: string; description: string }>(
      sql`select team_id, requester_id, channel, priority, subject, description from requests where key = ${key}`,
    );
    expect(request).toMatchObject({ team_id: cast.team.id, requester_id: monitoring.id, channel: 'webhook', priority: 'high', subject: 'Disk almost full on db-1' });
    expect(request!.description).toContain('host: db-1');
  });

  it.each([
    ['the wrong secret', { secret: 'whsec_not-the-one' }],
    ['an expired timestamp', { at: nowSeconds() - 3600 }],
    ['a timestamp from the future', { at: nowSeconds() + 3600 }],
    ['no signature', { signature: '' }],
    ['a malformed signature', { signature: 'v1=zz' }],
    ['an unknown hook', { id: '00000000-0000-4000-8000-000000000000' }],
  ])('refuses %s with 401 and writes nothing', async (_name, options) => {
    const before = await counts();
    const response = await call({ title: 'Should not exist' }, options);
    expect(response.statusCode, response.body).toBe(401);
    expect(response.json().code).toBe('WEBHOOK_SIGNATURE_INVALID');
    expect(await counts()).toEqual(before);
  });

  it('refuses the same signed call sent twice (a replay)', async () => {
    const raw = JSON.stringify({ title: 'Once only' });
    const signature = signHallwayDelivery([hook.secret], nowSeconds(), raw);
    expect((await call(raw, { signature })).statusCode).toBe(201);
    const before = await counts();
    const replayed = await call(raw, { signature });
    expect(replayed.statusCode).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('accepts the previous secret for a day after a rotation, and the new one at once', async () => {
    const rotated = await t.app.inject({ method: 'POST', url: `/api/v1/admin/inbound-webhooks/${hook.id}/rotate-secret`, headers: cast.headers.admin });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const { secret: newSecret } = rotated.json();
    expect((await call({ title: 'Old secret' }, { secret: hook.secret })).statusCode).toBe(201);
    expect((await call({ title: 'New secret' }, { secret: newSecret })).statusCode).toBe(201);
    hook = { ...hook, secret: newSecret };
  });
});

describe('repeats and shapes', () => {
  it('answers a repeated externalId with the first request, and comments once it reports resolved', async () => {
    const first = await call({ externalId: 'cpu-7', title: 'CPU hot' });
    const repeat = await call({ externalId: 'cpu-7', title: 'CPU hot (again)' });
    expect(repeat.statusCode, repeat.body).toBe(200);
    expect(repeat.json()).toEqual({ key: first.json().key, created: false, commented: false });
    const resolved = await call({ externalId: 'cpu-7', title: 'CPU fine', status: 'resolved' });
    expect(resolved.json()).toEqual({ key: first.json().key, created: false, commented: true });
    const comments = await t.database.rows<{ body: string }>(sql`
      select e.data->>'body' as body from request_events e join requests r on r.id = e.request_id
      where r.key = ${first.json().key} and e.kind = 'commented'`);
    expect(comments).toEqual([{ body: 'Alerts reports this resolved.' }]);
  });

  it('recognises an Alertmanager notification, keyed by its group', async () => {
    const alert = {
      version: '4',
      groupKey: '{}:{alertname="HighLatency"}',
      status: 'firing',
      commonLabels: { alertname: 'HighLatency', severity: 'critical' },
      commonAnnotations: { summary: 'p99 above 2 s' },
      alerts: [{ labels: { instance: 'web-1' }, annotations: { description: 'web-1 is slow' } }],
    };
    const response = await call(alert);
    expect(response.statusCode, response.body).toBe(201);
    const [request] = await t.database.rows<{ subject: string; priority: string }>(sql`select subject, priority from requests where key = ${response.json().key}`);
    expect(request).toEqual({ subject: 'HighLatency: p99 above 2 s', priority: 'urgent' });
    expect((await call({ ...alert, status: 'resolved' })).json()).toMatchObject({ key: response.json().key, created: false, commented: true });
  });
});

describe('bad input (signed correctly)', () => {
  it.each([
    ['no title', { description: 'nothing else' }, 'body.title'],
    ['title and subject', { title: 'a', subject: 'b' }, 'body.subject'],
    ['an unknown priority', { title: 'a', priority: 'panic' }, 'body.priority'],
    ['an unknown field', { title: 'a', owner: 'me' }, 'body'],
    ['a NUL in the title', { title: 'a\u0000b' }, 'body.title'],
    ['a title too long', { title: 'x'.repeat(301) }, 'body.title'],
  ])('refuses %s with 400 naming the field', async (_name, body, field) => {
    const before = await counts();
    const response = await call(body);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('refuses malformed JSON, another content type and an oversized body', async () => {
    const before = await counts();
    expect((await call('{"title": ')).json().code).toBe('MALFORMED_JSON');
    expect((await call('title=a', { contentType: 'application/x-www-form-urlencoded' })).statusCode).toBe(415);
    expect((await call(JSON.stringify({ title: 'a', description: 'x'.repeat(300 * 1024) }))).statusCode).toBe(413);
    expect(await counts()).toEqual(before);
  });
});

describe('admin access', () => {
  describeAccessMatrix(
    [
      { endpoint: 'GET /admin/inbound-webhooks', request: () => ({ method: 'GET', url: '/api/v1/admin/inbound-webhooks' }), expected: adminOnly(200) },
      {
        endpoint: 'POST /admin/inbound-webhooks',
        request: (c) => ({ method: 'POST', url: '/api/v1/admin/inbound-webhooks', payload: { name: 'x', team: c.team.slug, requester: c.people.employee.id } }),
        expected: adminOnly(201),
      },
      { endpoint: 'POST …/rotate-secret', request: () => ({ method: 'POST', url: `/api/v1/admin/inbound-webhooks/${hook.id}/rotate-secret` }), expected: adminOnly(200) },
    ],
    () => ({ t, cast }),
  );

  it('never shows a secret in the list, and refuses a service of another team', async () => {
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/admin/inbound-webhooks', headers: cast.headers.admin });
    expect(listed.body).not.toMatch(/whsec_/);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/inbound-webhooks',
      headers: cast.headers.admin,
      payload: { name: 'x', team: cast.team.slug, requester: monitoring.id, serviceId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('body.serviceId');
  });
});

describe('through a service, at the same time, and deleted', () => {
  it('files through the hook service with fields as the form answers, and refuses answers the form refuses', async () => {
    const service = await publishService(t.app, cast.headers.admin, cast.team.slug, {
      form: { fields: [{ name: 'host', type: 'short_text', label: 'Host', required: true, maxLength: 40 }] },
    });
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/inbound-webhooks',
      headers: cast.headers.admin,
      payload: { name: 'Through a service', team: cast.team.slug, requester: monitoring.id, serviceId: service.id },
    });
    expect(made.statusCode, made.body).toBe(201);
    const serviced = made.json();
    const filed = await call({ title: 'Host down', fields: { host: 'web-3' } }, { id: serviced.id, secret: serviced.secret });
    expect(filed.statusCode, filed.body).toBe(201);
    const [request] = await t.database.rows<{ service_id: string; channel: string; answers: { values: Record<string, unknown> } | null }>(
      sql`select service_id, channel, answers from requests where key = ${filed.json().key}`,
    );
    expect(request).toMatchObject({ service_id: service.id, channel: 'webhook' });
    expect(JSON.stringify(request!.answers)).toContain('web-3');
    const before = await counts();
    const refused = await call({ title: 'Host down', fields: {} }, { id: serviced.id, secret: serviced.secret });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().errors.map((e: { field: string }) => e.field)).toContain('body.answers.host');
    expect(await counts()).toEqual(before);
  });

  it('makes one request of two copies of one alert arriving together', async () => {
    const raw = (n: number) => JSON.stringify({ externalId: 'twin-alert', title: `Twin ${n}` });
    const [a, b] = await Promise.all([call(raw(1)), call(raw(2))]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().key).toBe(b.json().key);
  });

  it('deletes a hook (admins only): its URL then refuses every call, its requests stay', async () => {
    const made = (
      await t.app.inject({ method: 'POST', url: '/api/v1/admin/inbound-webhooks', headers: cast.headers.admin, payload: { name: 'Short-lived', team: cast.team.slug, requester: monitoring.id } })
    ).json();
    const filed = await call({ title: 'Before deletion' }, { id: made.id, secret: made.secret });
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/admin/inbound-webhooks/${made.id}`, headers: cast.headers.lead })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/admin/inbound-webhooks/${made.id}`, headers: cast.headers.admin })).statusCode).toBe(204);
    expect((await call({ title: 'After deletion' }, { id: made.id, secret: made.secret })).statusCode).toBe(401);
    expect(await t.database.rows(sql`select 1 from requests where key = ${filed.json().key}`)).toHaveLength(1);
  });
});
