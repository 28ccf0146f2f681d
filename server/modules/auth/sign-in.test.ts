import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { signInAs } from '../../../test/support/sessions.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { buildApp } from '../../app.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { hashSecret } from '../../platform/auth/secrets.ts';

const PASSWORD = 'correct horse battery staple';
let t: TestApp;
let passwordHash: string;
beforeAll(async () => {
  t = await createTestApp();
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(() => t.close());

const person = (overrides: Parameters<typeof buildPerson>[1] = {}) => buildPerson(t.database, { passwordHash, ...overrides });
const attempt = (email: string, password: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password }, remoteAddress });

describe('signing in', () => {
  it('returns the person and a CSRF token, and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const amy = await person({ name: 'Amy Pond' });
    const response = await attempt(amy.email.toUpperCase(), PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      person: { id: amy.id, email: amy.email, name: 'Amy Pond', isAdmin: false },
      csrfToken: expect.any(String),
    });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^hallway_session=[\w-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain(`Max-Age=${14 * 24 * 3600}`);
    expect(cookie).not.toContain('Secure');
  });

  it('stores only the hash of the session secret', async () => {
    const amy = await person();
    const session = await signInAs(t.app, amy.email, PASSWORD);
    const secret = session.cookie.split('=')[1]!;
    const rows = await t.database.rows<{ token_hash: string }>(sql`select token_hash from sessions where person_id = ${amy.id}`);
    expect(rows.map((row) => row.token_hash)).toEqual([hashSecret(secret)]);
  });

  it('marks the cookie Secure when Hallway is served over HTTPS', async () => {
    const database = await createTestDatabase();
    const app = await buildApp({ database, config: { secureCookies: true, bodyLimitBytes: 1_000_000, logLevel: 'silent' }, logger: false });
    try {
      const amy = await buildPerson(database, { passwordHash });
      const response = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: amy.email, password: PASSWORD } });
      expect(String(response.headers['set-cookie'])).toContain('Secure');
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('marks the cookie Secure when a trusted proxy says the call came over HTTPS', async () => {
    const proxied = await createTestApp({ trustProxy: '127.0.0.1' });
    try {
      const amy = await buildPerson(proxied.database, { passwordHash });
      const signIn = (headers: Record<string, string>) =>
        proxied.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: amy.email, password: PASSWORD }, headers });
      expect(String((await signIn({ 'x-forwarded-proto': 'https' })).headers['set-cookie'])).toContain('Secure');
      expect(String((await signIn({})).headers['set-cookie'])).not.toContain('Secure');
    } finally {
      await proxied.close();
    }
  });

  it('counts failures per client address behind a trusted proxy, not per proxy', async () => {
    const proxied = await createTestApp({ trustProxy: '127.0.0.1' });
    try {
      const amy = await buildPerson(proxied.database, { passwordHash });
      for (const client of ['203.0.113.7', '198.51.100.9']) {
        await proxied.app.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { email: amy.email, password: 'wrong password here' },
          headers: { 'x-forwarded-for': client },
        });
      }
      const rows = await proxied.database.rows<{ ip_address: string }>(
        sql`select ip_address from sign_in_failures where email = ${amy.email} order by ip_address`,
      );
      expect(rows.map((row) => row.ip_address)).toEqual(['198.51.100.9', '203.0.113.7']);
    } finally {
      await proxied.close();
    }
  });

  it.each([
    ['a wrong password', async () => (await person()).email, 'not the password at all'],
    ['an unknown e-mail address', async () => 'nobody@example.test', PASSWORD],
    ['a deactivated person', async () => (await person({ active: false })).email, PASSWORD],
    ['a person without a password', async () => (await person({ passwordHash: null })).email, PASSWORD],
  ])('refuses %s with the same 401 and no cookie', async (_case, email, password) => {
    const response = await attempt(await email(), password);
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe('INVALID_CREDENTIALS');
    expect(response.headers['set-cookie']).toBeUndefined();
  });
});

