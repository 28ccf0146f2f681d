import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAccessMatrix, signedInOnly, type EndpointAccess } from '../../../test/support/access-matrix.ts';
import { itRefusesBadInput, rawJson, type BadInput } from '../../../test/support/bad-input.ts';
import { buildCast, type Cast } from '../../../test/support/roles.ts';
import { buildOfficeCalendar, buildPolicy, buildService, fileThroughService } from '../../../test/support/sla-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
let cast: Cast;
let policyId: string;
let serviceId: string;
let requestKey: string;
let confidentialKey: string;

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
  await buildOfficeCalendar(t.database, cast.team.id);
  policyId = await buildPolicy(t.database, cast.team.id, { normal: { firstResponse: 60, resolution: 480 } });
  serviceId = (await buildService(t.database, cast.team.id, { slaPolicyId: policyId })).id;
  requestKey = (await fileThroughService(t.database, cast.people.employee, cast.team, serviceId, { at: new Date('2026-03-02T09:00:00Z') })).key;
  confidentialKey = (await fileThroughService(t.database, cast.people.employee, cast.team, serviceId, { at: new Date('2026-03-02T09:00:00Z'), confidential: true })).key;
});
afterAll(() => t.close());

const leadsOnly = (status: number) => ({ ...signedInOnly(403), lead: status, admin: status });
const policyBody = () => ({ team: cast.team.slug, name: 'Desk hours', targets: { urgent: { firstResponse: 15, resolution: 240 } }, warnAtPercent: 75 });

const matrix: EndpointAccess[] = [
  { endpoint: 'GET /sla-policies', request: () => ({ method: 'GET', url: '/api/v1/sla-policies' }), expected: leadsOnly(200) },
  { endpoint: 'POST /sla-policies', request: () => ({ method: 'POST', url: '/api/v1/sla-policies', payload: policyBody() }), expected: leadsOnly(201) },
  { endpoint: 'GET /sla-policies/{id}', request: () => ({ method: 'GET', url: `/api/v1/sla-policies/${policyId}` }), expected: leadsOnly(200) },
  {
    endpoint: 'PATCH /sla-policies/{id}',
    request: () => ({ method: 'PATCH', url: `/api/v1/sla-policies/${policyId}`, payload: { warnAtPercent: 70 } }),
    expected: leadsOnly(200),
  },
  {
    endpoint: 'GET /requests/{key}/sla',
    request: () => ({ method: 'GET', url: `/api/v1/requests/${requestKey}/sla` }),
    // Whoever sees the request: its requester, the team, admins (not confidential); others are told it does not exist.
    expected: { ...signedInOnly(200), otherEmployee: 404, agentOfOtherTeam: 404 },
  },
  {
    endpoint: 'GET /requests/{key}/sla (confidential)',
    request: () => ({ method: 'GET', url: `/api/v1/requests/${confidentialKey}/sla` }),
    // The confidential rules of requests.policy.ts: the requester and the team's leads, not its other agents nor admins.
    expected: { ...signedInOnly(404), anonymous: 401, employee: 200, lead: 200 },
  },
  {
    endpoint: 'GET /agreements',
    request: () => ({ method: 'GET', url: '/api/v1/agreements' }),
    expected: { ...signedInOnly(200), employee: 403, otherEmployee: 403 },
  },
  {
    endpoint: 'POST /agreements',
    request: (): InjectOptions => ({
      method: 'POST',
      url: '/api/v1/agreements',
      payload: { name: 'Quarter end', providerTeam: cast.team.slug, consumerTeam: cast.otherTeam.slug, targets: { normal: { firstResponse: 30 } } },
    }),
    // A lead speaks for their team; an admin does not.
    expected: { ...signedInOnly(403), lead: 201 },
  },
  {
    endpoint: 'GET /services/{id}/expected-wait',
    request: () => ({ method: 'GET', url: `/api/v1/services/${serviceId}/expected-wait` }),
    expected: signedInOnly(200),
  },
];

describe('who may do what', () => {
  describeAccessMatrix(matrix, () => ({ t, cast }));
});

