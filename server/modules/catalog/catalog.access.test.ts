import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { describeAccessMatrix, type EndpointAccess } from '../../../test/support/access-matrix.ts';
import { filedThrough, publishService, uniqueSlug } from '../../../test/support/catalog-factories.ts';
import { buildCast, type Cast, type Role } from '../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { approvalLinkPair } from './approval-links.ts';
import { approvalLinkSecret } from './approvals.service.ts';
import type { ServiceView } from './catalog.schema.ts';

// Every catalog endpoint, for every role. The cast's `team` owns the services; the employee files
// the requests. A refused call answers problem+json and leaves the database exactly as it was.

let t: TestApp;
let cast: Cast;
let open: ServiceView;
let otherTeamOnly: ServiceView;
let retired: ServiceView;
let secret: ServiceView;
let personApproved: ServiceView;
let leadApproved: ServiceView;

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
  const lead = cast.headers.lead;
  const team = cast.team.slug;
  open = await publishService(t.app, lead, team, { procedure: [{ title: 'Do it' }] });
  otherTeamOnly = await publishService(t.app, lead, team, { audience: [cast.otherTeam.slug] });
  retired = await publishService(t.app, lead, team, { active: false });
  secret = await publishService(t.app, lead, team, { confidential: true });
  personApproved = await publishService(t.app, lead, team, { approval: { approver: 'person', personId: cast.people.otherEmployee.id } });
  leadApproved = await publishService(t.app, lead, team, { approval: { approver: 'team_lead' } });
});
afterAll(() => t.close());

const roles = (anonymous: number, employee: number, otherEmployee: number, agentOfOtherTeam: number, agent: number, lead: number, admin: number) =>
  ({ anonymous, employee, otherEmployee, agentOfOtherTeam, agent, lead, admin }) satisfies Record<Role, number>;

const get = (url: string): InjectOptions => ({ method: 'GET', url: `/api/v1${url}` });
const filedBy = async (service: ServiceView) => (await filedThrough(t.app, cast.headers.employee, service.slug, { answers: {} })).key;

async function pendingApproval(service: ServiceView): Promise<{ key: string; id: string }> {
  const key = await filedBy(service);
  const approvals = await t.app.inject({ ...get(`/requests/${key}/approvals`), headers: cast.headers.employee });
  return { key, id: approvals.json().items[0].id };
}

async function decision(service: ServiceView): Promise<InjectOptions> {
  const { key, id } = await pendingApproval(service);
  return { method: 'POST', url: `/api/v1/requests/${key}/approvals/${id}/decision`, payload: { decision: 'approve', comment: 'Fine' } };
}

