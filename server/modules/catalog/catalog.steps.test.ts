import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filedThrough, publishService } from '../../../test/support/catalog-factories.ts';
import { fingerprint } from '../../../test/support/database-fingerprint.ts';
import { bearerFor, buildPerson } from '../../../test/support/factories.ts';
import { buildCast, type Cast } from '../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { ServiceView } from './catalog.schema.ts';
import type { StepView } from './request-work.schema.ts';

// The standard procedure: copied onto each request made from the service, ticked by the team's
// agents, each tick on the timeline with who and when. Later changes to the procedure leave filed
// requests as they were.

let t: TestApp;
let cast: Cast;
let service: ServiceView;
const laptopProcedure = [{ title: 'Order the laptop', description: 'From the framework agreement' }, { title: 'Image it' }, { title: 'Hand it over' }];

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
  service = await publishService(t.app, cast.headers.lead, cast.team.slug, { name: 'New laptop', procedure: laptopProcedure });
});
afterAll(() => t.close());

const stepsOf = async (key: string, headers: Record<string, string>) => {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${key}/steps`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as StepView[];
};
const tick = (key: string, position: number | string, done: unknown, headers: Record<string, string>) =>
  t.app.inject({ method: 'PATCH', url: `/api/v1/requests/${key}/steps/${position}`, headers, payload: { done } });

describe('procedure steps', () => {
  it('copies the procedure onto the request, and later procedure changes leave it alone', async () => {
    const own = await publishService(t.app, cast.headers.lead, cast.team.slug, { procedure: laptopProcedure });
    const request = await filedThrough(t.app, cast.headers.employee, own.slug, { answers: {} });
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/services/${own.id}`,
      headers: { ...cast.headers.lead, 'if-match': `"${own.version}"` },
      payload: { procedure: [{ title: 'Something else entirely' }] },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const steps = await stepsOf(request.key, cast.headers.agent);
    expect(steps).toEqual([
      { position: 1, title: 'Order the laptop', description: 'From the framework agreement', done: false, doneAt: null, doneBy: null },
      { position: 2, title: 'Image it', description: '', done: false, doneAt: null, doneBy: null },
      { position: 3, title: 'Hand it over', description: '', done: false, doneAt: null, doneBy: null },
    ]);
    const later = await filedThrough(t.app, cast.headers.employee, own.slug, { answers: {} });
    expect((await stepsOf(later.key, cast.headers.agent)).map((step) => step.title)).toEqual(['Something else entirely']);
  });

  it('ticks and unticks steps, recording who and when on the timeline', async () => {
    const request = await filedThrough(t.app, cast.headers.employee, service.slug, { answers: {} });
    const done = await tick(request.key, 2, true, cast.headers.agent);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ position: 2, done: true, doneBy: { id: cast.people.agent.id, name: 'Alan Agent' } });
    expect(Date.parse(done.json().doneAt)).not.toBeNaN();

    // Ticking a ticked step again changes nothing.
    const before = await fingerprint(t.database);
    expect((await tick(request.key, 2, true, cast.headers.lead)).json().doneBy.id).toBe(cast.people.agent.id);
    expect(await fingerprint(t.database)).toEqual(before);

    const undone = await tick(request.key, 2, false, cast.headers.lead);
    expect(undone.json()).toMatchObject({ done: false, doneAt: null, doneBy: null });

    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${request.key}`, headers: cast.headers.agent });
    const events = detail.json().timeline.filter((entry: { kind: string }) => entry.kind.startsWith('step_'));
    expect(events).toMatchObject([
      { kind: 'step_done', actor: { id: cast.people.agent.id }, visibility: 'internal', data: { position: 2, title: 'Image it' } },
      { kind: 'step_undone', actor: { id: cast.people.lead.id }, visibility: 'internal', data: { position: 2 } },
    ]);
    expect(events[0].occurredAt).toBe(done.json().doneAt);
    // The checklist is the team's: the requester sees neither the steps nor their ticks.
    const asRequester = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${request.key}`, headers: cast.headers.employee });
    expect(asRequester.json().timeline.some((entry: { kind: string }) => entry.kind.startsWith('step_'))).toBe(false);
  });

  it('refuses the wrong people and bad input, writing nothing', async () => {
    const request = await filedThrough(t.app, cast.headers.employee, service.slug, { answers: {} });
    const before = await fingerprint(t.database);
    const cases: Array<[Record<string, string>, number | string, unknown, number, string?]> = [
      [cast.headers.employee, 1, true, 403],
      [cast.headers.otherEmployee, 1, true, 404],
      [cast.headers.agentOfOtherTeam, 1, true, 404],
      [cast.headers.admin, 1, true, 403],
      [cast.headers.agent, 9, true, 404, 'params.position'],
      [cast.headers.agent, 'first', true, 400, 'params.position'],
      [cast.headers.agent, 0, true, 400, 'params.position'],
      [cast.headers.agent, 1, 'yes', 400, 'body.done'],
    ];
    for (const [headers, position, done, status, field] of cases) {
      const response = await tick(request.key, position, done, headers);
      expect(response.statusCode, response.body).toBe(status);
      if (field) expect(response.json().errors.map((error: { field: string }) => error.field)).toContain(field);
    }
    expect(await fingerprint(t.database)).toEqual(before);
  });

  it('keeps a confidential request’s steps from agents who may not see it', async () => {
    const secret = await publishService(t.app, cast.headers.lead, cast.team.slug, { confidential: true, procedure: [{ title: 'Talk to them' }] });
    const request = await filedThrough(t.app, cast.headers.employee, secret.slug, { answers: {} });
    expect(request.confidential).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/requests/${request.key}/steps`, headers: cast.headers.agent })).statusCode).toBe(404);
    expect((await tick(request.key, 1, true, cast.headers.agent)).statusCode).toBe(404);
    expect((await tick(request.key, 1, true, cast.headers.lead)).statusCode).toBe(200);
    const assignee = await buildPerson(t.database, { agentOf: [cast.team.id] });
    // Ticking a step is no change to the request's own fields: its version stays.
    const assign = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/requests/${request.key}`,
      headers: { ...cast.headers.lead, 'if-match': `"${request.version}"` },
      payload: { assigneeId: assignee.id },
    });
    expect(assign.statusCode, assign.body).toBe(200);
    expect((await tick(request.key, 1, false, await bearerFor(t.database, assignee.id))).statusCode).toBe(200);
  });

  it('refuses ticks on a closed request', async () => {
    const request = await filedThrough(t.app, cast.headers.employee, service.slug, { answers: {} });
    const resolve = await t.app.inject({ method: 'PATCH', url: `/api/v1/requests/${request.key}`, headers: { ...cast.headers.agent, 'if-match': `"${request.version}"` }, payload: { status: 'resolved' } });
    expect(resolve.statusCode, resolve.body).toBe(200);
    const close = await t.app.inject({ method: 'PATCH', url: `/api/v1/requests/${request.key}`, headers: { ...cast.headers.employee, 'if-match': `"${resolve.json().version}"` }, payload: { status: 'closed' } });
    expect(close.statusCode, close.body).toBe(200);
    const response = await tick(request.key, 1, true, cast.headers.agent);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('REQUEST_CLOSED');
  });
});