describe('policies', () => {
  it('a lead sets targets; the list shows a lead their own team’s policies only', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/sla-policies', headers: cast.headers.lead, payload: policyBody() });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.location).toBe(`/api/v1/sla-policies/${created.json().id}`);
    expect(created.json()).toMatchObject({
      team: { id: cast.team.id, slug: cast.team.slug },
      targets: { urgent: { firstResponse: 15, resolution: 240 } },
      warnAtPercent: 75,
      escalation: { notifyLead: true, raisePriority: false },
    });
    const otherTeamsPolicy = await buildPolicy(t.database, cast.otherTeam.id, { normal: { firstResponse: 5 } });
    const asLead = await t.app.inject({ method: 'GET', url: '/api/v1/sla-policies', headers: cast.headers.lead });
    const ids = asLead.json().items.map((item: { id: string }) => item.id);
    expect(ids).toContain(created.json().id);
    expect(ids).not.toContain(otherTeamsPolicy);
    const asAdmin = await t.app.inject({ method: 'GET', url: '/api/v1/sla-policies', headers: cast.headers.admin });
    expect(asAdmin.json().items.map((item: { id: string }) => item.id)).toContain(otherTeamsPolicy);
  });

  it('a lead names an agent of the team for reassignment on breach', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sla-policies/${policyId}`,
      headers: cast.headers.lead,
      payload: { escalation: { notifyLead: true, raisePriority: true, reassignTo: cast.people.agent.id } },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().escalation).toEqual({ notifyLead: true, raisePriority: true, reassignTo: cast.people.agent.id });
  });

  it('an unknown policy is 404 naming the id', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/sla-policies/00000000-0000-4000-8000-000000000000', headers: cast.headers.admin });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'SLA_POLICY_NOT_FOUND', errors: [{ field: 'params.id' }] });
  });
});

describe('bad input to policies', () => {
  const post = (payload: Record<string, unknown>): InjectOptions => ({ method: 'POST', url: '/api/v1/sla-policies', payload });
  const body = (overrides: Record<string, unknown>) => ({ team: cast.team.slug, name: 'P', targets: { normal: { firstResponse: 30 } }, ...overrides });
  /** The request is built when the test runs (a getter): the cast exists only once beforeAll ran. */
  const bad = (name: string, request: () => InjectOptions, code: string, field?: string, status = 400): BadInput => ({
    name,
    get request() {
      return request();
    },
    status,
    code,
    field,
  });
  itRefusesBadInput(
    [
      bad('a negative target', () => post(body({ targets: { normal: { firstResponse: -5 } } })), 'VALIDATION_FAILED', 'body.targets.normal.firstResponse'),
      bad('a fractional target', () => post(body({ targets: { high: { resolution: 12.5 } } })), 'VALIDATION_FAILED', 'body.targets.high.resolution'),
      bad('a zero target', () => post(body({ targets: { low: { nextResponse: 0 } } })), 'VALIDATION_FAILED', 'body.targets.low.nextResponse'),
      bad('a target as text', () => post(body({ targets: { low: { firstResponse: '30' } } })), 'VALIDATION_FAILED', 'body.targets.low.firstResponse'),
      bad('an unknown priority', () => post(body({ targets: { critical: { firstResponse: 5 } } })), 'VALIDATION_FAILED', 'body.targets.critical'),
      bad('a warning at 0 %', () => post(body({ warnAtPercent: 0 })), 'VALIDATION_FAILED', 'body.warnAtPercent'),
      bad('a warning at 100 %', () => post(body({ warnAtPercent: 100 })), 'VALIDATION_FAILED', 'body.warnAtPercent'),
      bad(
        'reassignment to someone outside the team',
        () => post(body({ escalation: { notifyLead: true, raisePriority: false, reassignTo: cast.people.agentOfOtherTeam.id } })),
        'VALIDATION_FAILED',
        'body.escalation.reassignTo',
      ),
      bad('an unknown team', () => post(body({ team: 'nowhere' })), 'TEAM_NOT_FOUND', 'body.team', 404),
      bad('an unknown field', () => post(body({ deadline: 'soon' })), 'VALIDATION_FAILED', 'body.deadline'),
      bad('a blank name', () => post(body({ name: '   ' })), 'VALIDATION_FAILED', 'body.name'),
      bad('SQL for an id', () => ({ method: 'PATCH', url: "/api/v1/sla-policies/1'%20or%201=1", payload: {} }), 'VALIDATION_FAILED', 'params.id'),
      bad('a warning share out of range on change', () => ({ method: 'PATCH', url: `/api/v1/sla-policies/${policyId}`, payload: { warnAtPercent: 150 } }), 'VALIDATION_FAILED', 'body.warnAtPercent'),
      bad('malformed JSON', () => rawJson('POST', '/api/v1/sla-policies', '{"team": '), 'MALFORMED_JSON'),
    ],
    () => ({ t, headers: cast.headers.admin }),
  );
});
