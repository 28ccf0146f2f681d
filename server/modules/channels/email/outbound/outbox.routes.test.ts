import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminOnly, describeAccessMatrix } from '../../../../../test/support/access-matrix.ts';
import { itRefusesBadInput } from '../../../../../test/support/bad-input.ts';
import { buildCast, type Cast } from '../../../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../../../test/support/test-app.ts';
import { rowsOf } from '../../../../platform/db/database.ts';
import { upsertMailSettings } from '../inbound.store.ts';
import { queueMail, type MailToQueue } from './outbox.ts';

// The admins' outbox: only admins read it or send a mail again; filters, pages and bad input.

let t: TestApp;
let cast: Cast;
let requestKey: string;
const teamAddress = 'outbox-admin@hallway.test';
const ids: Record<'reply' | 'suppressed' | 'onRequest', string> = { reply: '', suppressed: '', onRequest: '' };
const unknownId = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
  await upsertMailSettings(t.database.db, { teamId: cast.team.id, inboundAddress: teamAddress });
  const filed = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: cast.headers.employee, payload: { team: cast.team.slug, subject: 'Outbox subject' } });
  requestKey = filed.json().key;
  const [request] = rowsOf<{ id: string }>(await t.database.db.execute(sql`select id from requests where key = ${requestKey}`));
  const queue = (mail: Partial<MailToQueue>) =>
    t.database.db.transaction((tx) => queueMail(tx, { kind: 'reply', from: teamAddress, to: 'reader@corp.test', subject: 'Hi', text: 'Body text', teamId: cast.team.id, ...mail }));
  ids.reply = (await queue({ subject: 'A reply', html: '<p>Body</p>' }))!.id;
  ids.suppressed = (await queue({ kind: 'rejection', to: teamAddress, subject: 'To ourselves' }))!.id;
  ids.onRequest = (await queue({ kind: 'status', to: 'emma@corp.test', requestId: request!.id, inReplyTo: 'first@corp.test', references: ['first@corp.test'] }))!.id;
  for (let index = 0; index < 4; index += 1) await queue({ kind: 'sla-warning', to: `agent-${index}@corp.test` });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const list = (query: string) => t.app.inject({ method: 'GET', url: `/api/v1/admin/outbox${query}`, headers: cast.headers.admin });

describe('the outbox for admins', () => {
  it('lists mail newest first, says whether a relay is configured, and pages by cursor without repeats', async () => {
    const first = await list('?limit=3');
    expect(first.statusCode, first.body).toBe(200);
    const page = first.json<{ items: Array<{ id: string; createdAt: string }>; nextCursor: string; relayConfigured: boolean }>();
    expect(page.items).toHaveLength(3);
    expect(typeof page.relayConfigured).toBe('boolean');
    const seen = [...page.items.map((item) => item.id)];
    let cursor: string | null = page.nextCursor;
    while (cursor) {
      const next: { items: Array<{ id: string }>; nextCursor: string | null } = (await list(`?limit=3&cursor=${cursor}`)).json<{ items: Array<{ id: string }>; nextCursor: string | null }>();
      seen.push(...next.items.map((item) => item.id));
      cursor = next.nextCursor;
    }
    // Filing the request may have queued its acknowledgement too: every row, once.
    const [{ count }] = rowsOf<{ count: number }>(await t.database.db.execute(sql`select count(*)::int as count from outbound_messages`)) as [{ count: number }];
    expect(count).toBeGreaterThanOrEqual(7);
    expect(seen).toHaveLength(count);
    expect(new Set(seen).size).toBe(count);
    // Newest first: the status mail was queued after the reply.
    expect(seen.indexOf(ids.onRequest)).toBeLessThan(seen.indexOf(ids.reply));
  });

  it('filters by status, kind, recipient and request key', async () => {
    expect((await list('?status=suppressed')).json().items).toEqual([expect.objectContaining({ id: ids.suppressed, statusReason: expect.stringMatching(/own team addresses/) })]);
    expect((await list('?kind=sla-warning')).json().items).toHaveLength(4);
    expect((await list('?to=Emma@corp.test')).json().items.map((item: { id: string }) => item.id)).toEqual([ids.onRequest]);
    expect((await list('?to=nobody@corp.test')).json().items).toEqual([]);
    const aboutRequest = (await list(`?request=${requestKey}`)).json().items as Array<{ id: string; requestKey: string }>;
    expect(aboutRequest).toContainEqual(expect.objectContaining({ id: ids.onRequest, requestKey }));
    expect(aboutRequest.every((item) => item.requestKey === requestKey)).toBe(true);
    expect((await list('?request=NOPE-1')).json().items).toEqual([]);
  });

  it('shows one mail whole: headers, bodies, threading, attempts', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/admin/outbox/${ids.onRequest}`, headers: cast.headers.admin });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: ids.onRequest,
      status: 'queued',
      to: 'emma@corp.test',
      requestKey,
      inReplyTo: 'first@corp.test',
      references: ['first@corp.test'],
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
      text: 'Body text',
      attempts: 0,
      lastError: null,
      nextAttemptAt: expect.any(String),
    });
  });

  it('queues a suppressed mail again when an admin says so, and refuses a queued one with 409', async () => {
    const retried = await t.app.inject({ method: 'POST', url: `/api/v1/admin/outbox/${ids.suppressed}/retry`, headers: cast.headers.admin });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'queued', statusReason: null, attempts: 0 });
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/admin/outbox/${ids.suppressed}/retry`, headers: cast.headers.admin });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'OUTBOUND_MESSAGE_NOT_RETRYABLE' });
  });
});

