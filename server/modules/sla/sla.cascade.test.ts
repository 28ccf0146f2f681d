import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { buildPolicy, buildService, fileThroughService } from '../../../test/support/sla-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { fireDueTimers } from '../../platform/jobs/timers.ts';
import { domainTimerHandlers } from '../domain-timers.ts';
import type { RequestDetailView } from '../requests/requests.schema.ts';

// One breach raises the priority one step. The higher priority's shorter targets may already be
// used up by the other clocks: that is a breach of theirs, recorded, but not a second escalation
// within the same minute (which would take a normal request to urgent at once).

let t: TestApp;
let agentHeaders: Record<string, string>;
let team: Awaited<ReturnType<typeof buildTeam>>;
let employee: Awaited<ReturnType<typeof buildPerson>>;
let serviceId: string;
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await createTestApp();
  // No calendar: every wall-clock minute counts, which keeps the arithmetic plain.
  team = await buildTeam(t.database, { name: 'Cascade Desk' });
  employee = await buildPerson(t.database, { name: 'Cai Employee' });
  const agent = await buildPerson(t.database, { name: 'Ada Agent', agentOf: [team.id] });
  agentHeaders = await bearerFor(t.database, agent.id);
  const policyId = await buildPolicy(
    t.database,
    team.id,
    { normal: { firstResponse: 60, resolution: 240 }, high: { firstResponse: 30, resolution: 60 }, urgent: { firstResponse: 15, resolution: 30 } },
    { escalation: { notifyLead: true, raisePriority: true } },
  );
  serviceId = (await buildService(t.database, team.id, { slaPolicyId: policyId })).id;
});
afterAll(() => t.close());

describe('an escalation that raises the priority', () => {
  it('raises it one step per breach, recording the other clock as breached without escalating it again', async () => {
    const request = await fileThroughService(t.database, employee, team, serviceId, { at: at('2026-03-02T09:00:00Z') });
    // First response (60) breaches at 10:00: priority normal -> high, whose resolution target (60)
    // the resolution clock has used up by then.
    await fireDueTimers(t.database, domainTimerHandlers, { now: at('2026-03-02T10:01:00Z') });
    await fireDueTimers(t.database, domainTimerHandlers, { now: at('2026-03-02T10:02:00Z') });
    const seen: RequestDetailView = (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${request.key}`, headers: agentHeaders })).json();
    expect(seen.priority).toBe('high');
    expect(seen.timeline.filter((entry) => entry.kind === 'sla_escalated')).toHaveLength(1);
    expect(seen.timeline.filter((entry) => entry.kind === 'priority_changed')).toHaveLength(1);
    const breached = seen.timeline.filter((entry) => entry.kind === 'sla_breached').map((entry) => entry.data.metric);
    expect(breached.sort()).toEqual(['first_response', 'resolution']);
    expect(seen.sla.every((clock) => clock.breachedAt !== null && clock.met !== 'met')).toBe(true);
  });
});
