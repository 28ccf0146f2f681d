import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { actorOf, buildPolicy, buildService, fileThroughService } from '../../../test/support/sla-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { RequestView } from './requests.schema.ts';
import { changeRequest, createRequest } from './requests.service.ts';

// The desk's queue: sorted by due time with keyset pages across the requests that have no running
// clock, breaching soon, the priority filter, and a team's counts as each role may see them. The
// team has no calendar, so every minute counts: normal is due 60 minutes after filing, urgent 10.

let t: TestApp;
type Person = Awaited<ReturnType<typeof buildPerson>>;
type Team = Awaited<ReturnType<typeof buildTeam>>;
let team: Team;
let employee: Person;
let agent: Person;
let agentHeaders: Record<string, string>;
let serviceId: string;
const keys: Record<string, string> = {};

const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await createTestApp();
  team = await buildTeam(t.database);
  employee = await buildPerson(t.database);
  agent = await buildPerson(t.database, { agentOf: [team.id] });
  agentHeaders = await bearerFor(t.database, agent.id);
  const policyId = await buildPolicy(t.database, team.id, {
    urgent: { firstResponse: 10, resolution: 20 },
    normal: { firstResponse: 60, resolution: 240 },
    low: { firstResponse: 500_000, resolution: 600_000 },
  });
  serviceId = (await buildService(t.database, team.id, { slaPolicyId: policyId })).id;
  const file = async (name: string, iso: string, priority: 'urgent' | 'normal' | 'low' = 'normal') => {
    keys[name] = (await fileThroughService(t.database, employee, team, serviceId, { at: at(iso), priority, subject: name })).key;
  };
  await file('due 10:00', '2026-03-02T09:00:00Z');
  await file('due 09:00', '2026-03-02T08:00:00Z');
  await file('due 09:10', '2026-03-02T09:00:00Z', 'urgent');
  // Two due at 12:00: the newer (filed 11:50) comes first.
  await file('due 12:00, older', '2026-03-02T11:00:00Z');
  await file('due 12:00, newer', '2026-03-02T11:50:00Z', 'urgent');
  // Filed just now with a year to answer: clocked, but far from its warning.
  await file('due next year', new Date().toISOString(), 'low');
  const employeeActor = await actorOf(t.database, employee);
  for (const [name, iso] of [['no clock, oldest', '2026-01-01T10:00:00Z'], ['no clock, middle', '2026-02-01T10:00:00Z'], ['no clock, newest', '2026-04-01T10:00:00Z']] as const) {
    keys[name] = (await createRequest(t.database.db, employeeActor, { team: team.slug, subject: name }, { at: at(iso) })).body.key;
  }
});
afterAll(() => t.close());

async function list(query: string, headers = agentHeaders): Promise<{ items: RequestView[]; nextCursor: string | null }> {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/requests?team=${team.slug}&${query}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function walk(query: string): Promise<{ subjects: string[]; pages: number }> {
  const subjects: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: { items: RequestView[]; nextCursor: string | null } = await list(`${query}${cursor ? `&cursor=${cursor}` : ''}`);
    subjects.push(...page.items.map((item) => item.subject));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor);
  return { subjects, pages };
}

const byDue = [
  'due 09:00',
  'due 09:10',
  'due 10:00',
  'due 12:00, newer',
  'due 12:00, older',
  'due next year',
  'no clock, newest',
  'no clock, middle',
  'no clock, oldest',
];

describe('sorted by due time', () => {
  it('walks the queue earliest due first, then the requests with no running clock newest first, whatever the page size', async () => {
    for (const limit of [1, 2, 3, 6, 9]) {
      const walked = await walk(`sort=due&limit=${limit}`);
      expect(walked.subjects, `limit ${limit}`).toEqual(byDue);
      expect(walked.pages).toBe(Math.ceil(byDue.length / limit));
    }
    const first = await list('sort=due&limit=3');
    expect(first.items[0]).toMatchObject({ subject: 'due 09:00', dueAt: '2026-03-02T09:00:00.000Z', warnAt: '2026-03-02T08:48:00.000Z' });
  });

  it('keeps the newest-first order by default', async () => {
    const walked = await walk('limit=4');
    expect(walked.subjects.slice(0, 2)).toEqual(['due next year', 'no clock, newest']);
    expect(walked.subjects.at(-1)).toBe('no clock, oldest');
  });

  it('drops a request from the clocked part once its clocks pause', async () => {
    const moved = await fileThroughService(t.database, employee, team, serviceId, { at: at('2026-03-02T07:00:00Z'), subject: 'paused later' });
    expect((await list('sort=due&limit=1')).items[0]!.key).toBe(moved.key);
    const agentActor = await actorOf(t.database, agent);
    await changeRequest(t.database.db, agentActor, moved.key, { status: 'in_progress', expectedVersion: moved.version }, { at: at('2026-03-02T07:05:00Z') });
    await changeRequest(t.database.db, agentActor, moved.key, { status: 'waiting_on_requester', expectedVersion: moved.version + 1 }, { at: at('2026-03-02T07:10:00Z') });
    const walked = await walk('sort=due&limit=4');
    expect(walked.subjects[0]).toBe('due 09:00');
    // Paused, it has no due time: among the unclocked, by when it was filed (older than 'no clock, newest').
    expect(walked.subjects.slice(6)).toEqual(['no clock, newest', 'paused later', 'no clock, middle', 'no clock, oldest']);
  });
});

