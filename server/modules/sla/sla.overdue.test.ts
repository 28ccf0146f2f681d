import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { actorOf, buildOfficeCalendar, buildPolicy, buildService, fileThroughService } from '../../../test/support/sla-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { fireDueTimers } from '../../platform/jobs/timers.ts';
import { domainTimerHandlers } from '../domain-timers.ts';
import { addComment, changeRequest } from '../requests/requests.service.ts';
import type { RequestDetailView } from '../requests/requests.schema.ts';
import type { ClockView } from './sla.schema.ts';

// A change that moves a clock after its due instant but before the breach timer fired: the timer
// loop polls (up to HALLWAY_TIMER_POLL_MS late), a process may have been down, and the demo writes
// a month of back-dated history before any timer runs. The breach must not get lost on the way.
// London office hours Monday to Friday 09:00-17:00, March 2026 (GMT, so local = UTC).

let t: TestApp;
type Person = Awaited<ReturnType<typeof buildPerson>>;
let team: Awaited<ReturnType<typeof buildTeam>>;
let people: { employee: Person; agent: Person; backup: Person; lead: Person };
let agentHeaders: Record<string, string>;
let serviceId: string;

const at = (iso: string) => new Date(iso);
const fire = (iso: string) => fireDueTimers(t.database, domainTimerHandlers, { now: at(iso) });

beforeAll(async () => {
  t = await createTestApp();
  team = await buildTeam(t.database, { name: 'Overdue Desk' });
  people = {
    employee: await buildPerson(t.database, { name: 'Omar Employee' }),
    agent: await buildPerson(t.database, { name: 'Ola Agent', agentOf: [team.id] }),
    backup: await buildPerson(t.database, { name: 'Ben Backup', agentOf: [team.id] }),
    lead: await buildPerson(t.database, { name: 'Lia Lead', leadOf: [team.id] }),
  };
  agentHeaders = await bearerFor(t.database, people.agent.id);
  await buildOfficeCalendar(t.database, team.id);
  const policyId = await buildPolicy(
    t.database,
    team.id,
    { normal: { firstResponse: 60, resolution: 240 }, high: { firstResponse: 30, resolution: 120 } },
    { warnAtPercent: 50, escalation: { notifyLead: true, raisePriority: true, reassignTo: people.backup.id } },
  );
  serviceId = (await buildService(t.database, team.id, { slaPolicyId: policyId })).id;
});
afterAll(() => t.close());

async function clocks(key: string): Promise<Record<string, ClockView>> {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${key}/sla`, headers: agentHeaders });
  expect(response.statusCode, response.body).toBe(200);
  return Object.fromEntries(response.json().clocks.map((clock: ClockView) => [clock.metric, clock]));
}

async function detail(key: string): Promise<RequestDetailView> {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${key}`, headers: agentHeaders });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const ofKind = (entries: RequestDetailView['timeline'], kind: string) => entries.filter((entry) => entry.kind === kind);

async function setStatus(key: string, status: 'in_progress' | 'waiting_on_requester' | 'resolved', when: string) {
  const [row] = await t.database.rows<{ version: number }>(sql`select version from requests where key = ${key}`);
  return changeRequest(t.database.db, await actorOf(t.database, people.agent), key, { status, expectedVersion: row!.version }, { at: at(when) });
}

const reply = async (who: Person, key: string, when: string) =>
  addComment(t.database.db, await actorOf(t.database, who), key, { body: 'Hello', visibility: 'public' }, { at: at(when) });

