import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayFromToday, filedThrough, publishService, timeOffForm } from '../../../test/support/catalog-factories.ts';
import { fingerprint } from '../../../test/support/database-fingerprint.ts';
import { buildCallingPerson, buildPerson, buildTeam, type CallingPerson } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { people } from '../people/people.tables.ts';
import { approvalLinkSecret } from './approvals.service.ts';
import { approvalLinkPair } from './approval-links.ts';
import type { ApprovalView } from './request-work.schema.ts';

// Who may decide an approval, and read the confidential request behind it, as people and requests
// move while it waits: a manager who is no longer the requester's, an approver who left, a handoff
// to another team, and an approver whose decision is made.

type Headers = Record<string, string>;
type Person = CallingPerson;

let t: TestApp;
let hrLead: Person;
let itLead: Person;
let oldManager: Person;
let newManager: Person;
let employee: Person;
let hrTeamId: string;

const person = (overrides: Parameters<typeof buildPerson>[1]) => buildCallingPerson(t.database, overrides);

beforeAll(async () => {
  t = await createTestApp();
  const hr = await buildTeam(t.database, { slug: 'hr', name: 'HR' });
  hrTeamId = hr.id;
  const itTeam = await buildTeam(t.database, { slug: 'it', name: 'IT' });
  hrLead = await person({ name: 'Olivia Lead', leadOf: [hr.id] });
  itLead = await person({ name: 'Tomasz Lead', leadOf: [itTeam.id] });
  oldManager = await person({ name: 'Mia Manager' });
  newManager = await person({ name: 'Noel Manager' });
  employee = await person({ name: 'Chloe Employee' });
  await publishService(t.app, hrLead.headers, 'hr', { slug: 'time-off', confidential: true, form: timeOffForm, approval: { approver: 'manager' } });
  await publishService(t.app, hrLead.headers, 'hr', { slug: 'hr-letter', confidential: true, approval: { approver: 'team_lead' } });
});
afterAll(() => t.close());

const answers = () => ({ first_day: dayFromToday(10), last_day: dayFromToday(12), leave: 'unpaid' });
const setManager = (managerId: string) => t.database.db.update(people).set({ managerId }).where(eq(people.id, employee.id));
const decide = (key: string, approvalId: string, headers: Headers, payload: Record<string, unknown> = { decision: 'approve' }) =>
  t.app.inject({ method: 'POST', url: `/api/v1/requests/${key}/approvals/${approvalId}/decision`, headers, payload });
