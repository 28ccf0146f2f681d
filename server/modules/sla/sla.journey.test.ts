import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filedThrough, publishService } from '../../../test/support/catalog-factories.ts';
import { buildCast, type Cast } from '../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { fireDueTimers } from '../../platform/jobs/timers.ts';
import { domainTimerHandlers } from '../domain-timers.ts';
import type { ClockView } from './sla.schema.ts';

// The whole way through the API as people use it: a lead sets a policy, publishes a service with
// it, an employee asks, and the request carries its clocks. The team keeps no calendar, so every
// minute counts and the due instants are exact sums.

let t: TestApp;
let cast: Cast;
beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
});
afterAll(() => t.close());

describe('a policy, a service, a request', () => {
  it('carries due times from filing, and a breach escalates to the lead', async () => {
    const policy = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sla-policies',
      headers: cast.headers.lead,
      payload: { team: cast.team.slug, name: 'Laptops', targets: { normal: { firstResponse: 30, resolution: 600 } }, escalation: { notifyLead: true, raisePriority: true } },
    });
    expect(policy.statusCode, policy.body).toBe(201);
    const service = await publishService(t.app, cast.headers.lead, cast.team.slug, { slaPolicyId: policy.json().id });
    const request = await filedThrough(t.app, cast.headers.employee, service.slug, { subject: 'Broken screen', answers: {} });

    const sla = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${request.key}/sla`, headers: cast.headers.employee });
    expect(sla.statusCode, sla.body).toBe(200);
    const byMetric: Record<string, ClockView> = Object.fromEntries(sla.json().clocks.map((clock: ClockView) => [clock.metric, clock]));
    const filedAt = Date.parse(request.createdAt);
    expect(byMetric.first_response).toMatchObject({ targetMinutes: 30, businessHours: false, paused: false });
    expect(Date.parse(byMetric.first_response!.dueAt!)).toBe(filedAt + 30 * 60_000);
    expect(Date.parse(byMetric.resolution!.dueAt!)).toBe(filedAt + 600 * 60_000);

    // 25 minutes in, 80% of the first response is used: a warning. An hour later nobody has
    // answered: the first response breached, the priority went up.
    await fireDueTimers(t.database, domainTimerHandlers, { now: new Date(filedAt + 25 * 60_000) });
    await fireDueTimers(t.database, domainTimerHandlers, { now: new Date(filedAt + 60 * 60_000) });
    const seen = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${request.key}`, headers: cast.headers.lead });
    expect(seen.json().priority).toBe('high');
    const kinds = seen.json().timeline.map((entry: { kind: string }) => entry.kind);
    expect(kinds).toEqual(expect.arrayContaining(['sla_warning', 'sla_breached', 'priority_changed', 'sla_escalated']));
    const escalated = seen.json().timeline.find((entry: { kind: string }) => entry.kind === 'sla_escalated');
    expect(escalated.data.notifiedLeads).toEqual([{ id: cast.people.lead.id, name: cast.people.lead.name }]);
  });
});
