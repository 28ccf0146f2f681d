import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { actorOf, buildOfficeCalendar, buildPolicy, buildService, fileThroughService } from '../../../test/support/sla-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { fireDueTimers } from '../../platform/jobs/timers.ts';
import { domainTimerHandlers } from '../domain-timers.ts';
import { addComment, applyHallwayChange, changeRequest } from '../requests/requests.service.ts';
import type { RequestDetailView } from '../requests/requests.schema.ts';
import type { ClockView } from './sla.schema.ts';

// A request's SLA clocks through a whole life, on fixed instants in March 2026 (London is on GMT,
// so local and UTC times agree): office hours Monday to Friday 09:00-17:00.

let t: TestApp;
type Person = Awaited<ReturnType<typeof buildPerson>>;
let team: Awaited<ReturnType<typeof buildTeam>>;
let people: { employee: Person; agent: Person; backup: Person; lead: Person; stranger: Person };
let headers: Record<keyof typeof people, Record<string, string>>;
let serviceId: string;

const at = (iso: string) => new Date(iso);
const fire = (iso: string) => fireDueTimers(t.database, domainTimerHandlers, { now: at(iso) });

beforeAll(async () => {
  t = await createTestApp();
  team = await buildTeam(t.database, { name: 'IT Support' });
  people = {
    employee: await buildPerson(t.database, { name: 'Emma Employee' }),
    agent: await buildPerson(t.database, { name: 'Alan Agent', agentOf: [team.id] }),
    backup: await buildPerson(t.database, { name: 'Bea Backup', agentOf: [team.id] }),
    lead: await buildPerson(t.database, { name: 'Lena Lead', leadOf: [team.id] }),
    stranger: await buildPerson(t.database, { name: 'Sam Stranger' }),
  };
  headers = Object.fromEntries(await Promise.all(Object.entries(people).map(async ([role, person]) => [role, await bearerFor(t.database, person.id)]))) as typeof headers;
  await buildOfficeCalendar(t.database, team.id);
  const policyId = await buildPolicy(
    t.database,
    team.id,
    { normal: { firstResponse: 60, nextResponse: 60, resolution: 240 }, high: { firstResponse: 30, resolution: 120 } },
    { warnAtPercent: 50, escalation: { notifyLead: true, raisePriority: true, reassignTo: people.backup.id } },
  );
  serviceId = (await buildService(t.database, team.id, { slaPolicyId: policyId })).id;
});
afterAll(() => t.close());

async function clocks(key: string, who: Record<string, string> = headers.employee): Promise<Record<string, ClockView>> {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${key}/sla`, headers: who });
  expect(response.statusCode, response.body).toBe(200);
  return Object.fromEntries(response.json().clocks.map((clock: ClockView) => [clock.metric, clock]));
}

async function timeline(key: string): Promise<RequestDetailView['timeline']> {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${key}`, headers: headers.agent });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().timeline;
}

const slaKinds = (entries: RequestDetailView['timeline']) => entries.filter((entry) => entry.kind.startsWith('sla_')).map((entry) => `${entry.kind}:${String(entry.data.metric)}`);

async function setStatus(key: string, status: 'in_progress' | 'waiting_on_requester' | 'resolved', when: string) {
  const actor = await actorOf(t.database, people.agent);
  const [row] = await t.database.rows<{ version: number }>(sql`select version from requests where key = ${key}`);
  return changeRequest(t.database.db, actor, key, { status, expectedVersion: row!.version }, { at: at(when) });
}

const reply = async (who: Person, key: string, body: string, when: string) =>
  addComment(t.database.db, await actorOf(t.database, who), key, { body, visibility: 'public' }, { at: at(when) });