describe('a clock moved after its due instant, before its breach timer fired', () => {
  it('a late first reply records the breach it came after (at its due instant), once', async () => {
    const request = await fileThroughService(t.database, people.employee, team, serviceId, { at: at('2026-03-02T09:00:00Z') });
    await reply(people.agent, request.key, '2026-03-02T10:30:00Z');
    expect((await clocks(request.key)).first_response).toMatchObject({ met: 'missed', breachedAt: '2026-03-02T10:00:00.000Z' });
    const breaches = ofKind((await detail(request.key)).timeline, 'sla_breached');
    expect(breaches.map((entry) => entry.data)).toEqual([expect.objectContaining({ metric: 'first_response', dueAt: '2026-03-02T10:00:00.000Z' })]);
    // The stale timer finds the breach recorded; the clock stopped, so there is nobody to chase.
    await fire('2026-03-02T10:31:00Z');
    const after = await detail(request.key);
    expect(ofKind(after.timeline, 'sla_breached')).toHaveLength(1);
    expect(ofKind(after.timeline, 'sla_escalated')).toHaveLength(0);
    expect(after.priority).toBe('normal');
  });

  it('a pause after the due instant keeps the breach at its due instant and still escalates', async () => {
    const request = await fileThroughService(t.database, people.employee, team, serviceId, { at: at('2026-03-03T09:00:00Z') });
    await reply(people.agent, request.key, '2026-03-03T09:10:00Z');
    await setStatus(request.key, 'in_progress', '2026-03-03T09:15:00Z');
    // Resolution (240 business minutes) is due 13:00; the agent asks the requester a question at 13:30.
    await setStatus(request.key, 'waiting_on_requester', '2026-03-03T13:30:00Z');
    expect((await clocks(request.key)).resolution).toMatchObject({ paused: true, breachedAt: '2026-03-03T13:00:00.000Z' });
    expect(ofKind((await detail(request.key)).timeline, 'sla_breached').map((entry) => entry.data.metric)).toEqual(['resolution']);

    // The policy's escalation runs on the durable queue, once.
    await fire('2026-03-03T13:31:00Z');
    let seen = await detail(request.key);
    expect(ofKind(seen.timeline, 'sla_escalated').map((entry) => entry.data)).toEqual([
      expect.objectContaining({ metric: 'resolution', raisedPriority: 'high', reassignedTo: people.backup.id }),
    ]);
    expect(seen).toMatchObject({ priority: 'high', assignee: { id: people.backup.id } });

    // Resuming does not breach it a second time (nor move the breach to the resume instant).
    await reply(people.employee, request.key, '2026-03-03T15:00:00Z');
    await setStatus(request.key, 'in_progress', '2026-03-03T15:05:00Z');
    await fire('2026-03-04T12:00:00Z');
    seen = await detail(request.key);
    expect(ofKind(seen.timeline, 'sla_breached')).toHaveLength(1);
    expect(ofKind(seen.timeline, 'sla_escalated')).toHaveLength(1);
    expect((await clocks(request.key)).resolution).toMatchObject({ breachedAt: '2026-03-03T13:00:00.000Z' });
  });

  it('a pause at exactly the due instant is not a breach', async () => {
    const request = await fileThroughService(t.database, people.employee, team, serviceId, { at: at('2026-03-05T09:00:00Z') });
    await reply(people.agent, request.key, '2026-03-05T09:10:00Z');
    await setStatus(request.key, 'in_progress', '2026-03-05T09:15:00Z');
    await setStatus(request.key, 'waiting_on_requester', '2026-03-05T13:00:00Z');
    expect((await clocks(request.key)).resolution).toMatchObject({ paused: true, breachedAt: null });
    expect(ofKind((await detail(request.key)).timeline, 'sla_breached')).toHaveLength(0);
  });
});

describe('timers that were due long ago (a first start over back-dated history, a process that was down)', () => {
  it('a warning whose clock is already past due says nothing: the breach that fires with it says it all', async () => {
    const request = await fileThroughService(t.database, people.employee, team, serviceId, { at: at('2026-03-09T09:00:00Z') });
    // Nobody ran the timers for a day: the 50% warning (09:30) and the breach (10:00) fire together.
    await fire('2026-03-10T12:00:00Z');
    const entries = (await detail(request.key)).timeline.filter((entry) => entry.data.metric === 'first_response');
    expect(entries.map((entry) => entry.kind)).toContain('sla_breached');
    expect(entries.map((entry) => entry.kind)).not.toContain('sla_warning');
  });
});
