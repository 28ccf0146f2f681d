import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawJson, itRefusesBadInput } from '../../../test/support/bad-input.ts';
import { buildCallingPerson, type CallingPerson } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

// Each person's choice of mails: every kind with its default, saved per kind, only ever their own.

let t: TestApp;
let person: CallingPerson;
let other: CallingPerson;

beforeAll(async () => {
  t = await createTestApp();
  person = await buildCallingPerson(t.database, { name: 'Pia Person' });
  other = await buildCallingPerson(t.database, { name: 'Otto Other' });
}, 120_000);
afterAll(() => t.close());

const get = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/v1/me/notifications', headers });
const put = (headers: Record<string, string>, items: unknown) => t.app.inject({ method: 'PUT', url: '/api/v1/me/notifications', headers, payload: { items } });
const enabledOf = (body: { items: Array<{ kind: string; enabled: boolean }> }) => Object.fromEntries(body.items.map((item) => [item.kind, item.enabled]));

describe('GET /me/notifications', () => {
  it('lists every kind on by default, approvals always on', async () => {
    const response = await get(person.headers);
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([
      { kind: 'acknowledgement', audience: 'requester', defaultEnabled: true, enabled: true, alwaysOn: false },
      { kind: 'reply', audience: 'requester', defaultEnabled: true, enabled: true, alwaysOn: false },
      { kind: 'status', audience: 'requester', defaultEnabled: true, enabled: true, alwaysOn: false },
      { kind: 'approval', audience: 'approver', defaultEnabled: true, enabled: true, alwaysOn: true },
      { kind: 'sla-warning', audience: 'agent', defaultEnabled: true, enabled: true, alwaysOn: false },
    ]);
  });

  it('is refused without a sign-in', async () => {
    expect((await get({})).statusCode).toBe(401);
    expect((await put({}, [{ kind: 'reply', enabled: false }])).statusCode).toBe(401);
  });
});

describe('PUT /me/notifications', () => {
  it("saves the kinds named, keeps the others, and changes nobody else's", async () => {
    const first = await put(person.headers, [{ kind: 'status', enabled: false }, { kind: 'sla-warning', enabled: false }]);
    expect(first.statusCode, first.body).toBe(200);
    expect(enabledOf(first.json())).toMatchObject({ status: false, 'sla-warning': false, reply: true });
    const second = await put(person.headers, [{ kind: 'status', enabled: true }]);
    expect(enabledOf(second.json())).toMatchObject({ status: true, 'sla-warning': false });
    expect(enabledOf((await get(person.headers)).json())).toMatchObject({ status: true, 'sla-warning': false });
    expect(enabledOf((await get(other.headers)).json())).toMatchObject({ status: true, 'sla-warning': true });
  });

  itRefusesBadInput(
    [
      { name: 'an unknown kind', request: { method: 'PUT', url: '/api/v1/me/notifications', payload: { items: [{ kind: 'newsletter', enabled: false }] } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.items.0.kind' },
      { name: 'approvals turned off', request: { method: 'PUT', url: '/api/v1/me/notifications', payload: { items: [{ kind: 'reply', enabled: false }, { kind: 'approval', enabled: false }] } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.items.1.enabled' },
      { name: 'a kind named twice', request: { method: 'PUT', url: '/api/v1/me/notifications', payload: { items: [{ kind: 'reply', enabled: false }, { kind: 'reply', enabled: true }] } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.items.1.kind' },
      { name: 'enabled as a string', request: { method: 'PUT', url: '/api/v1/me/notifications', payload: { items: [{ kind: 'reply', enabled: 'no' }] } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.items.0.enabled' },
      { name: 'no items', request: { method: 'PUT', url: '/api/v1/me/notifications', payload: { items: [] } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.items' },
      { name: 'another person named in the body', request: { method: 'PUT', url: '/api/v1/me/notifications', payload: { personId: '00000000-0000-4000-8000-000000000000', items: [{ kind: 'reply', enabled: false }] } }, status: 400, code: 'VALIDATION_FAILED' },
      { name: 'malformed JSON', request: rawJson('PUT', '/api/v1/me/notifications', '{"items": [{"kind": "reply",'), status: 400, code: 'MALFORMED_JSON' },
    ],
    () => ({ t, headers: person.headers }),
  );
});
