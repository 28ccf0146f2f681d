import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { actorOf, buildOfficeCalendar, buildPolicy, buildService, fileThroughService } from '../../../test/support/sla-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { fireDueTimers, scheduleTimer } from '../../platform/jobs/timers.ts';
import { domainTimerHandlers } from '../domain-timers.ts';
import { changeRequest, type ChangeRequestInput } from '../requests/requests.service.ts';
import type { ClockView } from './sla.schema.ts';

// Clocks through resolve, reopen, close, a priority change by a person and a handoff; timers of an
// older schedule. Fixed instants in March 2026 (London on GMT), office hours 09:00-17:00 Mon-Fri.

let t: TestApp;
type Person = Awaited<ReturnType<typeof buildPerson>>;
let team: Awaited<ReturnType<typeof buildTeam>>;
let otherTeam: Awaited<ReturnType<typeof buildTeam>>;
let employee: Person;
let agent: Person;
let agentHeaders: Record<string, string>;
let serviceId: string;

const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await createTestApp();
  team = await buildTeam(t.database);
  otherTeam = await buildTeam(t.database);
  employee = await buildPerson(t.database);
  agent = await buildPerson(t.database, { agentOf: [team.id], leadOf: [otherTeam.id] });
  agentHeaders = await bearerFor(t.database, agent.id);
  await buildOfficeCalendar(t.database, team.id);
  const policyId = await buildPolicy(t.database, team.id, { normal: { firstResponse: 60, resolution: 240 }, urgent: { firstResponse: 15, resolution: 60 } });
  serviceId = (await buildService(t.database, team.id, { slaPolicyId: policyId })).id;
});
afterAll(() => t.close());

async function clocks(key: string): Promise<Record<string, ClockView>> {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${key}/sla`, headers: agentHeaders });
  expect(response.statusCode, response.body).toBe(200);
  return Object.fromEntries(response.json().clocks.map((clock: ClockView) => [clock.metric, clock]));
}

async function change(key: string, input: Omit<ChangeRequestInput, 'expectedVersion'>, iso: string) {
  const [row] = await t.database.rows<{ version: number }>(sql`select version from requests where key = ${key}`);
  return changeRequest(t.database.db, await actorOf(t.database, agent), key, { ...input, expectedVersion: row!.version }, { at: at(iso) });
}

describe('clocks through the lifecycle', () => {
  it('resolved stops resolution, a reopen resumes it from what it ran, closed stops every clock', async () => {
    const request = await fileThroughService(t.database, employee, team, serviceId, { at: at('2026-03-02T09:00:00Z') });
    await change(request.key, { status: 'in_progress' }, '2026-03-02T09:30:00Z');
    await change(request.key, { status: 'resolved' }, '2026-03-02T10:00:00Z');
    let now = await clocks(request.key);
    expect(now.resolution).toMatchObject({ met: 'met', stoppedAt: '2026-03-02T10:00:00.000Z', remainingMinutes: 180 });
    // Resolved without a word to the requester: the first response waits, paused, for a reopen.
    expect(now.first_response).toMatchObject({ paused: true, remainingMinutes: 0, met: null });

    await change(request.key, { status: 'in_progress' }, '2026-03-02T14:00:00Z');
    now = await clocks(request.key);
    expect(now.resolution).toMatchObject({ stoppedAt: null, met: null, dueAt: '2026-03-02T17:00:00.000Z' });
    expect(now.first_response).toMatchObject({ paused: false, dueAt: '2026-03-02T14:00:00.000Z' });

    await change(request.key, { status: 'resolved' }, '2026-03-02T15:00:00Z');
    await change(request.key, { status: 'closed' }, '2026-03-02T15:30:00Z');
    now = await clocks(request.key);
    expect(now.resolution).toMatchObject({ met: 'met', remainingMinutes: 120 });
    expect(now.first_response).toMatchObject({ met: 'missed', stoppedAt: '2026-03-02T15:30:00.000Z' });
  });

  it('a priority change by an agent retargets the running clocks, keeping what ran', async () => {
    const request = await fileThroughService(t.database, employee, team, serviceId, { at: at('2026-03-03T09:00:00Z') });
    await change(request.key, { priority: 'urgent' }, '2026-03-03T09:10:00Z');
    const now = await clocks(request.key);
    expect(now.first_response).toMatchObject({ targetMinutes: 15, dueAt: '2026-03-03T09:15:00.000Z' });
    expect(now.resolution).toMatchObject({ targetMinutes: 60, dueAt: '2026-03-03T10:00:00.000Z' });
  });

  it('a handoff keeps the clocks: the requester’s wait does not start again', async () => {
    const request = await fileThroughService(t.database, employee, team, serviceId, { at: at('2026-03-04T09:00:00Z') });
    await change(request.key, { team: otherTeam.slug, reason: 'Belongs to facilities' }, '2026-03-04T09:30:00Z');
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${request.key}/sla`, headers: agentHeaders });
    const byMetric = Object.fromEntries(response.json().clocks.map((clock: ClockView) => [clock.metric, clock]));
    expect(byMetric.first_response).toMatchObject({ dueAt: '2026-03-04T10:00:00.000Z', startedAt: '2026-03-04T09:00:00.000Z', businessHours: true });
  });

  it('a timer of an older schedule, or for a stopped clock, does nothing', async () => {
    const request = await fileThroughService(t.database, employee, team, serviceId, { at: at('2026-03-05T09:00:00Z') });
    const [clock] = await t.database.rows<{ id: string; generation: number }>(
      sql`select c.id, c.generation from request_sla_clocks c join requests r on r.id = c.request_id where r.key = ${request.key} and c.metric = 'resolution'`,
    );
    await t.database.db.transaction((tx) =>
      scheduleTimer(tx, { kind: 'sla.breach', dueAt: at('2026-03-05T09:01:00Z'), payload: { clockId: clock!.id, generation: clock!.generation - 1 } }),
    );
    await t.database.db.transaction((tx) =>
      scheduleTimer(tx, { kind: 'sla.warning', dueAt: at('2026-03-05T09:01:00Z'), payload: { clockId: '00000000-0000-4000-8000-000000000000', generation: 1 } }),
    );
    const [before] = await t.database.rows<{ version: number }>(sql`select version from requests where key = ${request.key}`);
    expect(await fireDueTimers(t.database, domainTimerHandlers, { now: at('2026-03-05T09:02:00Z') })).toBeGreaterThanOrEqual(2);
    const [after] = await t.database.rows<{ version: number }>(sql`select version from requests where key = ${request.key}`);
    expect(after!.version).toBe(before!.version);
    expect((await clocks(request.key)).resolution).toMatchObject({ breachedAt: null, warnedAt: null });
  });
});
