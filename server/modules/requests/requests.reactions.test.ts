import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filedThrough, publishService } from '../../../test/support/catalog-factories.ts';
import { buildCast, type Cast } from '../../../test/support/roles.ts';
import { buildOfficeCalendar, buildPolicy } from '../../../test/support/sla-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildOnboarding } from '../../../test/support/workflow-factories.ts';

// Other modules react to a request's changes in the same transaction (clocks, steps, approvals).
// Their bookkeeping must not move the version a client was just given: the ETag of an answer is
// the version to send with the next change.

describe('versions through reactions', () => {
  let t: TestApp;
  let cast: Cast;
  let service: string;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await buildCast(t.database);
    await buildOfficeCalendar(t.database, cast.team.id);
    const slaPolicyId = await buildPolicy(t.database, cast.team.id, { normal: { firstResponse: 60, nextResponse: 60, resolution: 480 } });
    service = (await publishService(t.app, cast.headers.admin, cast.team.slug, { slaPolicyId, procedure: [{ title: 'Check the serial number' }] })).slug;
  });
  afterAll(() => t.close());

  it('answers each write with the version the next write must name', async () => {
    const filed = await filedThrough(t.app, cast.headers.employee, service, { answers: {} });
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${filed.key}`, headers: cast.headers.agent });
    expect(read.json().version).toBe(filed.version);
    // The SLA reaction wrote clock events at filing: they are on the timeline, the version did not move.
    expect(read.json().timeline.map((entry: { kind: string }) => entry.kind)).toContain('sla_clock_started');

    let version = filed.version;
    for (const status of ['acknowledged', 'waiting_on_requester', 'in_progress'] as const) {
      const changed = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/requests/${filed.key}`,
        headers: { ...cast.headers.agent, 'if-match': `"${version}"` },
        payload: { status },
      });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.headers.etag).toBe(`"${changed.json().version}"`);
      version = changed.json().version;
    }
    const after = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${filed.key}`, headers: cast.headers.agent });
    expect(after.json().version).toBe(version);
    const kinds = after.json().timeline.map((entry: { kind: string }) => entry.kind);
    expect(kinds).toEqual(expect.arrayContaining(['sla_clock_paused', 'sla_clock_resumed']));
  });

  it('carries its service and its due times on the detail view, and nothing of the kind for a free-form request', async () => {
    const filed = await filedThrough(t.app, cast.headers.employee, service, { answers: {} });
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${filed.key}`, headers: cast.headers.employee })).json();
    expect(detail.service).toMatchObject({ slug: service });
    expect(detail.parent).toBeNull();
    const byMetric = Object.fromEntries(detail.sla.map((clock: { metric: string }) => [clock.metric, clock]));
    expect(Object.keys(byMetric).sort()).toEqual(['first_response', 'resolution']);
    expect(byMetric.first_response).toMatchObject({ targetMinutes: 60, paused: false, met: null });
    expect(Date.parse(byMetric.first_response.dueAt)).toBeGreaterThan(Date.parse(detail.createdAt));

    const freeForm = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: cast.headers.employee, payload: { team: cast.team.slug, subject: 'Just a question' } });
    const plain = (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${freeForm.json().key}`, headers: cast.headers.employee })).json();
    expect(plain).toMatchObject({ service: null, parent: null, sla: [] });
  });
});

describe('a linked request of a workflow', () => {
  it('names its parent to those who may open the parent, and to no one else', async () => {
    const t = await createTestApp();
    try {
      const onboarding = await buildOnboarding(t.database);
      const parent = await filedThrough(t.app, onboarding.headers.manager, onboarding.services.onboarding.slug, { subject: 'Welcome Sam', answers: {} });
      const progress = (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${parent.key}/workflow`, headers: onboarding.headers.manager })).json();
      const itStep = progress.steps.find((step: { step: string }) => step.step === 'it');
      const asRequester = (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${itStep.request.key}`, headers: onboarding.headers.manager })).json();
      expect(asRequester.parent).toEqual({ key: parent.key, subject: 'Welcome Sam' });
      // The IT agent works the laptop step but is not HR: the onboarding request stays unnamed.
      const asItAgent = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${itStep.request.key}`, headers: onboarding.headers.it });
      expect(asItAgent.statusCode).toBe(200);
      expect(asItAgent.json().parent).toBeNull();
    } finally {
      await t.close();
    }
  });
});