describe('mail about a confidential request in the outbox', () => {
  it('shows its delivery but not its subject, bodies or request, since admins do not read confidential cases', async () => {
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: cast.headers.employee,
      payload: { team: cast.team.slug, subject: 'Grievance about my manager', confidential: true },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const [request] = rowsOf<{ id: string }>(await t.database.db.execute(sql`select id from requests where key = ${filed.json().key}`));
    const queued = await t.database.db.transaction((tx) =>
      queueMail(tx, { kind: 'reply', from: teamAddress, to: 'emma@corp.test', subject: '[HR] Grievance about my manager', text: 'The words of the case', html: '<p>The words of the case</p>', requestId: request!.id, teamId: cast.team.id }),
    );
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/admin/outbox/${queued!.id}`, headers: cast.headers.admin });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({ to: 'emma@corp.test', status: 'queued', requestKey: null, html: null });
    expect(detail.body).not.toContain('Grievance');
    expect(detail.body).not.toContain('words of the case');
    const listed = await list('?to=emma@corp.test');
    expect(listed.body).not.toContain('Grievance');
    expect(listed.json().items).toContainEqual(expect.objectContaining({ id: queued!.id, requestKey: null }));
  });
});

describeAccessMatrix(
  [
    { endpoint: 'GET /admin/outbox', request: () => ({ method: 'GET', url: '/api/v1/admin/outbox' }), expected: adminOnly(200) },
    { endpoint: 'GET /admin/outbox/{id}', request: () => ({ method: 'GET', url: `/api/v1/admin/outbox/${ids.reply}` }), expected: adminOnly(200) },
    { endpoint: 'GET /admin/outbox/{unknown id}', request: () => ({ method: 'GET', url: `/api/v1/admin/outbox/${unknownId}` }), expected: adminOnly(404) },
    { endpoint: 'POST /admin/outbox/{id}/retry (queued: 409)', request: () => ({ method: 'POST', url: `/api/v1/admin/outbox/${ids.reply}/retry` }), expected: adminOnly(409) },
    { endpoint: 'POST /admin/outbox/{unknown id}/retry', request: () => ({ method: 'POST', url: `/api/v1/admin/outbox/${unknownId}/retry` }), expected: adminOnly(404) },
  ],
  () => ({ t, cast }),
);

describe('bad input to the outbox', () => {
  itRefusesBadInput(
    [
      { name: 'an unknown status', request: { method: 'GET', url: '/api/v1/admin/outbox?status=lost' }, status: 400, code: 'VALIDATION_FAILED', field: 'query.status' },
      { name: 'a kind with SQL in it', request: { method: 'GET', url: "/api/v1/admin/outbox?kind=reply'%20or%201=1--" }, status: 400, code: 'VALIDATION_FAILED', field: 'query.kind' },
      { name: 'a recipient that is no address', request: { method: 'GET', url: '/api/v1/admin/outbox?to=%3Cscript%3E' }, status: 400, code: 'VALIDATION_FAILED', field: 'query.to' },
      { name: 'a request that is no key', request: { method: 'GET', url: '/api/v1/admin/outbox?request=it-1' }, status: 400, code: 'VALIDATION_FAILED', field: 'query.request' },
      { name: 'a tampered cursor', request: { method: 'GET', url: '/api/v1/admin/outbox?cursor=bm90LWpzb24' }, status: 400, code: 'VALIDATION_FAILED', field: 'query.cursor' },
      { name: 'a page too large', request: { method: 'GET', url: '/api/v1/admin/outbox?limit=1000' }, status: 400, code: 'VALIDATION_FAILED', field: 'query.limit' },
      { name: 'an unknown filter', request: { method: 'GET', url: '/api/v1/admin/outbox?subject=x' }, status: 400, code: 'VALIDATION_FAILED' },
      { name: 'an id that is no uuid', request: { method: 'GET', url: '/api/v1/admin/outbox/42' }, status: 400, code: 'VALIDATION_FAILED', field: 'params.id' },
      { name: 'a retry of an id that is no uuid', request: { method: 'POST', url: '/api/v1/admin/outbox/x/retry' }, status: 400, code: 'VALIDATION_FAILED', field: 'params.id' },
    ],
    () => ({ t, headers: cast.headers.admin }),
  );
});