describe('sign-in throttling', () => {
  it('locks an address after five failures, even against the right password, and says when to retry', async () => {
    const amy = await person();
    for (let failure = 1; failure <= 5; failure += 1) {
      expect((await attempt(amy.email, `wrong guess ${failure}`)).statusCode).toBe(401);
    }
    const locked = await attempt(amy.email, PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('TOO_MANY_SIGN_IN_ATTEMPTS');
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(locked.headers['set-cookie']).toBeUndefined();
  });

  it('lets no more than five of many simultaneous guesses through to the password check', async () => {
    const amy = await person();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, index) => attempt(amy.email, `guess number ${index}`, '192.0.2.40')),
    );
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
    expect((await attempt(amy.email, PASSWORD, '192.0.2.40')).statusCode).toBe(429);
  });

  it('lets the address in again once its failures are fifteen minutes old', async () => {
    const amy = await person();
    for (let failure = 1; failure <= 5; failure += 1) await attempt(amy.email, 'wrong');
    expect((await attempt(amy.email, PASSWORD)).statusCode).toBe(429);
    await t.database.rows(sql`update sign_in_failures set failed_at = failed_at - interval '16 minutes' where email = ${amy.email}`);
    expect((await attempt(amy.email, PASSWORD)).statusCode).toBe(200);
  });

  it('locks an IP address after twenty failures across addresses', async () => {
    const ip = '203.0.113.7';
    for (let failure = 1; failure <= 20; failure += 1) {
      expect((await attempt(`guess-${failure}@example.test`, 'wrong', ip)).statusCode).toBe(401);
    }
    const amy = await person();
    const fromThatIp = await attempt(amy.email, PASSWORD, ip);
    expect(fromThatIp.statusCode).toBe(429);
    expect(Number(fromThatIp.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attempt(amy.email, PASSWORD, '198.51.100.1')).statusCode).toBe(200);
  });

  it("forgives a person's own failures on success, but not failures from other IPs", async () => {
    const amy = await person();
    for (let failure = 1; failure <= 2; failure += 1) await attempt(amy.email, 'wrong', '198.51.100.9');
    for (let failure = 1; failure <= 2; failure += 1) await attempt(amy.email, 'wrong', '192.0.2.50');
    expect((await attempt(amy.email, PASSWORD, '198.51.100.9')).statusCode).toBe(200);
    const left = await t.database.rows<{ ip_address: string; failures: number }>(sql`
      select ip_address, count(*)::int as failures from sign_in_failures where email = ${amy.email} group by ip_address`);
    expect(left).toEqual([{ ip_address: '192.0.2.50', failures: 2 }]);
  });
});

describe('browser sessions', () => {
  it('refuses a cookie-authenticated write without the CSRF header, and accepts it with the header', async () => {
    const amy = await person();
    const session = await signInAs(t.app, amy.email, PASSWORD);
    const create = (headers: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'laptop', scopes: ['requests:read'] }, headers: { cookie: session.cookie, ...headers } });

    const without = await create({});
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await create({ 'x-csrf-token': 'not-the-token' });
    expect(wrong.statusCode).toBe(403);
    expect((await create({ 'x-csrf-token': session.csrfToken })).statusCode).toBe(201);
  });

  it('lets a reloaded page recover the CSRF token from /me', async () => {
    const amy = await person();
    const session = await signInAs(t.app, amy.email, PASSWORD);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: amy.id, via: 'session', csrfToken: session.csrfToken });
  });

  it('signs out: the session row is gone, the cookie is cleared and the old cookie no longer works', async () => {
    const amy = await person();
    const session = await signInAs(t.app, amy.email, PASSWORD);
    const refused = await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie: session.cookie } });
    expect(refused.statusCode).toBe(403);

    const out = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/hallway_session=;.*Expires=Thu, 01 Jan 1970/);
    const rows = await t.database.rows(sql`select 1 from sessions where person_id = ${amy.id}`);
    expect(rows).toHaveLength(0);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('does not accept an expired session', async () => {
    const amy = await person();
    const session = await signInAs(t.app, amy.email, PASSWORD);
    await t.database.rows(sql`update sessions set expires_at = now() - interval '1 second' where person_id = ${amy.id}`);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('shows the memberships of the person signed in', async () => {
    const team = await buildTeam(t.database, { name: 'IT' });
    const agent = await person({ leadOf: [team.id] });
    const session = await signInAs(t.app, agent.email, PASSWORD);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } });
    expect(me.json().memberships).toEqual([{ team: { id: team.id, slug: team.slug, name: 'IT' }, role: 'lead' }]);
  });
});
