import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { buildOfficeCalendar, buildPolicy, buildService, fileThroughService } from '../../../test/support/sla-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { fireDueTimers } from '../../platform/jobs/timers.ts';
import { domainTimerHandlers } from '../domain-timers.ts';
import type { RequestDetailView } from '../requests/requests.schema.ts';

// Escalation when the people it names have gone: a lead who left is not "notified", a backup who
// left is not assigned, and an urgent request has no higher priority to go to.

let t: TestApp;
type Person = Awaited<ReturnType<typeof buildPerson>>;
let team: Awaited<ReturnType<typeof buildTeam>>;
let people: { employee: Person; agent: Person; leftLead: Person; lead: Person; leftBackup: Person };
let agentHeaders: Record<string, string>;
let serviceId: string;

const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await createTestApp();
  team = await buildTeam(t.database, { name: 'Escalation Desk' });
  people = {
    employee: await buildPerson(t.database, { name: 'Eve Employee' }),
    agent: await buildPerson(t.database, { name: 'Abe Agent', agentOf: [team.id] }),
    leftLead: await buildPerson(t.database, { name: 'Lou Left', leadOf: [team.id], active: false }),
    lead: await buildPerson(t.database, { name: 'Liv Lead', leadOf: [team.id] }),
    leftBackup: await buildPerson(t.database, { name: 'Bo Gone', agentOf: [team.id], active: false }),
  };
  agentHeaders = await bearerFor(t.database, people.agent.id);
  await buildOfficeCalendar(t.database, team.id);
  const policyId = await buildPolicy(
    t.database,
    team.id,
    { urgent: { firstResponse: 15, resolution: 60 } },
    { escalation: { notifyLead: true, raisePriority: true, reassignTo: people.leftBackup.id } },
  );
  serviceId = (await buildService(t.database, team.id, { slaPolicyId: policyId, defaultPriority: 'urgent' })).id;
});
afterAll(() => t.close());

describe('escalating a breach', () => {
  it('names only the leads still here, keeps urgent as it is and skips a backup who left', async () => {
    const request = await fileThroughService(t.database, people.employee, team, serviceId, { at: at('2026-03-02T09:00:00Z'), priority: 'urgent' });
    await fireDueTimers(t.database, domainTimerHandlers, { now: at('2026-03-02T09:20:00Z') });
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${request.key}`, headers: agentHeaders });
    const seen: RequestDetailView = response.json();
    expect(seen).toMatchObject({ priority: 'urgent', assignee: null });
    const escalations = seen.timeline.filter((entry) => entry.kind === 'sla_escalated');
    expect(escalations).toHaveLength(1);
    expect(escalations[0]!.data).toMatchObject({
      metric: 'first_response',
      notifiedLeads: [{ id: people.lead.id, name: 'Liv Lead' }],
      raisedPriority: null,
      reassignSkipped: expect.any(String),
    });
    expect(seen.timeline.filter((entry) => entry.kind === 'priority_changed')).toHaveLength(0);
  });
});
