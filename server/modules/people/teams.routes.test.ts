import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
let admin: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  admin = await bearerFor(t.database, (await buildPerson(t.database, { isAdmin: true })).id);
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object, headers = admin) =>
  t.app.inject({ method, url, payload, headers });

describe('teams', () => {
  it('creates a team, lists it, and renames its slug', async () => {
    const created = await call('POST', '/api/v1/teams', { slug: 'hr', name: 'People & Culture', keyPrefix: 'HR', email: 'HR@Example.test' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ slug: 'hr', name: 'People & Culture', keyPrefix: 'HR', email: 'hr@example.test', description: '', members: [] });
    expect((await call('GET', '/api/v1/teams')).json().items.map((team: { slug: string }) => team.slug)).toContain('hr');

    const renamed = await call('PATCH', '/api/v1/teams/hr', { slug: 'people', description: 'Hiring, leave, benefits' });
    expect(renamed.json()).toMatchObject({ slug: 'people', description: 'Hiring, leave, benefits' });
    expect((await call('GET', '/api/v1/teams/hr')).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/teams/people')).statusCode).toBe(200);
  });

  it('refuses a slug or key prefix another team has, naming the field', async () => {
    await buildTeam(t.database, { slug: 'it', keyPrefix: 'IT' });
    const slug = await call('POST', '/api/v1/teams', { slug: 'it', name: 'IT again', keyPrefix: 'ITX' });
    expect(slug.statusCode).toBe(409);
    expect(slug.json()).toMatchObject({ code: 'TEAM_SLUG_TAKEN', errors: [{ field: 'body.slug' }] });
    const prefix = await call('POST', '/api/v1/teams', { slug: 'it-two', name: 'IT again', keyPrefix: 'IT' });
    expect(prefix.json()).toMatchObject({ code: 'TEAM_SLUG_TAKEN', errors: [{ field: 'body.keyPrefix' }] });
  });

  it("lets a team's lead add, promote and remove its members", async () => {
    const team = await buildTeam(t.database, { slug: 'facilities' });
    const lead = await buildPerson(t.database, { leadOf: [team.id] });
    const newcomer = await buildPerson(t.database, { name: 'Nia Newcomer' });
    const asLead = await bearerFor(t.database, lead.id);
    const url = `/api/v1/teams/facilities/members/${newcomer.id}`;

    const added = await call('PUT', url, { role: 'agent' }, asLead);
    expect(added.statusCode).toBe(200);
    expect(added.json()).toMatchObject({ team: { slug: 'facilities' }, person: { id: newcomer.id }, role: 'agent' });
    expect((await call('PUT', url, { role: 'lead' }, asLead)).json().role).toBe('lead');
    const members = (await call('GET', '/api/v1/teams/facilities')).json().members;
    expect(members).toContainEqual({ person: { id: newcomer.id, name: 'Nia Newcomer', email: newcomer.email, title: null }, role: 'lead' });

    expect((await call('DELETE', url, undefined, asLead)).statusCode).toBe(204);
    expect((await call('GET', '/api/v1/teams/facilities')).json().members.map((m: { person: { id: string } }) => m.person.id)).toEqual([lead.id]);
  });

  it('answers 404 for an unknown team or person', async () => {
    const person = await buildPerson(t.database);
    const team = await buildTeam(t.database);
    const noTeam = await call('PUT', `/api/v1/teams/no-such-team/members/${person.id}`, { role: 'agent' });
    expect(noTeam.json().code).toBe('TEAM_NOT_FOUND');
    const noPerson = await call('PUT', `/api/v1/teams/${team.slug}/members/00000000-0000-4000-8000-000000000000`, { role: 'agent' });
    expect(noPerson.statusCode).toBe(404);
    expect(noPerson.json().code).toBe('PERSON_NOT_FOUND');
  });
});