const matrix: EndpointAccess[] = [
  { endpoint: 'GET /services', request: () => get('/services'), expected: roles(401, 200, 200, 200, 200, 200, 200) },
  { endpoint: 'GET /services?include=inactive', request: () => get('/services?include=inactive'), expected: roles(401, 403, 403, 200, 200, 200, 200) },
  { endpoint: 'GET /services/{id} (open)', request: () => get(`/services/${open.id}`), expected: roles(401, 200, 200, 200, 200, 200, 200) },
  // Home teams decide audiences, not memberships: nobody in the cast has the other team as home.
  { endpoint: 'GET /services/{slug} (another audience)', request: () => get(`/services/${otherTeamOnly.slug}`), expected: roles(401, 404, 404, 404, 200, 200, 200) },
  { endpoint: 'GET /services/{id} (inactive)', request: () => get(`/services/${retired.id}`), expected: roles(401, 404, 404, 404, 200, 200, 200) },
  { endpoint: 'GET /services/{id}/forms/1', request: () => get(`/services/${open.slug}/forms/1`), expected: roles(401, 200, 200, 200, 200, 200, 200) },
  {
    endpoint: 'POST /services',
    request: () => ({ method: 'POST', url: '/api/v1/services', payload: { slug: uniqueSlug(), team: cast.team.slug, name: 'New' } }),
    expected: roles(401, 403, 403, 403, 403, 201, 201),
  },
  {
    endpoint: 'PATCH /services/{id}',
    request: async () => {
      const service = await publishService(t.app, cast.headers.lead, cast.team.slug);
      return { method: 'PATCH', url: `/api/v1/services/${service.id}`, headers: { 'if-match': '"1"' }, payload: { name: 'Renamed' } };
    },
    expected: roles(401, 403, 403, 403, 403, 200, 200),
  },
  {
    endpoint: 'POST /services/{id}/requests (open)',
    request: () => ({ method: 'POST', url: `/api/v1/services/${open.id}/requests`, payload: { answers: {} } }),
    expected: roles(401, 201, 201, 201, 201, 201, 201),
  },
  {
    endpoint: 'POST /services/{slug}/requests (another audience)',
    request: () => ({ method: 'POST', url: `/api/v1/services/${otherTeamOnly.slug}/requests`, payload: { answers: {} } }),
    expected: roles(401, 404, 404, 404, 403, 403, 403),
  },
  {
    endpoint: 'POST /services/{id}/requests (inactive)',
    request: () => ({ method: 'POST', url: `/api/v1/services/${retired.id}/requests`, payload: { answers: {} } }),
    expected: roles(401, 404, 404, 404, 403, 403, 403),
  },
  {
    endpoint: "POST /services/{id}/requests on the employee's behalf",
    request: () => ({ method: 'POST', url: `/api/v1/services/${open.id}/requests`, payload: { answers: {}, requester: cast.people.employee.id } }),
    expected: roles(401, 201, 403, 403, 201, 201, 403),
  },
  { endpoint: 'GET /requests/{key}/answers', request: async () => get(`/requests/${await filedBy(open)}/answers`), expected: roles(401, 200, 404, 404, 200, 200, 200) },
  {
    endpoint: 'GET /requests/{key}/answers (confidential service)',
    request: async () => get(`/requests/${await filedBy(secret)}/answers`),
    expected: roles(401, 200, 404, 404, 404, 200, 404),
  },
  { endpoint: 'GET /requests/{key}/steps', request: async () => get(`/requests/${await filedBy(open)}/steps`), expected: roles(401, 403, 404, 404, 200, 200, 403) },
  {
    endpoint: 'PATCH /requests/{key}/steps/1',
    request: async () => ({ method: 'PATCH', url: `/api/v1/requests/${await filedBy(open)}/steps/1`, payload: { done: true } }),
    expected: roles(401, 403, 404, 404, 200, 200, 403),
  },
  {
    endpoint: 'GET /requests/{key}/approvals',
    request: async () => get(`/requests/${await filedBy(personApproved)}/approvals`),
    expected: roles(401, 200, 404, 404, 200, 200, 200),
  },
  { endpoint: 'GET /approvals', request: () => get('/approvals'), expected: roles(401, 200, 200, 200, 200, 200, 200) },
  // The named approver is the other employee; those who see the request but are not them get 403.
  { endpoint: 'POST decision (named person)', request: () => decision(personApproved), expected: roles(401, 403, 200, 404, 403, 403, 403) },
  { endpoint: 'POST decision (team lead)', request: () => decision(leadApproved), expected: roles(401, 403, 404, 404, 403, 200, 403) },
  // Public: the signed token decides who acts, whoever (if anyone) is signed in when it is posted.
  {
    endpoint: 'POST /approvals/decide-by-link',
    request: async () => {
      const { id } = await pendingApproval(personApproved);
      const token = approvalLinkPair(await approvalLinkSecret(t.database.db), id, cast.people.otherEmployee.id, new Date()).approve;
      return { method: 'POST', url: '/api/v1/approvals/decide-by-link', payload: { token } };
    },
    expected: roles(200, 200, 200, 200, 200, 200, 200),
  },
];

describeAccessMatrix(matrix, () => ({ t, cast }));
