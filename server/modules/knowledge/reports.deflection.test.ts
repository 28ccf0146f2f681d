import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filedThrough, publishService } from '../../../test/support/catalog-factories.ts';
import { itRefusesBadInput } from '../../../test/support/bad-input.ts';
import { buildPerson, buildTeam, bearerFor } from '../../../test/support/factories.ts';
import { buildCast, type Cast } from '../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { ServiceView } from '../catalog/catalog.schema.ts';
import type { DeflectionReport } from './reports.schema.ts';
import { backdateRequest, insertDeflection } from './deflection.test-support.ts';

// The deflection report from known rows in March 2026: the period's first and last instants count,
// the instants just outside do not, and a team nobody came to has a rate of null, not 0.

let t: TestApp;
let cast: Cast;
let vpn: ServiceView;
let laptops: ServiceView;
let badges: ServiceView;
let thirdTeam: Awaited<ReturnType<typeof buildTeam>>;

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
  thirdTeam = await buildTeam(t.database, { name: 'Facilities' });
  const thirdLead = await buildPerson(t.database, { leadOf: [thirdTeam.id] });
  vpn = await publishService(t.app, cast.headers.lead, cast.team.slug, { name: 'Alpha VPN' });
  laptops = await publishService(t.app, cast.headers.lead, cast.team.slug, { name: 'Beta laptops' });
  badges = await publishService(t.app, await bearerFor(t.database, thirdLead.id), thirdTeam.slug, { name: 'Badges' });

  const person = cast.people.employee.id;
  const file = async (service: ServiceView, at: string, parentKey?: string) => {
    const request = await filedThrough(t.app, cast.headers.employee, service.slug, { subject: 'help' });
    return { key: request.key, id: await backdateRequest(t.database, request.key, at, parentKey) };
  };
  const solved = (service: ServiceView, teamId: string, at: string) => insertDeflection(t.database, { serviceId: service.id, teamId, personId: person, at });

  // Alpha VPN: solved 2 in the period (its first and last instants), 2 just outside.
  await solved(vpn, cast.team.id, '2026-03-01T00:00:00.000Z');
  await solved(vpn, cast.team.id, '2026-03-31T23:59:59.999Z');
  await solved(vpn, cast.team.id, '2026-02-28T23:59:59.999Z');
  await solved(vpn, cast.team.id, '2026-04-01T00:00:00.000Z');
  // Filed 2 in the period (one after reading an article), 1 after it.
  const readFirst = await file(vpn, '2026-03-10T12:00:00.000Z');
  await insertDeflection(t.database, { serviceId: vpn.id, teamId: cast.team.id, personId: person, at: '2026-03-10T11:59:00.000Z', requestId: readFirst.id });
  await file(vpn, '2026-03-31T23:59:59.000Z');
  await file(vpn, '2026-04-01T00:00:00.000Z');
  // Beta laptops: filed 1 by a person, and 1 spawned by a workflow (not counted).
  const parent = await file(laptops, '2026-03-15T09:00:00.000Z');
  await file(laptops, '2026-03-15T09:01:00.000Z', parent.key);
  // Badges (third team): solved 1, filed none.
  await solved(badges, thirdTeam.id, '2026-03-20T08:00:00.000Z');
});
afterAll(() => t.close());

const report = (headers: Record<string, string>, query: string) => t.app.inject({ method: 'GET', url: `/api/v1/reports/deflection?${query}`, headers });

