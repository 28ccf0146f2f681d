import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url, headers, payload });

describe('personal API tokens', () => {
  it('shows a new token once, lists it without its secret, and it works as a bearer token without CSRF', async () => {
    const amy = await buildPerson(t.database);
    const auth = await bearerFor(t.database, amy.id);
    const created = await call('POST', '/api/v1/me/tokens', auth, { name: 'CI pipeline', scopes: ['requests:read', 'account:write'] });
    expect(created.statusCode).toBe(201);
    const issued = created.json();
    expect(issued).toMatchObject({ name: 'CI pipeline', scopes: ['requests:read', 'account:write'], revokedAt: null, lastUsedAt: null });
    expect(issued.token).toMatch(/^hwt_[\w-]{43}$/);
    expect(issued.token.startsWith(issued.displayPrefix)).toBe(true);

    const listed = await call('GET', '/api/v1/me/tokens', auth);
    expect(listed.body).not.toContain(issued.token);
    expect(listed.json().items.find((token: { name: string }) => token.name === 'CI pipeline').scopes).toEqual(['requests:read', 'account:write']);
    for (const token of listed.json().items) expect(Object.keys(token)).not.toContain('token');

    const stored = await t.database.rows<{ token_hash: string }>(sql`select token_hash from api_tokens where id = ${issued.id}`);
    expect(stored[0]!.token_hash).not.toBe(issued.token);

    // A write with the bearer token: no CSRF header needed.
    const write = await call('POST', '/api/v1/me/tokens', { authorization: `Bearer ${issued.token}` }, { name: 'another', scopes: ['requests:read'] });
    expect(write.statusCode).toBe(201);
  });

  it('revokes a token: it then gets 401, and still shows in the list as revoked', async () => {
    const amy = await buildPerson(t.database);
    const auth = await bearerFor(t.database, amy.id);
    const issued = (await call('POST', '/api/v1/me/tokens', auth, { name: 'old laptop', scopes: ['requests:read'] })).json();
    const bearer = { authorization: `Bearer ${issued.token}` };
    expect((await call('GET', '/api/v1/me', bearer)).statusCode).toBe(200);

    expect((await call('DELETE', `/api/v1/me/tokens/${issued.id}`, auth)).statusCode).toBe(204);
    const refused = await call('GET', '/api/v1/me', bearer);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('UNAUTHENTICATED');
    const listed = (await call('GET', '/api/v1/me/tokens', auth)).json().items;
    expect(listed.find((token: { id: string }) => token.id === issued.id).revokedAt).toEqual(expect.any(String));
    // Revoking again changes nothing and is not an error.
    expect((await call('DELETE', `/api/v1/me/tokens/${issued.id}`, auth)).statusCode).toBe(204);
  });

  it("answers 404 for someone else's token and leaves it working", async () => {
    const amy = await buildPerson(t.database);
    const bob = await buildPerson(t.database, { isAdmin: true });
    const amys = (await call('POST', '/api/v1/me/tokens', await bearerFor(t.database, amy.id), { name: 'mine', scopes: ['requests:read'] })).json();
    const attempt = await call('DELETE', `/api/v1/me/tokens/${amys.id}`, await bearerFor(t.database, bob.id));
    expect(attempt.statusCode).toBe(404);
    expect(attempt.json().code).toBe('TOKEN_NOT_FOUND');
    expect((await call('GET', '/api/v1/me', { authorization: `Bearer ${amys.token}` })).statusCode).toBe(200);
  });

  it("lists only the caller's own tokens", async () => {
    const amy = await buildPerson(t.database);
    const bob = await buildPerson(t.database);
    await call('POST', '/api/v1/me/tokens', await bearerFor(t.database, amy.id), { name: 'amy-secret-project', scopes: ['knowledge:read'] });
    const bobs = await call('GET', '/api/v1/me/tokens', await bearerFor(t.database, bob.id));
    expect(bobs.body).not.toContain('amy-secret-project');
  });

  it('refuses a token of a person who was deactivated', async () => {
    const amy = await buildPerson(t.database);
    const auth = await bearerFor(t.database, amy.id);
    await t.database.rows(sql`update people set active = false where id = ${amy.id}`);
    expect((await call('GET', '/api/v1/me', auth)).statusCode).toBe(401);
  });

  it('signing out with a token ends no session and revokes nothing', async () => {
    const amy = await buildPerson(t.database);
    const auth = await bearerFor(t.database, amy.id);
    expect((await call('DELETE', '/api/v1/session', auth)).statusCode).toBe(204);
    expect((await call('GET', '/api/v1/me', auth)).statusCode).toBe(200);
  });

  it('refuses scopes the person could never use, naming them, and makes no token', async () => {
    const amy = await buildPerson(t.database);
    const auth = await bearerFor(t.database, amy.id);
    for (const scope of ['admin', 'people:write', 'catalog:write', 'sla:write', 'reports:read']) {
      const refused = await call('POST', '/api/v1/me/tokens', auth, { name: 'too wide', scopes: ['requests:read', scope] });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'body.scopes' }] });
      expect(refused.json().errors[0].reason).toContain(scope);
    }
    const lead = await buildPerson(t.database, { leadOf: [(await buildTeam(t.database)).id] });
    const leads = await call('POST', '/api/v1/me/tokens', await bearerFor(t.database, lead.id), { name: 'lead', scopes: ['sla:write', 'people:write', 'reports:read'] });
    expect(leads.statusCode).toBe(201);
    expect((await call('POST', '/api/v1/me/tokens', await bearerFor(t.database, lead.id), { name: 'lead', scopes: ['admin'] })).statusCode).toBe(400);
    const stored = await t.database.rows(sql`select id from api_tokens where person_id = ${amy.id} and name = 'too wide'`);
    expect(stored).toEqual([]);
  });

  it('lets a token make tokens with no more than its own scopes', async () => {
    const amy = await buildPerson(t.database);
    const narrow = (await call('POST', '/api/v1/me/tokens', await bearerFor(t.database, amy.id), { name: 'narrow', scopes: ['account:write', 'requests:read'] })).json();
    const bearer = { authorization: `Bearer ${narrow.token}` };
    const wider = await call('POST', '/api/v1/me/tokens', bearer, { name: 'wider', scopes: ['requests:read', 'requests:write'] });
    expect(wider.statusCode).toBe(400);
    expect(wider.json().errors).toEqual([{ field: 'body.scopes', reason: expect.stringContaining('requests:write') }]);
    const same = await call('POST', '/api/v1/me/tokens', bearer, { name: 'same', scopes: ['requests:read'] });
    expect(same.statusCode).toBe(201);
    expect(same.json().scopes).toEqual(['requests:read']);
  });
});