const approvalsOf = async (headers: Headers, status = 'pending'): Promise<ApprovalView[]> => {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/approvals?status=${status}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
};
const approvalOf = async (key: string): Promise<ApprovalView> => {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${key}/approvals`, headers: employee.headers });
  return response.json().items[0];
};

describe('a manager approval when the requester’s manager changed', () => {
  it('leaves the former manager’s queue; they cannot decide; the owning team’s leads do', async () => {
    await setManager(oldManager.id);
    const request = await filedThrough(t.app, employee.headers, 'time-off', { answers: answers(), description: 'Treatment, please keep private' });
    const approval = await approvalOf(request.key);
    expect(approval.approver?.id).toBe(oldManager.id);
    await setManager(newManager.id);

    expect((await approvalsOf(oldManager.headers)).map((item) => item.request.key)).not.toContain(request.key);
    const before = await fingerprint(t.database);
    const refused = await decide(request.key, approval.id, oldManager.headers);
    expect(refused.statusCode, refused.body).toBe(404);
    expect((await decide(request.key, approval.id, itLead.headers)).statusCode).toBe(404);
    expect(await fingerprint(t.database)).toEqual(before);

    const decided = await decide(request.key, approval.id, hrLead.headers);
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'approved', decidedBy: { id: hrLead.id }, request: { status: 'new' } });
  });

  it('is decided by the owning team’s leads when the named approver has left, and not through their old link', async () => {
    await setManager(oldManager.id);
    const request = await filedThrough(t.app, employee.headers, 'time-off', { answers: answers() });
    const approval = await approvalOf(request.key);
    const link = approvalLinkPair(await approvalLinkSecret(t.database.db), approval.id, oldManager.id, new Date()).approve;
    await t.database.db.update(people).set({ active: false }).where(eq(people.id, oldManager.id));
    try {
      const byLink = await t.app.inject({ method: 'POST', url: '/api/v1/approvals/decide-by-link', payload: { token: link } });
      expect(byLink.statusCode).toBe(404);
      const decided = await decide(request.key, approval.id, hrLead.headers, { decision: 'reject', comment: 'Ask your new manager' });
      expect(decided.statusCode, decided.body).toBe(200);
      expect(decided.json()).toMatchObject({ status: 'rejected', request: { status: 'closed' } });
    } finally {
      await t.database.db.update(people).set({ active: true }).where(eq(people.id, oldManager.id));
    }
  });
});

describe('a request filed on someone’s behalf', () => {
  it('is not approved by the manager who filed it: the owning team’s leads decide', async () => {
    const agentManager = await person({ name: 'Hugo Agent-Manager', agentOf: [hrTeamId] });
    const report = await person({ name: 'Rita Report', managerId: agentManager.id });
    const request = await filedThrough(t.app, agentManager.headers, 'time-off', { answers: answers(), requester: report.id });
    expect(request.requester.id).toBe(report.id);
    const approval = (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${request.key}/approvals`, headers: report.headers })).json().items[0];
    expect(approval).toMatchObject({ rule: 'manager', approver: null, approverTeam: { slug: 'hr' } });
    const timeline = (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${request.key}`, headers: report.headers })).json().timeline;
    expect(timeline.find((entry: { kind: string }) => entry.kind === 'approval_requested')?.data.fallback).toMatch(/filed it on their behalf/);
    expect((await decide(request.key, approval.id, agentManager.headers)).statusCode).not.toBe(200);
    expect((await decide(request.key, approval.id, hrLead.headers)).statusCode).toBe(200);
  });
});

describe('a team approval when the request is handed to another team', () => {
  it('goes to the new team’s leads; the old team’s leads no longer see or decide it', async () => {
    const request = await filedThrough(t.app, employee.headers, 'hr-letter', { description: 'For my visa' });
    const approval = await approvalOf(request.key);
    expect(approval.approverTeam?.slug).toBe('hr');
    const current = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${request.key}`, headers: hrLead.headers });
    const handoff = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/requests/${request.key}`,
      headers: { ...hrLead.headers, 'if-match': `"${current.json().version}"` },
      payload: { team: 'it', reason: 'IT issues visa letters now' },
    });
    expect(handoff.statusCode, handoff.body).toBe(200);

    expect((await approvalOf(request.key)).approverTeam?.slug).toBe('it');
    const timeline = (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${request.key}`, headers: employee.headers })).json().timeline;
    expect(timeline.find((entry: { kind: string }) => entry.kind === 'approval_moved')?.data).toMatchObject({ approvalId: approval.id, approverTeam: { slug: 'it' } });
    expect((await approvalsOf(hrLead.headers)).map((item) => item.request.key)).not.toContain(request.key);
    expect((await approvalsOf(itLead.headers)).map((item) => item.request.key)).toContain(request.key);
    expect((await decide(request.key, approval.id, hrLead.headers)).statusCode).toBe(404);
    const decided = await decide(request.key, approval.id, itLead.headers);
    expect(decided.statusCode, decided.body).toBe(200);
  });
});

describe('an approver’s record of what they decided', () => {
  it('keeps the request’s key and subject, not its description, answers or later status', async () => {
    await setManager(oldManager.id);
    const request = await filedThrough(t.app, employee.headers, 'time-off', { answers: answers(), description: 'Treatment, please keep private' });
    const pending = (await approvalsOf(oldManager.headers)).find((item) => item.request.key === request.key)!;
    expect(pending.request).toMatchObject({ description: 'Treatment, please keep private', status: 'pending_approval' });
    expect(pending.request.answers).toHaveLength(3);
    expect((await decide(request.key, pending.id, oldManager.headers)).statusCode).toBe(200);

    const history = (await approvalsOf(oldManager.headers, 'approved')).find((item) => item.request.key === request.key)!;
    expect(history).toMatchObject({ id: pending.id, status: 'approved', request: { key: request.key, subject: request.subject, requester: { id: employee.id } } });
    expect(history.request.description).toBeUndefined();
    expect(history.request.answers).toBeUndefined();
    expect(history.request.status).toBeUndefined();
    // Someone who may see the request keeps seeing all of it.
    const hrRequest = await filedThrough(t.app, employee.headers, 'hr-letter', { description: 'For my visa' });
    const teamApproval = await approvalOf(hrRequest.key);
    expect((await decide(hrRequest.key, teamApproval.id, hrLead.headers)).statusCode).toBe(200);
    const own = (await approvalsOf(hrLead.headers, 'approved')).find((item) => item.request.key === hrRequest.key)!;
    expect(own.request).toMatchObject({ description: 'For my visa', status: 'new' });
  });
});
