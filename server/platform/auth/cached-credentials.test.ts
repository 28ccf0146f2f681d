import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { signInAs } from '../../../test/support/sessions.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { cacheStatsOf } from '../cache/signalled-cache.ts';
import { hashPassword } from './passwords.ts';

// Who a credential belongs to is kept in memory (decision 0005). Whatever changes it, through the
// API or by hand in the database, the very next call of this process must see the change.

let t: TestApp;
let admin: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  admin = await bearerFor(t.database, (await buildPerson(t.database, { isAdmin: true })).id);
});
afterAll(() => t.close());
// On a server the change listener connects in the background; until then nothing is cached.
beforeEach(() => until(() => t.database.changes.live));

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5_000) throw new Error('condition not met in 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers });
const tokenCache = () => cacheStatsOf(t.database.changes)['actors by API token']!;

/**
 * Calls until one is answered from memory, so what follows tests a warm cache. (On a server, the
 * listener also brings this process's own earlier writes, a little later, and clears once more.)
 */
async function warm(headers: Record<string, string>): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    const hits = tokenCache().hits;
    expect((await me(headers)).statusCode).toBe(200);
    if (tokenCache().hits > hits) return;
    if (attempt > 100) throw new Error('never answered from memory');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('credentials cached in memory', () => {
  it('refuses a token on the call right after it is revoked through the API', async () => {
    const amy = await buildPerson(t.database);
    const auth = await bearerFor(t.database, amy.id);
    const issued = (await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: auth, payload: { name: 'laptop', scopes: ['requests:read'] } })).json();
    const bearer = { authorization: `Bearer ${issued.token}` };
    await warm(bearer);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${issued.id}`, headers: auth })).statusCode).toBe(204);
    expect((await me(bearer)).statusCode).toBe(401);
  });

  it('refuses a token revoked by hand in the database, as an admin at a psql prompt would', async () => {
    const amy = await buildPerson(t.database);
    const bearer = await bearerFor(t.database, amy.id);
    await warm(bearer);
    await t.database.rows(sql`update api_tokens set revoked_at = now() where person_id = ${amy.id}`);
    expect((await me(bearer)).statusCode).toBe(401);
  });

  it('refuses a deactivated person at once', async () => {
    const amy = await buildPerson(t.database);
    const bearer = await bearerFor(t.database, amy.id);
    await warm(bearer);
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/people/${amy.id}`, headers: admin, payload: { active: false } });
    expect(patched.statusCode).toBe(200);
    expect((await me(bearer)).statusCode).toBe(401);
  });

  it('sees a removed admin flag and a new name on the next call', async () => {
    const ines = await buildPerson(t.database, { isAdmin: true });
    const bearer = await bearerFor(t.database, ines.id);
    const team = await buildTeam(t.database);
    const probe = () => t.app.inject({ method: 'PATCH', url: `/api/v1/teams/${team.slug}`, headers: bearer, payload: { description: 'x' } });
    expect((await probe()).statusCode).toBe(200);
    await warm(bearer);
    await t.app.inject({ method: 'PATCH', url: `/api/v1/people/${ines.id}`, headers: admin, payload: { isAdmin: false, name: 'Ines Former' } });
    expect((await probe()).statusCode).toBe(403);
    expect((await me(bearer)).json()).toMatchObject({ isAdmin: false, name: 'Ines Former' });
  });

  it("sees a lead taken off the team, by hand in the database, on the next call", async () => {
    const team = await buildTeam(t.database);
    const lena = await buildPerson(t.database, { leadOf: [team.id] });
    const someone = await buildPerson(t.database);
    const bearer = await bearerFor(t.database, lena.id);
    const probe = () =>
      t.app.inject({ method: 'PUT', url: `/api/v1/teams/${team.slug}/members/${someone.id}`, headers: bearer, payload: { role: 'agent' } });
    expect((await probe()).statusCode).toBe(200);
    await warm(bearer);
    await t.database.rows(sql`delete from team_memberships where person_id = ${lena.id}`);
    expect((await probe()).statusCode).toBe(403);
  });

  it('ends a browser session on the call after signing out', async () => {
    const password = 'correct horse battery staple';
    const amy = await buildPerson(t.database, { passwordHash: await hashPassword(password) });
    const session = await signInAs(t.app, amy.email, password);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    const sessionHits = () => cacheStatsOf(t.database.changes)['actors by session']?.hits ?? 0;
    for (let attempt = 0; sessionHits() === 0; attempt += 1) {
      if (attempt > 100) throw new Error('never answered from memory');
      expect((await me(headers)).statusCode).toBe(200);
    }
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers })).statusCode).toBe(204);
    expect((await me(headers)).statusCode).toBe(401);
  });

  it('records a token’s last use once a minute, while answering from memory', async () => {
    const amy = await buildPerson(t.database);
    const bearer = await bearerFor(t.database, amy.id);
    const lastUsed = async () =>
      (await t.database.rows<{ at: string | null }>(sql`select last_used_at::text as at from api_tokens where person_id = ${amy.id}`))[0]!.at;
    expect((await me(bearer)).statusCode).toBe(200);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    const hits = tokenCache().hits;
    for (let call = 0; call < 4; call += 1) expect((await me(bearer)).statusCode).toBe(200);
    // The cached token knows it was just touched, so these calls wrote nothing.
    expect(await lastUsed()).toBe(first);
    expect(tokenCache().hits).toBeGreaterThanOrEqual(hits + 3);
  });
});

describe('teams cached in memory for filing requests', () => {
  it('files under a renamed slug at once, and no longer under the old one', async () => {
    const team = await buildTeam(t.database);
    const amy = await buildPerson(t.database);
    const bearer = await bearerFor(t.database, amy.id);
    const file = (slug: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: bearer, payload: { team: slug, subject: 'Desk lamp flickers' } });
    expect((await file(team.slug)).statusCode).toBe(201);
    expect((await file(team.slug)).statusCode).toBe(201);
    expect(cacheStatsOf(t.database.changes)['teams by slug']!.hits).toBeGreaterThan(0);

    const renamed = `${team.slug}-new`;
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/teams/${team.slug}`, headers: admin, payload: { slug: renamed } })).statusCode).toBe(200);
    const old = await file(team.slug);
    expect(old.statusCode).toBe(404);
    expect(old.json().code).toBe('TEAM_NOT_FOUND');
    expect((await file(renamed)).statusCode).toBe(201);
  });
});
