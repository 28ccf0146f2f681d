import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { actorOf, buildOfficeCalendar, buildPolicy, buildService, fileThroughService } from '../../../test/support/sla-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { RequestView } from './requests.schema.ts';
import { changeRequest, type ChangeRequestInput } from './requests.service.ts';

// A request's dueAt/warnAt follow its running SLA clocks (migration 0006's trigger), and every view
// shows them as they are after the change's reactions, not as the change's own UPDATE left them.
// Office hours 09:00-17:00 London (GMT in March); normal: first response 60 min, resolution 240, warning at 80%.

let t: TestApp;
type Person = Awaited<ReturnType<typeof buildPerson>>;
let team: Awaited<ReturnType<typeof buildTeam>>;
let employee: Person;
let agent: Person;
let agentHeaders: Record<string, string>;
let serviceId: string;

beforeAll(async () => {
  t = await createTestApp();
  team = await buildTeam(t.database);
  employee = await buildPerson(t.database);
  agent = await buildPerson(t.database, { agentOf: [team.id] });
  agentHeaders = await bearerFor(t.database, agent.id);
  await buildOfficeCalendar(t.database, team.id);
  const policyId = await buildPolicy(t.database, team.id, { normal: { firstResponse: 60, resolution: 240 } });
  serviceId = (await buildService(t.database, team.id, { slaPolicyId: policyId })).id;
});
afterAll(() => t.close());

async function change(key: string, input: Omit<ChangeRequestInput, 'expectedVersion'>, iso: string): Promise<RequestView> {
  const [row] = await t.database.rows<{ version: number }>(sql`select version from requests where key = ${key}`);
  return changeRequest(t.database.db, await actorOf(t.database, agent), key, { ...input, expectedVersion: row!.version }, { at: new Date(iso) });
}

async function listed(key: string): Promise<RequestView> {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/requests?team=${team.slug}`, headers: agentHeaders });
  expect(response.statusCode, response.body).toBe(200);
  const item = (response.json().items as RequestView[]).find((view) => view.key === key);
  expect(item).toBeDefined();
  return item!;
}

describe('due and warning instants on a request', () => {
  it('are set while a clock runs, null while waiting, set again when work resumes, null once resolved', async () => {
    const filed = await fileThroughService(t.database, employee, team, serviceId, { at: new Date('2026-03-02T09:00:00Z') });
    // First response due 10:00 (warning at 48 of 60 minutes), resolution 13:00: the earliest counts.
    expect(filed).toMatchObject({ dueAt: '2026-03-02T10:00:00.000Z', warnAt: '2026-03-02T09:48:00.000Z' });
    expect(await listed(filed.key)).toMatchObject({ dueAt: '2026-03-02T10:00:00.000Z', warnAt: '2026-03-02T09:48:00.000Z' });

    await change(filed.key, { status: 'in_progress' }, '2026-03-02T09:10:00Z');
    const waiting = await change(filed.key, { status: 'waiting_on_requester' }, '2026-03-02T09:30:00Z');
    expect(waiting).toMatchObject({ dueAt: null, warnAt: null });
    expect(await listed(filed.key)).toMatchObject({ dueAt: null, warnAt: null });

    // 30 of 60 first-response minutes used: due 11:30, warning once 48 are used, at 11:18.
    const resumed = await change(filed.key, { status: 'in_progress' }, '2026-03-02T11:00:00Z');
    expect(resumed).toMatchObject({ dueAt: '2026-03-02T11:30:00.000Z', warnAt: '2026-03-02T11:18:00.000Z' });

    const resolved = await change(filed.key, { status: 'resolved' }, '2026-03-02T12:00:00Z');
    expect(resolved).toMatchObject({ dueAt: null, warnAt: null });
    expect(await listed(filed.key)).toMatchObject({ dueAt: null, warnAt: null });
  });

  it('are null on a request asked outside the catalog (no clock)', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: agentHeaders, payload: { team: team.slug, subject: 'No clock' } });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ dueAt: null, warnAt: null });
  });
});