describe('GET /reports/deflection', () => {
  it("gives a lead their team's counts and rates per team and per service, period boundaries included", async () => {
    const response = await report(cast.headers.lead, `team=${cast.team.id}&from=2026-03-01&to=2026-03-31`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      teams: [{ teamId: cast.team.id, teamName: cast.team.name, solved: 2, submittedAfterReading: 1, filed: 3, rate: 0.4 }],
      services: [
        { serviceId: vpn.id, serviceName: 'Alpha VPN', teamId: cast.team.id, solved: 2, submittedAfterReading: 1, filed: 2, rate: 0.5 },
        { serviceId: laptops.id, serviceName: 'Beta laptops', teamId: cast.team.id, solved: 0, submittedAfterReading: 0, filed: 1, rate: 0 },
      ],
    });
  });

  it('shows an admin every team, a team with nothing to count at a rate of null', async () => {
    const response = await report(cast.headers.admin, 'from=2026-03-01&to=2026-03-31');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<DeflectionReport>();
    const team = (id: string) => body.teams.find((row) => row.teamId === id);
    expect(team(cast.team.id)).toMatchObject({ solved: 2, submittedAfterReading: 1, filed: 3, rate: 0.4 });
    expect(team(cast.otherTeam.id)).toEqual({ teamId: cast.otherTeam.id, teamName: cast.otherTeam.name, solved: 0, submittedAfterReading: 0, filed: 0, rate: null });
    expect(team(thirdTeam.id)).toMatchObject({ solved: 1, filed: 0, rate: 1 });
    expect(body.services.find((row) => row.serviceId === badges.id)).toMatchObject({ teamId: thirdTeam.id, solved: 1, filed: 0, rate: 1 });
    expect(body.services).toHaveLength(3);
  });

  it('counts only the days asked for: one day, April 1st', async () => {
    const body = (await report(cast.headers.admin, `team=${cast.team.id}&from=2026-04-01&to=2026-04-01`)).json<DeflectionReport>();
    expect(body.teams).toEqual([{ teamId: cast.team.id, teamName: cast.team.name, solved: 1, submittedAfterReading: 0, filed: 1, rate: 0.5 }]);
  });

  it('defaults to the 30 days up to today', async () => {
    const body = (await report(cast.headers.lead, `team=${cast.team.id}`)).json<DeflectionReport>();
    const today = new Date().toISOString().slice(0, 10);
    expect(body.to).toBe(today);
    expect((Date.parse(body.to) - Date.parse(body.from)) / 86_400_000).toBe(29);
  });

  it('is for leads of the team and admins only', async () => {
    const refusals: [keyof Cast['headers'], string][] = [
      ['employee', `team=${cast.team.id}`],
      ['agent', `team=${cast.team.id}`],
      ['agentOfOtherTeam', `team=${cast.team.id}`],
      ['lead', `team=${cast.otherTeam.id}`],
      ['lead', ''],
      ['lead', 'team=00000000-0000-4000-8000-000000000000'],
    ];
    for (const [role, query] of refusals) {
      const response = await report(cast.headers[role], query);
      expect(response.statusCode, `${role} ${query}`).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors[0].field).toBe('query.team');
    }
    expect((await report(cast.headers.anonymous, `team=${cast.team.id}`)).statusCode).toBe(401);
    const unknown = await report(cast.headers.admin, 'team=00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'TEAM_NOT_FOUND', errors: [{ field: 'query.team' }] });
  });
});

describe('GET /reports/* with bad input', () => {
  const cases = ['deflection', 'content-gaps'].flatMap((name) => {
    const url = (query: string) => `/api/v1/reports/${name}?${query}`;
    return [
      { name: `${name}: a team that is not an id`, request: { method: 'GET' as const, url: url("team=it'--") }, status: 400, code: 'VALIDATION_FAILED', field: 'query.team' },
      { name: `${name}: a month 13`, request: { method: 'GET' as const, url: url('from=2026-13-01') }, status: 400, code: 'VALIDATION_FAILED', field: 'query.from' },
      { name: `${name}: a date with a time`, request: { method: 'GET' as const, url: url('to=2026-03-01T00:00:00Z') }, status: 400, code: 'VALIDATION_FAILED', field: 'query.to' },
      { name: `${name}: to before from`, request: { method: 'GET' as const, url: url('from=2026-03-02&to=2026-03-01') }, status: 400, code: 'VALIDATION_FAILED', field: 'query.to' },
      { name: `${name}: over two years`, request: { method: 'GET' as const, url: url('from=2020-01-01&to=2026-01-01') }, status: 400, code: 'VALIDATION_FAILED', field: 'query.to' },
      { name: `${name}: an unknown parameter`, request: { method: 'GET' as const, url: url('limit=5') }, status: 400, code: 'VALIDATION_FAILED' },
    ];
  });
  itRefusesBadInput(cases, () => ({ t, headers: cast.headers.admin }));
});
