import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everyKindForm, fileThrough, publishService } from '../../../test/support/catalog-factories.ts';
import { fingerprint } from '../../../test/support/database-fingerprint.ts';
import { buildCast, type Cast } from '../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { serviceRequests } from '../requests/requests.tables.ts';
import type { ServiceView } from './catalog.schema.ts';

// Retrying a filing with its Idempotency-Key: the first answer comes back whatever happened to the
// service since (a new form, retired), and no body can make the retry machinery fail.

let t: TestApp;
let cast: Cast;

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
});
afterAll(() => t.close());

const oneField = { fields: [{ name: 'asset', type: 'short_text', label: 'Asset' }] };
const patchService = (service: ServiceView, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'PATCH', url: `/api/v1/services/${service.id}`, headers: { ...cast.headers.lead, 'if-match': `"${service.version}"` }, payload });
const requestsOf = async (service: ServiceView) =>
  (await t.database.db.select({ n: count() }).from(serviceRequests).where(eq(serviceRequests.serviceId, service.id)))[0]!.n;

describe('a retry with the same Idempotency-Key', () => {
  it('gets the first answer after the form changed, not a 400 that invites a twin', async () => {
    const service = await publishService(t.app, cast.headers.lead, cast.team.slug, { form: oneField });
    const body = { answers: { asset: 'AB-1234' } };
    const first = await fileThrough(t.app, cast.headers.employee, service.slug, body, { 'idempotency-key': 'form-moved-on' });
    expect(first.statusCode, first.body).toBe(201);
    const changed = await patchService(service, { form: { fields: [{ name: 'serial', type: 'short_text', label: 'Serial', required: true }] } });
    expect(changed.statusCode, changed.body).toBe(200);

    const retry = await fileThrough(t.app, cast.headers.employee, service.slug, body, { 'idempotency-key': 'form-moved-on' });
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().key).toBe(first.json().key);
    expect(await requestsOf(service)).toBe(1);
  });

  it('gets the first answer after the service was retired', async () => {
    const service = await publishService(t.app, cast.headers.lead, cast.team.slug, { form: oneField });
    const first = await fileThrough(t.app, cast.headers.employee, service.id, { answers: {} }, { 'idempotency-key': 'retired-since' });
    expect(first.statusCode, first.body).toBe(201);
    expect((await patchService(service, { active: false })).statusCode).toBe(200);

    const retry = await fileThrough(t.app, cast.headers.employee, service.id, { answers: {} }, { 'idempotency-key': 'retired-since' });
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.json().key).toBe(first.json().key);
    // A new filing is refused, as before (a retired service is not the employee's to see).
    const fresh = await fileThrough(t.app, cast.headers.employee, service.id, { answers: {} }, { 'idempotency-key': 'retired-new' });
    expect(fresh.statusCode).toBe(404);
    expect(await requestsOf(service)).toBe(1);
  });

  it('gets the first answer after the service was renamed and repriced (defaults it filled in have changed)', async () => {
    const service = await publishService(t.app, cast.headers.lead, cast.team.slug, { form: oneField });
    const body = { answers: { asset: 'AB-1' } };
    const first = await fileThrough(t.app, cast.headers.employee, service.slug, body, { 'idempotency-key': 'renamed-since' });
    expect(first.statusCode, first.body).toBe(201);
    expect((await patchService(service, { name: 'A better name', defaultPriority: 'high' })).statusCode).toBe(200);

    const retry = await fileThrough(t.app, cast.headers.employee, service.slug, body, { 'idempotency-key': 'renamed-since' });
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toMatchObject({ key: first.json().key, subject: first.json().subject });
    expect(await requestsOf(service)).toBe(1);
  });

  it('is still refused with other answers, or by someone else, or for another service', async () => {
    const service = await publishService(t.app, cast.headers.lead, cast.team.slug, { form: oneField });
    const twin = await publishService(t.app, cast.headers.lead, cast.team.slug, { name: service.name, form: oneField });
    const first = await fileThrough(t.app, cast.headers.employee, service.slug, { answers: { asset: 'one' } }, { 'idempotency-key': 'mine' });
    expect(first.statusCode).toBe(201);
    const other = await fileThrough(t.app, cast.headers.employee, service.slug, { answers: { asset: 'two' } }, { 'idempotency-key': 'mine' });
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    const elsewhere = await fileThrough(t.app, cast.headers.employee, twin.slug, { answers: { asset: 'one' } }, { 'idempotency-key': 'mine' });
    expect(elsewhere.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    const someoneElse = await fileThrough(t.app, cast.headers.otherEmployee, service.slug, { answers: { asset: 'one' } }, { 'idempotency-key': 'mine' });
    expect(someoneElse.statusCode).toBe(201);
    expect(someoneElse.json().key).not.toBe(first.json().key);
  });
});

describe('hostile answers', () => {
  it('refuses an answer nested 50,000 deep (even to a hidden field) with a 400 naming it, and writes nothing', async () => {
    const service = await publishService(t.app, cast.headers.lead, cast.team.slug, { form: everyKindForm });
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    const before = await fingerprint(t.database);
    for (const key of [undefined, 'deep']) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/services/${service.slug}/requests`,
        headers: { ...cast.headers.employee, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
        payload: `{"answers":{"summary":"x","kind":"laptop","other_kind":${deep}}}`,
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().errors).toContainEqual({ field: 'body.answers.other_kind', reason: 'is nested too deeply to be an answer' });
    }
    expect(await fingerprint(t.database)).toEqual(before);
  });

  it('still takes a list of choices', async () => {
    const service = await publishService(t.app, cast.headers.lead, cast.team.slug, { form: everyKindForm });
    const response = await fileThrough(t.app, cast.headers.employee, service.slug, { answers: { summary: 'x', kind: 'phone', extras: ['bag'] } }, { 'idempotency-key': 'flat' });
    expect(response.statusCode, response.body).toBe(201);
  });
});
