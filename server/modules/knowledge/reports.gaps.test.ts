import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast, type Cast } from '../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { ContentGapsReport } from './reports.schema.ts';
import { insertSearch } from './deflection.test-support.ts';

// The content-gaps report from known searches in March 2026: unanswered or filed-anyway searches
// of the team, grouped by similar wording (pg_trgm), biggest first; found-and-done searches, other
// teams' and those outside the period are left out; searches outside any team only in the admin view.

let t: TestApp;
let cast: Cast;

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
  const team = cast.team.id;
  const log = (query: string, hits: number, outcome: 'shown' | 'none' | 'requested' | 'deflected', at: string, teamId: string | null = team) =>
    insertSearch(t.database, { query, hits, outcome, at, teamId });
  // "vpn not connecting": 4 spellings of one wording (one filed anyway), and a similar wording twice.
  await log('vpn not connecting', 0, 'none', '2026-03-01T00:00:00.000Z');
  await log('VPN not connecting', 0, 'none', '2026-03-04T10:00:00.000Z');
  await log('vpn  not connecting', 0, 'none', '2026-03-05T10:00:00.000Z');
  await log('Vpn not connecting ', 2, 'requested', '2026-03-06T10:00:00.000Z');
  await log('vpn not connected', 0, 'none', '2026-03-07T10:00:00.000Z');
  await log('vpn not connected', 0, 'none', '2026-03-31T23:59:59.999Z');
  // "printer jam": found nothing twice; "printer jammed" found 3 and was filed anyway.
  await log('printer jam', 0, 'none', '2026-03-10T10:00:00.000Z');
  await log('printer jam', 0, 'none', '2026-03-11T10:00:00.000Z');
  await log('printer jammed', 3, 'requested', '2026-03-12T10:00:00.000Z');
  await log('vpn slow', 0, 'none', '2026-03-13T10:00:00.000Z');
  // Not gaps: found and not filed, or solved at intake.
  await log('reset password', 3, 'shown', '2026-03-14T10:00:00.000Z');
  await log('printer jam', 1, 'deflected', '2026-03-14T11:00:00.000Z');
  // Outside the period.
  await log('vpn not connecting', 0, 'none', '2026-02-28T23:59:59.999Z');
  await log('vpn not connecting', 0, 'none', '2026-04-01T00:00:00.000Z');
  // Another team's, and a portal search of everything (no team).
  await log('payroll slip', 0, 'none', '2026-03-15T10:00:00.000Z', cast.otherTeam.id);
  await log('holiday calendar', 0, 'none', '2026-03-16T10:00:00.000Z', null);
  await log('holiday calendar', 0, 'none', '2026-03-17T10:00:00.000Z', null);
});
afterAll(() => t.close());

const gaps = (headers: Record<string, string>, query: string) => t.app.inject({ method: 'GET', url: `/api/v1/reports/content-gaps?${query}`, headers });

const vpnGroup = {
  wording: 'vpn not connecting',
  searches: 6,
  noResults: 5,
  requestedAnyway: 1,
  lastSearchedAt: '2026-03-31T23:59:59.999Z',
  examples: [
    { query: 'vpn not connecting', count: 4 },
    { query: 'vpn not connected', count: 2 },
  ],
};
const printerGroup = {
  wording: 'printer jam',
  searches: 3,
  noResults: 2,
  requestedAnyway: 1,
  lastSearchedAt: '2026-03-12T10:00:00.000Z',
  examples: [
    { query: 'printer jam', count: 2 },
    { query: 'printer jammed', count: 1 },
  ],
};
const slowGroup = { wording: 'vpn slow', searches: 1, noResults: 1, requestedAnyway: 0, lastSearchedAt: '2026-03-13T10:00:00.000Z', examples: [{ query: 'vpn slow', count: 1 }] };

describe('GET /reports/content-gaps', () => {
  it("groups a team's unanswered searches by similar wording, biggest first, within the period", async () => {
    const response = await gaps(cast.headers.lead, `team=${cast.team.id}&from=2026-03-01&to=2026-03-31`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ from: '2026-03-01', to: '2026-03-31', groups: [vpnGroup, printerGroup, slowGroup] });
  });

  it('shows an admin every team and the searches made outside any team', async () => {
    const body = (await gaps(cast.headers.admin, 'from=2026-03-01&to=2026-03-31')).json<ContentGapsReport>();
    expect(body.groups.map((group) => [group.wording, group.searches])).toEqual([
      ['vpn not connecting', 6],
      ['printer jam', 3],
      ['holiday calendar', 2],
      ['payroll slip', 1],
      ['vpn slow', 1],
    ]);
    const teamOnly = (await gaps(cast.headers.admin, `team=${cast.otherTeam.id}&from=2026-03-01&to=2026-03-31`)).json<ContentGapsReport>();
    expect(teamOnly.groups.map((group) => group.wording)).toEqual(['payroll slip']);
  });

  it('counts the days asked for: the last day of February alone', async () => {
    const body = (await gaps(cast.headers.lead, `team=${cast.team.id}&from=2026-02-28&to=2026-02-28`)).json<ContentGapsReport>();
    expect(body.groups).toEqual([
      { wording: 'vpn not connecting', searches: 1, noResults: 1, requestedAnyway: 0, lastSearchedAt: '2026-02-28T23:59:59.999Z', examples: [{ query: 'vpn not connecting', count: 1 }] },
    ]);
  });

  it('is an empty list for a period with no searches', async () => {
    const response = await gaps(cast.headers.lead, `team=${cast.team.id}&from=2025-01-01&to=2025-01-31`);
    expect(response.json()).toEqual({ from: '2025-01-01', to: '2025-01-31', groups: [] });
  });

  it('is for leads of the team and admins only', async () => {
    for (const role of ['employee', 'agent', 'agentOfOtherTeam'] as const) {
      const response = await gaps(cast.headers[role], `team=${cast.team.id}`);
      expect(response.statusCode, role).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect((await gaps(cast.headers.lead, '')).statusCode).toBe(403);
    expect((await gaps(cast.headers.lead, `team=${cast.otherTeam.id}`)).statusCode).toBe(403);
    expect((await gaps(cast.headers.admin, 'team=00000000-0000-4000-8000-000000000000')).json()).toMatchObject({ status: 404, code: 'TEAM_NOT_FOUND' });
  });
});