describe('filters', () => {
  it('breaching=soon keeps only requests at or past their warning instant', async () => {
    const soon = await list('breaching=soon&sort=due');
    expect(soon.items.map((item) => item.subject)).toEqual(['due 09:00', 'due 09:10', 'due 10:00', 'due 12:00, newer', 'due 12:00, older']);
    expect(soon.items.every((item) => item.warnAt !== null && Date.parse(item.warnAt) <= Date.now())).toBe(true);
  });

  it('priority takes one or more priorities', async () => {
    expect((await list('priority=urgent&sort=due')).items.map((item) => item.subject)).toEqual(['due 09:10', 'due 12:00, newer']);
    expect((await list('priority=low,urgent&sort=due')).items.map((item) => item.subject)).toEqual(['due 09:10', 'due 12:00, newer', 'due next year']);
    expect((await list('priority=high')).items).toEqual([]);
  });
});

describe("a team's counts", () => {
  let counted: Team;
  let lead: Person;
  let plainAgent: Person;

  beforeAll(async () => {
    counted = await buildTeam(t.database);
    lead = await buildPerson(t.database, { leadOf: [counted.id] });
    plainAgent = await buildPerson(t.database, { agentOf: [counted.id] });
    const policyId = await buildPolicy(t.database, counted.id, { normal: { firstResponse: 60, resolution: 240 } });
    const countedService = (await buildService(t.database, counted.id, { slaPolicyId: policyId })).id;
    const asAgent = await actorOf(t.database, plainAgent);
    const asEmployee = await actorOf(t.database, employee);
    const file = (subject: string, confidential = false) => createRequest(t.database.db, asEmployee, { team: counted.slug, subject, confidential }).then((answer) => answer.body);

    // Breaching: filed through the service long ago, still new and unassigned.
    await fileThroughService(t.database, employee, counted, countedService, { at: at('2026-03-02T09:00:00Z') });
    const mine = await file('assigned to the agent');
    await changeRequest(t.database.db, asAgent, mine.key, { status: 'in_progress', assigneeId: plainAgent.id, expectedVersion: mine.version });
    const waiting = await file('waiting on the requester');
    await changeRequest(t.database.db, asAgent, waiting.key, { status: 'acknowledged', expectedVersion: waiting.version });
    await changeRequest(t.database.db, asAgent, waiting.key, { status: 'waiting_on_requester', expectedVersion: waiting.version + 1 });
    const resolved = await file('resolved');
    await changeRequest(t.database.db, asAgent, resolved.key, { status: 'resolved', expectedVersion: resolved.version });
    // Seen and counted only by the team's lead (and the requester, who may not count the queue).
    await file('a grievance', true);
  });

  async function counts(headers: Record<string, string>, slug = counted.slug) {
    return t.app.inject({ method: 'GET', url: `/api/v1/requests/counts?team=${slug}`, headers });
  }

  it("counts what a plain agent may see: not the team's confidential requests", async () => {
    const response = await counts(await bearerFor(t.database, plainAgent.id));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      team: counted.slug,
      open: 3,
      mine: 1,
      unassigned: 2,
      breachingSoon: 1,
      waitingOnRequester: 1,
      byStatus: { pending_approval: 0, new: 1, acknowledged: 0, in_progress: 1, waiting_on_requester: 1, resolved: 1, closed: 0 },
    });
  });

  it('counts the confidential request for the lead, and for an admin only what admins see', async () => {
    const asLead = await counts(await bearerFor(t.database, lead.id));
    expect(asLead.statusCode, asLead.body).toBe(200);
    expect(asLead.json()).toMatchObject({ open: 4, mine: 0, unassigned: 3, byStatus: { new: 2 } });
    const admin = await buildPerson(t.database, { isAdmin: true });
    const asAdmin = await counts(await bearerFor(t.database, admin.id));
    expect(asAdmin.statusCode, asAdmin.body).toBe(200);
    expect(asAdmin.json()).toMatchObject({ open: 3, unassigned: 2, byStatus: { new: 1 } });
  });

  it("refuses anyone who does not work the team's queue, and names an unknown team", async () => {
    const outsider = await counts(await bearerFor(t.database, employee.id));
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json()).toMatchObject({ code: 'FORBIDDEN' });
    // An agent of another team is an outsider here too.
    expect((await counts(agentHeaders)).statusCode).toBe(403);
    const unknown = await counts(agentHeaders, 'no-such-team');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ field: 'query.team' })]);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/requests/counts?team=${counted.slug}` })).statusCode).toBe(401);
  });
});

describe('the OpenAPI document', () => {
  it('describes the sort, the counts and the bulk change', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const paths = response.json().paths;
    const listParameters: Array<{ name: string; description?: string; schema: { enum?: string[] } }> = paths['/api/v1/requests'].get.parameters;
    expect(listParameters.find((parameter) => parameter.name === 'sort')).toMatchObject({ schema: { enum: ['newest', 'due'] } });
    expect(listParameters.map((parameter) => parameter.name)).toEqual(expect.arrayContaining(['priority', 'breaching', 'cursor']));
    expect(paths['/api/v1/requests/counts'].get.summary).toContain('queue counts');
    expect(paths['/api/v1/requests/bulk'].post.description).toContain('own transaction');
  });
});
