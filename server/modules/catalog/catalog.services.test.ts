import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itRefusesBadInput } from '../../../test/support/bad-input.ts';
import { publishService, uniqueSlug } from '../../../test/support/catalog-factories.ts';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { buildCast, type Cast } from '../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createSlaPolicy } from '../sla/sla.service.ts';
import type { ServiceView } from './catalog.schema.ts';

// Publishing and changing services; who sees which in the catalog; bad service definitions.

let t: TestApp;
let cast: Cast;
let hrOnly: ServiceView;
let retired: ServiceView;
let open: ServiceView;
let hrMember: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
  const hr = await buildTeam(t.database, { name: 'HR people' });
  await buildTeam(t.database, { slug: 'desk', name: 'Desk' });
  hrMember = await bearerFor(t.database, (await buildPerson(t.database, { homeTeamId: hr.id })).id);
  open = await publishService(t.app, cast.headers.lead, cast.team.slug, { name: 'Open to all', approval: { approver: 'person', personId: cast.people.lead.id } });
  hrOnly = await publishService(t.app, cast.headers.lead, cast.team.slug, { name: 'HR only', audience: [hr.slug] });
  retired = await publishService(t.app, cast.headers.admin, cast.team.slug, { name: 'Retired', active: false });
});
afterAll(() => t.close());

const slugsOf = async (headers: Record<string, string>, query = '') => {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/services${query}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items.map((item: ServiceView) => item.slug);
};

describe('the catalog', () => {
  it('lists active services open to everyone, and audience services to their audience only', async () => {
    const employee = await slugsOf(cast.headers.employee);
    expect(employee).toContain(open.slug);
    expect(employee).not.toContain(hrOnly.slug);
    expect(employee).not.toContain(retired.slug);
    expect(await slugsOf(hrMember)).toEqual(expect.arrayContaining([open.slug, hrOnly.slug]));
  });

  it('lists inactive and audience services to the team with include=inactive, and all to admins', async () => {
    expect(await slugsOf(cast.headers.agent, '?include=inactive')).toEqual(expect.arrayContaining([open.slug, hrOnly.slug, retired.slug]));
    expect(await slugsOf(cast.headers.admin, '?include=inactive')).toEqual(expect.arrayContaining([open.slug, hrOnly.slug, retired.slug]));
    expect(await slugsOf(cast.headers.agentOfOtherTeam, '?include=inactive')).not.toContain(retired.slug);
    const refused = await t.app.inject({ method: 'GET', url: '/api/v1/services?include=inactive', headers: cast.headers.employee });
    expect(refused.statusCode).toBe(403);
  });

  it('shows each service with its current form, procedure, approval kind and team', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/services/${open.slug}`, headers: cast.headers.employee });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe(`"${open.version}"`);
    const view = response.json();
    expect(view).toMatchObject({ id: open.id, team: { slug: cast.team.slug }, form: { version: 1, fields: [] }, approval: { approver: 'person' } });
    // Who exactly approves, and the workflow, are for those who manage the service.
    expect(view.approval.person).toBeUndefined();
    expect(view.workflow).toBeUndefined();
    const asLead = await t.app.inject({ method: 'GET', url: `/api/v1/services/${open.id}`, headers: cast.headers.lead });
    expect(asLead.json().approval.person).toEqual({ id: cast.people.lead.id, name: 'Lena Lead' });
  });

  it('shows the procedure (the team’s checklist) to the team’s agents and admins only, as the steps on a request', async () => {
    const service = await publishService(t.app, cast.headers.lead, cast.team.slug, { procedure: [{ title: 'Check the disciplinary file first' }] });
    const procedureAs = async (headers: Record<string, string>) => {
      const one = await t.app.inject({ method: 'GET', url: `/api/v1/services/${service.slug}`, headers });
      expect(one.statusCode, one.body).toBe(200);
      const list = await t.app.inject({ method: 'GET', url: `/api/v1/services?team=${cast.team.slug}`, headers });
      const listed = list.json().items.find((item: ServiceView) => item.id === service.id);
      expect(listed.procedure).toEqual(one.json().procedure);
      return one.json().procedure;
    };
    for (const role of ['employee', 'agentOfOtherTeam'] as const) expect(await procedureAs(cast.headers[role]), role).toBeUndefined();
    for (const role of ['agent', 'lead', 'admin'] as const) expect(await procedureAs(cast.headers[role]), role).toEqual([{ title: 'Check the disciplinary file first' }]);
  });

  it('answers 404 for a service outside the caller’s audience, as for one that does not exist', async () => {
    for (const target of [hrOnly.slug, retired.id, 'no-such-thing']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/services/${target}`, headers: cast.headers.employee });
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('SERVICE_NOT_FOUND');
    }
  });
});

