import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { RequestActor } from './requests.policy.ts';
import type { RequestView } from './requests.schema.ts';
import { changeRequest, createRequest } from './requests.service.ts';

// The list: filters, search and keyset pages (the service is called directly to set the scene).

let t: TestApp;
let team: Awaited<ReturnType<typeof buildTeam>>;
let other: Awaited<ReturnType<typeof buildTeam>>;
let agent: RequestActor;
let employee: RequestActor;
let agentHeaders: Record<string, string>;
let employeeHeaders: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  team = await buildTeam(t.database);
  other = await buildTeam(t.database);
  const agentPerson = await buildPerson(t.database, { name: 'Agnes Agent', agentOf: [team.id, other.id] });
  const employeePerson = await buildPerson(t.database, { name: 'Eric Employee' });
  agent = { personId: agentPerson.id, name: agentPerson.name, isAdmin: false, memberships: [{ teamId: team.id, role: 'agent' }, { teamId: other.id, role: 'agent' }] };
  employee = { personId: employeePerson.id, name: employeePerson.name, isAdmin: false, memberships: [] };
  agentHeaders = await bearerFor(t.database, agentPerson.id);
  employeeHeaders = await bearerFor(t.database, employeePerson.id);
});
afterAll(() => t.close());

async function list(query: string, headers = agentHeaders): Promise<{ items: RequestView[]; nextCursor: string | null }> {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/requests?${query}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('listing requests', () => {
  it('walks pages newest first without repeating or skipping, even when rows share an instant', async () => {
    const pages = await buildTeam(t.database);
    const sameInstant = new Date('2024-03-01T09:00:00.000Z');
    const created: string[] = [];
    for (let index = 0; index < 7; index++) {
      const at = index < 4 ? sameInstant : new Date(sameInstant.getTime() + index * 60_000);
      const answer = await createRequest(t.database.db, agent, { team: pages.slug, subject: `Page item ${index}` }, { at });
      created.push(answer.body.key);
    }
    const seen: RequestView[] = [];
    let cursor: string | null = null;
    let pageCount = 0;
    do {
      const page = await list(`team=${pages.slug}&limit=3${cursor ? `&cursor=${cursor}` : ''}`, employeeHeaders);
      pageCount += 1;
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    // The employee filed none of these: the agent did, so the employee sees none.
    expect(seen).toHaveLength(0);

    cursor = null;
    pageCount = 0;
    do {
      const page: { items: RequestView[]; nextCursor: string | null } = await list(`team=${pages.slug}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      pageCount += 1;
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(pageCount).toBe(3);
    expect(seen.map((view) => view.key).sort()).toEqual([...created].sort());
    const times = seen.map((view) => view.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(seen[0]!.subject).toBe('Page item 6');
  });

  it('filters by team, status, assignee, requester and words', async () => {
    const mine = await createRequest(t.database.db, employee, { team: team.slug, subject: 'Broken chair in room 4' });
    const theirs = await createRequest(t.database.db, agent, { team: other.slug, subject: 'Projector flickers' });
    await changeRequest(t.database.db, agent, theirs.body.key, { assigneeId: agent.personId, status: 'in_progress', expectedVersion: 1 });

    const keys = (page: { items: RequestView[] }) => page.items.map((view) => view.key);
    expect(keys(await list(`team=${other.slug}`))).toContain(theirs.body.key);
    expect(keys(await list(`team=${other.slug}`))).not.toContain(mine.body.key);
    expect(keys(await list('status=in_progress,resolved'))).toEqual([theirs.body.key]);
    expect(keys(await list('assignee=me'))).toEqual([theirs.body.key]);
    expect(keys(await list(`assignee=${agent.personId}`))).toEqual([theirs.body.key]);
    expect(keys(await list('assignee=none&text=chair'))).toEqual([mine.body.key]);
    expect(keys(await list('requester=me', employeeHeaders))).toEqual([mine.body.key]);
    expect(keys(await list(`requester=${employee.personId}`))).toEqual([mine.body.key]);
    expect(keys(await list('text=projector'))).toEqual([theirs.body.key]);
    expect(keys(await list('text=Projector%20flickers'))).toEqual([theirs.body.key]);
    expect(keys(await list('text=projector', employeeHeaders))).toEqual([]);
  });

  it('gives 25 by default and at most what limit says', async () => {
    const many = await buildTeam(t.database);
    for (let index = 0; index < 27; index++) {
      await createRequest(t.database.db, employee, { team: many.slug, subject: `Bulk ${index}` });
    }
    const first = await list(`team=${many.slug}`, employeeHeaders);
    expect(first.items).toHaveLength(25);
    expect(first.nextCursor).not.toBeNull();
    const rest = await list(`team=${many.slug}&cursor=${first.nextCursor}`, employeeHeaders);
    expect(rest.items).toHaveLength(2);
    expect(rest.nextCursor).toBeNull();
    expect((await list(`team=${many.slug}&limit=1`, employeeHeaders)).items).toHaveLength(1);
  });
});

describe('a confidential case and an assignee who left the team', () => {
  it('drops out of their list and their view once their membership ends', async () => {
    const hr = await buildTeam(t.database);
    const lead = await buildPerson(t.database, { leadOf: [hr.id] });
    const leaver = await buildPerson(t.database, { agentOf: [hr.id] });
    const leadActor: RequestActor = { personId: lead.id, name: lead.name, isAdmin: false, memberships: [{ teamId: hr.id, role: 'lead' }] };
    const filed = await createRequest(t.database.db, employee, { team: hr.slug, subject: 'Grievance', confidential: true });
    await changeRequest(t.database.db, leadActor, filed.body.key, { assigneeId: leaver.id, expectedVersion: filed.body.version });
    const leaverHeaders = await bearerFor(t.database, leaver.id);
    expect((await list(`team=${hr.slug}`, leaverHeaders)).items.map((item) => item.key)).toEqual([filed.body.key]);

    await t.database.rows(sql`delete from team_memberships where person_id = ${leaver.id}`);
    expect((await list(`team=${hr.slug}`, leaverHeaders)).items).toEqual([]);
    const view = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${filed.body.key}`, headers: leaverHeaders });
    expect(view.statusCode).toBe(404);
  });
});
