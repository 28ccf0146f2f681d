import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { signInAs } from '../../../test/support/sessions.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
let admin: Record<string, string>;
let adminId: string;
beforeAll(async () => {
  t = await createTestApp();
  const person = await buildPerson(t.database, { isAdmin: true, name: 'Zed Admin' });
  adminId = person.id;
  admin = await bearerFor(t.database, person.id);
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: admin });

describe('the directory', () => {
  it('adds a person with a normalised e-mail and time zone, and never shows the password hash', async () => {
    const team = await buildTeam(t.database, { slug: 'finance', name: 'Finance' });
    const boss = await buildPerson(t.database);
    const response = await call('POST', '/api/v1/people', {
      email: '  Grace.Hopper@Example.TEST ',
      name: 'Grace Hopper',
      title: 'Rear Admiral',
      homeTeam: 'finance',
      manager: boss.id,
      timeZone: 'america/new_york',
      phone: '+1 (555) 010-2030',
      password: 'a very long password',
    });
    expect(response.statusCode).toBe(201);
    const grace = response.json();
    expect(grace).toMatchObject({
      email: 'grace.hopper@example.test',
      homeTeam: { id: team.id, slug: 'finance', name: 'Finance' },
      manager: { id: boss.id },
      timeZone: 'America/New_York',
      isAdmin: false,
      active: true,
    });
    expect(response.headers.location).toBe(`/api/v1/people/${grace.id}`);
    expect(response.body).not.toMatch(/password/i);
    // The initial password works.
    await signInAs(t.app, 'grace.hopper@example.test', 'a very long password');
  });

  it('stores hostile strings verbatim and returns them as JSON data, not markup or SQL', async () => {
    const name = `Robert'); DROP TABLE people;-- <script>alert("x")</script>`;
    const response = await call('POST', '/api/v1/people', { email: 'bobby@example.test', name, location: '<img src=x onerror=alert(1)>' });
    expect(response.statusCode).toBe(201);
    expect(response.headers['content-type']).toContain('application/json');
    const fetched = (await call('GET', `/api/v1/people/${response.json().id}`)).json();
    expect(fetched.name).toBe(name);
    expect(fetched.location).toBe('<img src=x onerror=alert(1)>');
    const [count] = await t.database.rows<{ n: number }>(sql`select count(*)::int as n from people`);
    expect(count!.n).toBeGreaterThan(0);
  });

  it('searches names and e-mails, treating % and _ literally, and pages with an opaque cursor', async () => {
    for (const name of ['Ann Search', 'Ben Search', 'Cat Search', 'Dan Search', 'Eve Search']) {
      await buildPerson(t.database, { name, email: `${name.split(' ')[0]!.toLowerCase()}.search@example.test` });
    }
    await buildPerson(t.database, { name: 'Gone Search', active: false });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await call('GET', `/api/v1/people?q=search&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.statusCode).toBe(200);
      seen.push(...page.json().items.map((person: { name: string }) => person.name));
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Ann Search', 'Ben Search', 'Cat Search', 'Dan Search', 'Eve Search']);

    const withInactive = (await call('GET', '/api/v1/people?q=search&includeInactive=true&limit=100')).json().items;
    expect(withInactive).toHaveLength(6);
    expect((await call('GET', '/api/v1/people?q=%25')).json().items).toEqual([]);
    expect((await call('GET', '/api/v1/people?q=BEN.SEARCH@')).json().items.map((p: { name: string }) => p.name)).toEqual(['Ben Search']);
  });

  it('filters by team: its home members and the people who work for it', async () => {
    const payroll = await buildTeam(t.database, { slug: 'payroll' });
    const home = await buildPerson(t.database, { name: 'Home Payroll', homeTeamId: payroll.id });
    const agent = await buildPerson(t.database, { name: 'Agent Payroll', agentOf: [payroll.id] });
    await buildPerson(t.database, { name: 'Not Payroll' });
    const items = (await call('GET', '/api/v1/people?team=payroll')).json().items.map((p: { id: string }) => p.id);
    expect(items.sort()).toEqual([home.id, agent.id].sort());
    const unknown = await call('GET', '/api/v1/people?team=no-such-team');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'TEAM_NOT_FOUND', errors: [{ field: 'query.team' }] });
  });

  it('shows a person with their team memberships', async () => {
    const team = await buildTeam(t.database, { name: 'Facilities' });
    const person = await buildPerson(t.database, { leadOf: [team.id] });
    const shown = (await call('GET', `/api/v1/people/${person.id}`)).json();
    expect(shown.memberships).toEqual([{ team: { id: team.id, slug: team.slug, name: 'Facilities' }, role: 'lead' }]);
    const missing = await call('GET', '/api/v1/people/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('PERSON_NOT_FOUND');
  });

  it('changes a person, clearing fields with null', async () => {
    const person = await buildPerson(t.database, { title: 'Clerk', phone: '123' });
    const response = await call('PATCH', `/api/v1/people/${person.id}`, { title: null, phone: null, name: 'Renamed', timeZone: 'Asia/Kolkata' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ title: null, phone: null, name: 'Renamed', timeZone: 'Asia/Kolkata' });
  });

  it('refuses a management loop', async () => {
    const top = await buildPerson(t.database);
    const middle = await buildPerson(t.database, { managerId: top.id });
    const bottom = await buildPerson(t.database, { managerId: middle.id });
    for (const manager of [bottom.id, top.id]) {
      const response = await call('PATCH', `/api/v1/people/${top.id}`, { manager });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([{ field: 'body.manager', reason: expect.stringContaining('loop') }]);
    }
  });

  it('keeps at least one active admin', async () => {
    await t.database.rows(sql`update people set is_admin = false where id <> ${adminId}`);
    for (const change of [{ isAdmin: false }, { active: false }]) {
      const response = await call('PATCH', `/api/v1/people/${adminId}`, change);
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('LAST_ADMIN');
    }
  });

  it('ends the sessions of a person whose password an admin resets', async () => {
    const person = await buildPerson(t.database);
    await call('PATCH', `/api/v1/people/${person.id}`, { password: 'first password here' });
    const session = await signInAs(t.app, person.email, 'first password here');
    await call('PATCH', `/api/v1/people/${person.id}`, { password: 'second password here' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: session.cookie } })).statusCode).toBe(401);
  });

  it("revokes the API tokens of a person whose password an admin resets, and only theirs", async () => {
    // On a server the change listener connects in the background; wait, so the token cache is in play.
    for (let waited = 0; !t.database.changes.live && waited < 5_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    const person = await buildPerson(t.database);
    const token = await bearerFor(t.database, person.id);
    const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers });
    // Other changes leave the tokens alone.
    await call('PATCH', `/api/v1/people/${person.id}`, { title: 'Clerk' });
    expect((await me(token)).statusCode).toBe(200);

    expect((await call('PATCH', `/api/v1/people/${person.id}`, { password: 'a fresh password here' })).statusCode).toBe(200);
    expect((await me(token)).statusCode).toBe(401);
    const [row] = await t.database.rows<{ revoked: number }>(
      sql`select count(*)::int as revoked from api_tokens where person_id = ${person.id} and revoked_at is not null`,
    );
    expect(row!.revoked).toBe(1);
    expect((await me(admin)).statusCode).toBe(200);
  });
});