describe('an SLA paused, resumed, warned, breached and escalated', () => {
  it('walks the clocks through a request’s life, and the timeline tells it', async () => {
    const request = await fileThroughService(t.database, people.employee, team, serviceId, { at: at('2026-03-02T09:00:00Z') });
    let now = await clocks(request.key);
    expect(now.first_response).toMatchObject({ targetMinutes: 60, dueAt: '2026-03-02T10:00:00.000Z', paused: false, source: 'policy', businessHours: true });
    expect(now.resolution).toMatchObject({ targetMinutes: 240, dueAt: '2026-03-02T13:00:00.000Z' });

    // The first public reply at 09:10 meets the first-response target.
    await reply(people.agent, request.key, 'Looking at it now.', '2026-03-02T09:10:00Z');
    await setStatus(request.key, 'in_progress', '2026-03-02T09:15:00Z');
    // Waiting on the requester from 09:20: resolution has used 20 minutes and stands still.
    await setStatus(request.key, 'waiting_on_requester', '2026-03-02T09:20:00Z');
    now = await clocks(request.key);
    expect(now.first_response).toMatchObject({ met: 'met', stoppedAt: '2026-03-02T09:10:00.000Z' });
    expect(now.resolution).toMatchObject({ paused: true, dueAt: null, remainingMinutes: 220 });

    // The old schedule's warning (11:00) and breach (13:00) are stale: firing them does nothing.
    await fire('2026-03-02T13:30:00Z');
    expect(slaKinds(await timeline(request.key))).not.toContain('sla_warning:resolution');
    expect((await clocks(request.key)).resolution).toMatchObject({ warnedAt: null, breachedAt: null });

    // The requester answers at 14:00: resolution resumes with 220 left (180 today, 40 Tuesday), and
    // their question starts a next-response wait that the agent's reply at 14:20 meets.
    await reply(people.employee, request.key, 'Here is the screenshot.', '2026-03-02T14:00:00Z');
    now = await clocks(request.key);
    expect(now.resolution).toMatchObject({ paused: false, dueAt: '2026-03-03T09:40:00.000Z' });
    expect(now.next_response).toMatchObject({ targetMinutes: 60, dueAt: '2026-03-02T15:00:00.000Z' });
    await reply(people.agent, request.key, 'Thanks, on it.', '2026-03-02T14:20:00Z');
    expect((await clocks(request.key)).next_response).toMatchObject({ met: 'met' });

    // Half the target (120 minutes) is used at 15:40.
    await fire('2026-03-02T16:00:00Z');
    now = await clocks(request.key);
    expect(now.resolution?.warnedAt).toBe('2026-03-02T16:00:00.000Z');
    expect(now.resolution?.breachedAt).toBeNull();

    // Tuesday 09:40 the target is used up: breach, then the policy's escalation.
    await fire('2026-03-03T10:00:00Z');
    const view = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${request.key}`, headers: headers.agent });
    expect(view.json()).toMatchObject({ priority: 'high', assignee: { id: people.backup.id, name: 'Bea Backup' } });
    const entries = await timeline(request.key);
    const escalated = entries.find((entry) => entry.kind === 'sla_escalated');
    expect(escalated?.data).toMatchObject({ metric: 'resolution', raisedPriority: 'high', reassignedTo: people.backup.id, notifiedLeads: [{ id: people.lead.id, name: 'Lena Lead' }] });
    expect(escalated?.visibility).toBe('internal');
    expect(entries.find((entry) => entry.kind === 'priority_changed')?.data).toMatchObject({ from: 'normal', to: 'high', reason: 'SLA breached: resolution' });
    expect(slaKinds(entries)).toEqual([
      'sla_clock_started:first_response',
      'sla_clock_started:resolution',
      'sla_clock_stopped:first_response',
      'sla_clock_paused:resolution',
      'sla_clock_resumed:resolution',
      'sla_clock_started:next_response',
      'sla_clock_stopped:next_response',
      'sla_warning:resolution',
      'sla_breached:resolution',
      'sla_clock_retargeted:resolution',
      'sla_escalated:resolution',
    ]);
    now = await clocks(request.key);
    expect(now.resolution).toMatchObject({ breachedAt: '2026-03-03T09:40:00.000Z', targetMinutes: 120 });

    // Exactly once: nothing is left to fire, and firing again changes nothing.
    expect(await fire('2026-03-04T10:00:00Z')).toBe(0);
    expect(slaKinds(await timeline(request.key)).filter((kind) => kind.startsWith('sla_breached'))).toHaveLength(1);

    await setStatus(request.key, 'resolved', '2026-03-03T11:00:00Z');
    expect((await clocks(request.key)).resolution).toMatchObject({ met: 'missed', stoppedAt: '2026-03-03T11:00:00.000Z' });
  });

  it('the requester sees their clocks but not the bookkeeping; a stranger sees neither', async () => {
    const request = await fileThroughService(t.database, people.employee, team, serviceId, { at: at('2026-03-09T09:00:00Z') });
    const asRequester = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${request.key}`, headers: headers.employee });
    expect(asRequester.json().timeline.filter((entry: { kind: string }) => entry.kind.startsWith('sla_'))).toEqual([]);
    expect(Object.keys(await clocks(request.key))).toEqual(['first_response', 'resolution']);
    const asStranger = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${request.key}/sla`, headers: headers.stranger });
    expect(asStranger.statusCode).toBe(404);
    expect(asStranger.json().code).toBe('REQUEST_NOT_FOUND');
  });
});

describe('first response', () => {
  it('is missed when the breach came first, and the breach escalated before the reply', async () => {
    const request = await fileThroughService(t.database, people.employee, team, serviceId, { at: at('2026-03-10T09:00:00Z') });
    await fire('2026-03-10T10:05:00Z');
    const breached = await clocks(request.key);
    expect(breached.first_response).toMatchObject({ breachedAt: '2026-03-10T10:00:00.000Z', met: null });
    await reply(people.agent, request.key, 'Sorry for the wait.', '2026-03-10T10:30:00Z');
    // The escalation raised the priority to high, whose first-response target is 30 minutes: 90 used.
    expect((await clocks(request.key)).first_response).toMatchObject({ met: 'missed', targetMinutes: 30, remainingMinutes: -60 });
  });

  it('a pending approval holds the clocks paused from the start; approval starts them', async () => {
    const request = await fileThroughService(t.database, people.employee, team, serviceId, { at: at('2026-03-11T09:00:00Z'), status: 'pending_approval' });
    expect((await clocks(request.key)).first_response).toMatchObject({ paused: true, dueAt: null, remainingMinutes: 60 });
    const [row] = await t.database.rows<{ id: string }>(sql`select id from requests where key = ${request.key}`);
    const [timers] = await t.database.rows<{ count: number }>(
      sql`select count(*)::int as count from timers where payload->>'clockId' in (select id::text from request_sla_clocks where request_id = ${row!.id})`,
    );
    expect(timers?.count).toBe(0);
    await t.database.db.transaction((tx) => applyHallwayChange(tx, row!.id, { status: 'new', reason: 'approved' }, { at: at('2026-03-12T16:30:00Z') }));
    expect((await clocks(request.key)).first_response).toMatchObject({ paused: false, dueAt: '2026-03-13T09:30:00.000Z' });
  });
});
