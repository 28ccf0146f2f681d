import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { adminOnly, describeAccessMatrix, signedInOnly } from '../../../test/support/access-matrix.ts';
import { buildPerson } from '../../../test/support/factories.ts';
import { buildCast, type Cast } from '../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
let cast: Cast;
beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
});
afterAll(() => t.close());

const unique = () => randomBytes(3).toString('hex');
/** Admins and the team's own lead may change who works for the team; nobody else. */
const adminOrLead = (status: number) => ({ ...adminOnly(status), lead: status });

describeAccessMatrix(
  [
    { endpoint: 'GET /api/v1/people', request: () => ({ method: 'GET', url: '/api/v1/people' }), expected: signedInOnly(200) },
    {
      endpoint: 'GET /api/v1/people/{id}',
      request: (roles) => ({ method: 'GET', url: `/api/v1/people/${roles.people.otherEmployee.id}` }),
      expected: signedInOnly(200),
    },
    {
      endpoint: 'POST /api/v1/people',
      request: () => ({ method: 'POST', url: '/api/v1/people', payload: { email: `new-${unique()}@example.test`, name: 'New Hire' } }),
      expected: adminOnly(201),
    },
    {
      // Even their own record: the directory is kept by admins.
      endpoint: "PATCH /api/v1/people/{id} (the employee's own record)",
      request: (roles) => ({ method: 'PATCH', url: `/api/v1/people/${roles.people.employee.id}`, payload: { title: `Title ${unique()}` } }),
      expected: adminOnly(200),
    },
    {
      endpoint: 'POST /api/v1/people/import',
      request: () => ({
        method: 'POST',
        url: '/api/v1/people/import',
        headers: { 'content-type': 'text/csv' },
        payload: `email,name\nimported-${unique()}@example.test,Imported Person\n`,
      }),
      expected: adminOnly(200),
    },
    { endpoint: 'GET /api/v1/teams', request: () => ({ method: 'GET', url: '/api/v1/teams' }), expected: signedInOnly(200) },
    {
      endpoint: 'GET /api/v1/teams/{slug}',
      request: (roles) => ({ method: 'GET', url: `/api/v1/teams/${roles.team.slug}` }),
      expected: signedInOnly(200),
    },
    {
      endpoint: 'POST /api/v1/teams',
      request: () => {
        const suffix = unique();
        return { method: 'POST', url: '/api/v1/teams', payload: { slug: `team-${suffix}`, name: 'New team', keyPrefix: `N${suffix.toUpperCase()}` } };
      },
      expected: adminOnly(201),
    },
    {
      endpoint: 'PATCH /api/v1/teams/{slug}',
      request: (roles) => ({ method: 'PATCH', url: `/api/v1/teams/${roles.team.slug}`, payload: { description: `Changed ${unique()}` } }),
      expected: adminOnly(200),
    },
    {
      endpoint: 'PUT /api/v1/teams/{slug}/members/{personId}',
      request: async (roles) => {
        const newcomer = await buildPerson(t.database);
        return { method: 'PUT', url: `/api/v1/teams/${roles.team.slug}/members/${newcomer.id}`, payload: { role: 'agent' } };
      },
      expected: adminOrLead(200),
    },
    {
      endpoint: 'DELETE /api/v1/teams/{slug}/members/{personId}',
      request: async (roles) => {
        const member = await buildPerson(t.database, { agentOf: [roles.team.id] });
        return { method: 'DELETE', url: `/api/v1/teams/${roles.team.slug}/members/${member.id}` };
      },
      expected: adminOrLead(204),
    },
    {
      // A lead of one team is nobody special on another.
      endpoint: 'PUT /api/v1/teams/{slug}/members/{personId} (another team)',
      request: async (roles) => {
        const newcomer = await buildPerson(t.database);
        return { method: 'PUT', url: `/api/v1/teams/${roles.otherTeam.slug}/members/${newcomer.id}`, payload: { role: 'lead' } };
      },
      expected: adminOnly(200),
    },
  ],
  () => ({ t, cast }),
);
