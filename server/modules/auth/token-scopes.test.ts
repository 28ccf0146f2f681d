import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { signInAs } from '../../../test/support/sessions.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { TOKEN_SCOPES, type TokenScope } from '../../platform/auth/api-token-scopes.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';

// A token does only what it was made for (decision 0027): each scope opens its own routes and no
// other, before the route's policy even runs; a token made before scopes keeps its person's rights.

let t: TestApp;
let team: Awaited<ReturnType<typeof buildTeam>>;
let admin: { id: string; email: string; headers: Record<string, string> };
const PASSWORD = 'correct horse battery staple';
beforeAll(async () => {
  t = await createTestApp();
  team = await buildTeam(t.database);
  const person = await buildPerson(t.database, { isAdmin: true, passwordHash: await hashPassword(PASSWORD) });
  admin = { id: person.id, email: person.email, headers: await bearerFor(t.database, person.id) };
}, 120_000);
afterAll(() => t.close());

type Call = { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; payload?: object };
const call = (headers: Record<string, string>, { method, url, payload }: Call) => t.app.inject({ method, url, headers, payload });
const makeToken = (headers: Record<string, string>, payload: object) => call(headers, { method: 'POST', url: '/api/v1/me/tokens', payload });

async function tokenWith(personHeaders: Record<string, string>, scopes: TokenScope[]): Promise<Record<string, string>> {
  const made = await makeToken(personHeaders, { name: `only ${scopes.join(' ')}`, scopes });
  expect(made.statusCode).toBe(201);
  return { authorization: `Bearer ${made.json().token}` };
}

/**
 * One call per scope that an admin may make, with what it answers when the scope lets it through.
 * Two answer 400 on purpose: the body is checked only after the scope, so a 400 shows the gate opened.
 */
const probes: Record<TokenScope, { call: () => Call; passes: number }> = {
  'requests:read': { call: () => ({ method: 'GET', url: '/api/v1/requests' }), passes: 200 },
  'requests:write': { call: () => ({ method: 'POST', url: '/api/v1/requests', payload: { team: team.slug, subject: 'Printer jams' } }), passes: 201 },
  'catalog:read': { call: () => ({ method: 'GET', url: '/api/v1/services' }), passes: 200 },
  'catalog:write': { call: () => ({ method: 'POST', url: '/api/v1/services', payload: {} }), passes: 400 },
  'knowledge:read': { call: () => ({ method: 'GET', url: '/api/v1/articles' }), passes: 200 },
  'knowledge:write': { call: () => ({ method: 'POST', url: '/api/v1/articles/preview', payload: { body: '# Hello' } }), passes: 200 },
  'people:read': { call: () => ({ method: 'GET', url: '/api/v1/people' }), passes: 200 },
  'people:write': { call: () => ({ method: 'PATCH', url: `/api/v1/teams/${team.slug}`, payload: { description: 'Keeps the lights on' } }), passes: 200 },
  'sla:read': { call: () => ({ method: 'GET', url: '/api/v1/calendars' }), passes: 200 },
  'sla:write': { call: () => ({ method: 'POST', url: '/api/v1/calendars', payload: {} }), passes: 400 },
  'reports:read': { call: () => ({ method: 'GET', url: '/api/v1/reports/deflection' }), passes: 200 },
  'account:read': { call: () => ({ method: 'GET', url: '/api/v1/me/tokens' }), passes: 200 },
  'account:write': { call: () => ({ method: 'PATCH', url: '/api/v1/me', payload: { recognition: 'private' } }), passes: 200 },
  admin: { call: () => ({ method: 'GET', url: '/api/v1/admin/inbound-mail' }), passes: 200 },
};

describe('a scoped token', () => {
  it('reaches the routes of its scope and is refused, naming the missing scope, everywhere else', async () => {
    for (const scope of TOKEN_SCOPES) {
      const token = await tokenWith(admin.headers, [scope]);
      for (const [probeScope, probe] of Object.entries(probes) as Array<[TokenScope, (typeof probes)[TokenScope]]>) {
        const reply = await call(token, probe.call());
        if (probeScope === scope) {
          expect(reply.statusCode, `${scope} on its own route`).toBe(probe.passes);
        } else {
          expect(reply.statusCode, `${scope} on a ${probeScope} route`).toBe(403);
          expect(reply.headers['content-type']).toContain('application/problem+json');
          expect(reply.json()).toMatchObject({ code: 'TOKEN_SCOPE_MISSING', missingScope: probeScope });
          expect(reply.json().detail).toContain(probeScope);
        }
      }
      // Who the token belongs to is every token's to ask.
      expect((await call(token, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
    }
  }, 240_000);

  it('with several scopes reaches each of them', async () => {
    const token = await tokenWith(admin.headers, ['requests:read', 'people:read']);
    expect((await call(token, probes['requests:read'].call())).statusCode).toBe(200);
    expect((await call(token, probes['people:read'].call())).statusCode).toBe(200);
    expect((await call(token, probes['requests:write'].call())).json().missingScope).toBe('requests:write');
  });

  it('refuses an out-of-scope write before its body is read, and leaves nothing written', async () => {
    const token = await tokenWith(admin.headers, ['requests:read']);
    const before = await t.database.rows<{ n: number }>(sql`select count(*)::int as n from requests`);
    const refused = await call(token, { method: 'POST', url: '/api/v1/requests', payload: { team: team.slug, subject: 42 } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('TOKEN_SCOPE_MISSING');
    expect(await t.database.rows(sql`select count(*)::int as n from requests`)).toEqual(before);
  });

  it('adds no right its person lacks: a lead with people:write is still refused what only admins may do', async () => {
    const lead = await buildPerson(t.database, { leadOf: [team.id] });
    const token = await tokenWith(await bearerFor(t.database, lead.id), ['people:write']);
    const otherTeam = await buildTeam(t.database);
    const refused = await call(token, { method: 'PATCH', url: `/api/v1/teams/${otherTeam.slug}`, payload: { description: 'mine now' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
  });
});

describe('tokens made before scopes, and sessions', () => {
  it('a token without scopes (null) keeps its person’s rights everywhere', async () => {
    for (const probe of Object.values(probes)) expect((await call(admin.headers, probe.call())).statusCode).toBe(probe.passes);
    const listed = (await call(admin.headers, { method: 'GET', url: '/api/v1/me/tokens' })).json().items;
    expect(listed.find((token: { name: string }) => token.name === 'test').scopes).toBeNull();
  });

  it('a browser session is not scoped', async () => {
    const session = await signInAs(t.app, admin.email, PASSWORD);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    for (const probe of Object.values(probes)) expect((await call(headers, probe.call())).statusCode).toBe(probe.passes);
  });
});