describe('changing a service', () => {
  const patch = (service: ServiceView, payload: Record<string, unknown>, version = service.version): InjectOptions => ({
    method: 'PATCH',
    url: `/api/v1/services/${service.id}`,
    headers: { ...cast.headers.lead, 'if-match': `"${version}"` },
    payload,
  });

  it('bumps the version, and the form version only when the form changed', async () => {
    const service = await publishService(t.app, cast.headers.lead, cast.team.slug, { form: { fields: [{ name: 'a', type: 'short_text', label: 'A' }] } });
    const renamed = await t.app.inject(patch(service, { name: 'Renamed', form: { fields: [{ name: 'a', type: 'short_text', label: 'A' }] } }));
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Renamed', version: 2, form: { version: 1 } });
    const same = await t.app.inject(patch(service, { name: 'Renamed' }, 2));
    expect(same.json().version).toBe(2);
    const stale = await t.app.inject(patch(service, { name: 'Late' }, 1));
    expect(stale.statusCode).toBe(412);
    const noVersion = await t.app.inject({ ...patch(service, { name: 'x' }), headers: cast.headers.lead });
    expect(noVersion.statusCode).toBe(428);
  });

  it('refuses the same slug twice', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/services', headers: cast.headers.lead, payload: { slug: open.slug, team: cast.team.slug, name: 'Twin' } });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'SERVICE_SLUG_TAKEN', errors: [{ field: 'body.slug' }] });
  });

  it('checks workflow steps name existing services and no cycle', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/services',
      headers: cast.headers.lead,
      payload: {
        slug: uniqueSlug(),
        team: cast.team.slug,
        name: 'Onboarding',
        workflow: [
          { key: 'laptop', serviceId: open.id, after: ['account'] },
          { key: 'account', serviceId: '00000000-0000-4000-8000-000000000000', after: ['laptop'] },
        ],
      },
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((error: { field: string }) => error.field);
    expect(fields).toContain('body.workflow.1.serviceId');
    expect(fields.some((field: string) => field.startsWith('body.workflow.') && field.endsWith('.after'))).toBe(true);
  });
});

describe('service-level policies', () => {
  it("takes a policy of the owning team, and refuses another team's", async () => {
    const own = await t.database.db.transaction((tx) => createSlaPolicy(tx, { teamId: cast.team.id, name: 'Standard', targets: { normal: { firstResponse: 240 } } }));
    const theirs = await t.database.db.transaction((tx) => createSlaPolicy(tx, { teamId: cast.otherTeam.id, name: 'Theirs', targets: { normal: { resolution: 600 } } }));
    const service = await publishService(t.app, cast.headers.lead, cast.team.slug, { slaPolicyId: own.id });
    expect(service.slaPolicyId).toBe(own.id);
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/services', headers: cast.headers.lead, payload: { slug: uniqueSlug(), team: cast.team.slug, name: 'X', slaPolicyId: theirs.id } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'body.slaPolicyId', reason: "is a policy of another team; use one of the owning team's" }]);
  });
});

describe('bad service definitions', () => {
  const create = (payload: Record<string, unknown>): InjectOptions => ({
    method: 'POST',
    url: '/api/v1/services',
    payload: { slug: uniqueSlug(), team: 'desk', name: 'A service', ...payload },
  });
  const field = (extra: Record<string, unknown>) => ({ fields: [{ name: 'a', type: 'short_text', label: 'A', ...extra }] });
  itRefusesBadInput(
    [
      { name: 'slug with capitals', request: create({ slug: 'Laptop' }), status: 400, code: 'VALIDATION_FAILED', field: 'body.slug' },
      { name: 'unknown team', request: create({ team: 'no-such-team' }), status: 404, code: 'TEAM_NOT_FOUND', field: 'body.team' },
      { name: 'unknown request type', request: create({ requestType: 'wish' }), status: 400, code: 'VALIDATION_FAILED', field: 'body.requestType' },
      { name: 'unknown audience team', request: create({ audience: ['desk', 'no-such-team'] }), status: 400, code: 'VALIDATION_FAILED', field: 'body.audience.1' },
      { name: 'empty audience', request: create({ audience: [] }), status: 400, code: 'VALIDATION_FAILED', field: 'body.audience' },
      { name: 'approval by an unknown person', request: create({ approval: { approver: 'person', personId: '00000000-0000-4000-8000-000000000000' } }), status: 400, code: 'VALIDATION_FAILED', field: 'body.approval.personId' },
      { name: 'approval of an unknown kind', request: create({ approval: { approver: 'ceo' } }), status: 400, code: 'VALIDATION_FAILED', field: 'body.approval.approver' },
      { name: 'form field rule of another type', request: create({ form: field({ min: 3 }) }), status: 400, code: 'VALIDATION_FAILED', field: 'body.form.fields.0.min' },
      { name: 'form with a version', request: create({ form: { version: 3, fields: [] } }), status: 400, code: 'VALIDATION_FAILED', field: 'body.form.version' },
      {
        name: 'form condition on a later field',
        request: create({ form: { fields: [{ name: 'a', type: 'short_text', label: 'A', showWhen: { field: 'b', isAnswered: true } }, { name: 'b', type: 'short_text', label: 'B' }] } }),
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'body.form.fields.0.showWhen.field',
      },
      { name: 'procedure step without a title', request: create({ procedure: [{ title: '' }] }), status: 400, code: 'VALIDATION_FAILED', field: 'body.procedure.0.title' },
      { name: 'unknown SLA policy', request: create({ slaPolicyId: '00000000-0000-4000-8000-000000000000' }), status: 400, code: 'VALIDATION_FAILED', field: 'body.slaPolicyId' },
      // `/services/{idOrSlug}` reads it as an id: the service could never be found by its slug.
      { name: 'slug shaped like an id', request: create({ slug: '12345678-1234-4234-8234-123456789abc' }), status: 400, code: 'VALIDATION_FAILED', field: 'body.slug' },
      { name: 'NUL in the name', request: create({ name: 'a\u0000b' }), status: 400, code: 'VALIDATION_FAILED', field: 'body.name' },
      { name: 'unknown field', request: create({ colour: 'blue' }), status: 400, code: 'VALIDATION_FAILED', field: 'body.colour' },
    ],
    // Cases are built before the cast exists: an admin, for the team "desk" made in beforeAll.
    () => ({ t, headers: cast.headers.admin }),
  );
});
