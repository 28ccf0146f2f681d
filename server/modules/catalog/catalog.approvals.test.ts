import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayFromToday, fileThrough, filedThrough, publishService, timeOffForm } from '../../../test/support/catalog-factories.ts';
import { fingerprint } from '../../../test/support/database-fingerprint.ts';
import { buildCallingPerson, buildPerson, buildTeam, type CallingPerson } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { approvalLinkSecret } from './approvals.service.ts';
import type { ServiceView } from './catalog.schema.ts';
import { approvalLinkPair, signApprovalLink } from './approval-links.ts';
import type { ApprovalView } from './request-work.schema.ts';

// Approvals: a request from a service that needs one waits (pending_approval) until its approver
// decides; approved -> new, rejected -> closed, each on the timeline the requester reads.

type Headers = Record<string, string>;
type Person = CallingPerson;

let t: TestApp;
let hrLead: Person;
let hrLead2: Person;
let hrAgent: Person;
let manager: Person;
let employee: Person;
let orphan: Person;
let stranger: Person;
let timeOff: ServiceView;
let teamApproved: ServiceView;

const person = (overrides: Parameters<typeof buildPerson>[1]) => buildCallingPerson(t.database, overrides);

beforeAll(async () => {
  t = await createTestApp();
  const hr = await buildTeam(t.database, { slug: 'hr', name: 'HR' });
  hrLead = await person({ name: 'Olivia Lead', leadOf: [hr.id] });
  hrLead2 = await person({ name: 'Omar Lead', leadOf: [hr.id] });
  hrAgent = await person({ name: 'Hana Agent', agentOf: [hr.id] });
  manager = await person({ name: 'Mia Manager' });
  employee = await person({ name: 'Chloe Employee', managerId: manager.id, timeZone: 'Europe/London' });
  orphan = await person({ name: 'Noah Nomanager' });
  stranger = await person({ name: 'Sam Stranger' });
  timeOff = await publishService(t.app, hrLead.headers, 'hr', {
    slug: 'book-time-off',
    name: 'Book time off',
    requestType: 'task',
    confidential: true,
    form: timeOffForm,
    procedure: [{ title: 'Record the leave in the payroll system' }],
    approval: { approver: 'manager' },
  });
  teamApproved = await publishService(t.app, hrLead.headers, 'hr', { name: 'Letter of employment', approval: { approver: 'team_lead' } });
});
afterAll(() => t.close());

const answers = () => ({ first_day: dayFromToday(10), last_day: dayFromToday(12), leave: 'holiday' });

async function pendingApprovalOf(key: string, headers: Headers): Promise<ApprovalView> {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${key}/approvals`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items[0];
}

const decide = (key: string, approvalId: string, headers: Headers, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/api/v1/requests/${key}/approvals/${approvalId}/decision`, headers, payload });

const timelineOf = async (key: string, headers: Headers) => {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${key}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { status: string; timeline: Array<{ kind: string; actor: { id: string } | null; data: Record<string, unknown> }> };
};

describe('time off, end to end through the API', () => {
  it('employee books, manager sees it in their queue and approves, HR gets a new request', async () => {
    const catalog = await t.app.inject({ method: 'GET', url: '/api/v1/services', headers: employee.headers });
    const listed = catalog.json().items.find((item: ServiceView) => item.slug === 'book-time-off');
    expect(listed.form.fields.map((field: { name: string }) => field.name)).toEqual(['first_day', 'last_day', 'leave']);

    const request = await filedThrough(t.app, employee.headers, 'book-time-off', { answers: answers() });
    expect(request).toMatchObject({ status: 'pending_approval', confidential: true, subject: 'Book time off' });

    const queue = await t.app.inject({ method: 'GET', url: '/api/v1/approvals', headers: manager.headers });
    const mine = queue.json().items.find((item: ApprovalView) => item.request.key === request.key);
    expect(mine).toMatchObject({ rule: 'manager', status: 'pending', approver: { id: manager.id }, request: { requester: { id: employee.id } } });
    expect(mine.request.answers.map((answer: { text: string }) => answer.text)).toEqual([answers().first_day, answers().last_day, 'Holiday']);

    const approved = await decide(request.key, mine.id, manager.headers, { decision: 'approve', comment: 'Enjoy!' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', comment: 'Enjoy!', decidedBy: { id: manager.id }, request: { status: 'new' } });

    const seen = await timelineOf(request.key, employee.headers);
    expect(seen.status).toBe('new');
    const kinds = seen.timeline.map((entry) => entry.kind);
    expect(kinds).toEqual(expect.arrayContaining(['created', 'approval_requested', 'approval_decided', 'status_changed']));
    const decided = seen.timeline.find((entry) => entry.kind === 'approval_decided')!;
    expect(decided).toMatchObject({ actor: { id: manager.id }, data: { decision: 'approved', comment: 'Enjoy!' } });
    const requested = seen.timeline.find((entry) => entry.kind === 'approval_requested')!;
    expect(requested.data).toMatchObject({ rule: 'manager', approver: { id: manager.id, name: 'Mia Manager' } });

    const after = await t.app.inject({ method: 'GET', url: '/api/v1/approvals', headers: manager.headers });
    expect(after.json().items.some((item: ApprovalView) => item.request.key === request.key)).toBe(false);
    const history = await t.app.inject({ method: 'GET', url: '/api/v1/approvals?status=approved', headers: manager.headers });
    expect(history.json().items.map((item: ApprovalView) => item.request.key)).toContain(request.key);
  });

  it('a rejection closes the request, with the reason on its timeline', async () => {
    const request = await filedThrough(t.app, employee.headers, timeOff.id, { answers: answers() });
    const approval = await pendingApprovalOf(request.key, employee.headers);
    const noReason = await decide(request.key, approval.id, manager.headers, { decision: 'reject' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([{ field: 'body.comment', reason: 'a rejection needs a comment the requester can read' }]);
    const rejected = await decide(request.key, approval.id, manager.headers, { decision: 'reject', comment: 'Release week' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const seen = await timelineOf(request.key, employee.headers);
    expect(seen.status).toBe('closed');
    expect(seen.timeline.find((entry) => entry.kind === 'approval_decided')?.data).toMatchObject({ decision: 'rejected', comment: 'Release week' });
  });
});

describe('who decides', () => {
  it('refuses the wrong people, without writing anything', async () => {
    const request = await filedThrough(t.app, employee.headers, 'book-time-off', { answers: answers() });
    const approval = await pendingApprovalOf(request.key, employee.headers);
    const before = await fingerprint(t.database);
    // The requester sees the request but is not the approver: 403. A stranger learns nothing: 404.
    // HR's lead sees the (confidential) request but the manager decides: 403.
    const cases: Array<[Person, number]> = [[employee, 403], [stranger, 404], [hrAgent, 404], [hrLead, 403]];
    for (const [who, status] of cases) {
      const response = await decide(request.key, approval.id, who.headers, { decision: 'approve' });
      expect(response.statusCode, response.body).toBe(status);
    }
    const wrongRequest = await filedThrough(t.app, employee.headers, 'book-time-off', { answers: answers() });
    expect((await decide(wrongRequest.key, approval.id, manager.headers, { decision: 'approve' })).statusCode).toBe(404);
    expect((await decide('HR-99999', approval.id, manager.headers, { decision: 'approve' })).statusCode).toBe(404);
    const after = await fingerprint(t.database);
    expect({ ...after, requests: '', request_events: '', request_steps: '', request_approvals: '' }).toEqual({
      ...before,
      requests: '',
      request_events: '',
      request_steps: '',
      request_approvals: '',
    });
    expect((await pendingApprovalOf(request.key, employee.headers)).status).toBe('pending');
  });

  it('a decided approval cannot be decided again: 409', async () => {
    const request = await filedThrough(t.app, employee.headers, 'book-time-off', { answers: answers() });
    const approval = await pendingApprovalOf(request.key, employee.headers);
    expect((await decide(request.key, approval.id, manager.headers, { decision: 'approve' })).statusCode).toBe(200);
    const before = await fingerprint(t.database);
    const again = await decide(request.key, approval.id, manager.headers, { decision: 'reject', comment: 'Changed my mind' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('APPROVAL_ALREADY_DECIDED');
    expect(await fingerprint(t.database)).toEqual(before);
  });

  it('two decisions at once: exactly one wins, the other hears it was decided', async () => {
    const request = await filedThrough(t.app, employee.headers, 'book-time-off', { answers: answers() });
    const approval = await pendingApprovalOf(request.key, employee.headers);
    const answered = await Promise.all([
      decide(request.key, approval.id, manager.headers, { decision: 'approve' }),
      decide(request.key, approval.id, manager.headers, { decision: 'reject', comment: 'No' }),
    ]);
    expect(answered.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    const seen = await timelineOf(request.key, employee.headers);
    expect(seen.timeline.filter((entry) => entry.kind === 'approval_decided')).toHaveLength(1);
    const winner = answered.find((response) => response.statusCode === 200)!.json();
    expect(seen.status).toBe(winner.status === 'approved' ? 'new' : 'closed');
  });

  it("falls back to the team's leads when the requester has no manager, and says so", async () => {
    const request = await filedThrough(t.app, orphan.headers, 'book-time-off', { answers: answers() });
    const approval = await pendingApprovalOf(request.key, orphan.headers);
    expect(approval).toMatchObject({ rule: 'manager', approver: null, approverTeam: { slug: 'hr' } });
    const seen = await timelineOf(request.key, orphan.headers);
    expect(seen.timeline.find((entry) => entry.kind === 'approval_requested')?.data.fallback).toMatch(/no active manager/);
    const queue = await t.app.inject({ method: 'GET', url: '/api/v1/approvals', headers: hrLead2.headers });
    expect(queue.json().items.map((item: ApprovalView) => item.id)).toContain(approval.id);
    expect((await decide(request.key, approval.id, hrLead2.headers, { decision: 'approve' })).statusCode).toBe(200);
  });

  it('a team-lead rule is decided by any lead of the team, but never by the requester', async () => {
    const own = await filedThrough(t.app, hrLead.headers, teamApproved.slug, { answers: {} });
    const approval = await pendingApprovalOf(own.key, hrLead.headers);
    const queue = await t.app.inject({ method: 'GET', url: '/api/v1/approvals', headers: hrLead.headers });
    expect(queue.json().items.map((item: ApprovalView) => item.id)).not.toContain(approval.id);
    expect((await decide(own.key, approval.id, hrLead.headers, { decision: 'approve' })).statusCode).toBe(403);
    expect((await decide(own.key, approval.id, hrAgent.headers, { decision: 'approve' })).statusCode).toBe(403);
    expect((await decide(own.key, approval.id, hrLead2.headers, { decision: 'approve' })).statusCode).toBe(200);
  });

  it("a lead's queue is full even when their own requests come first", async () => {
    const own = await publishService(t.app, hrLead.headers, 'hr', { approval: { approver: 'team_lead' } });
    for (let index = 0; index < 12; index += 1) await filedThrough(t.app, hrLead2.headers, own.slug, { answers: {} });
    const theirs = await filedThrough(t.app, employee.headers, own.slug, { answers: {} });
    const queue = await t.app.inject({ method: 'GET', url: '/api/v1/approvals?limit=1', headers: hrLead2.headers });
    expect(queue.json().items.map((item: ApprovalView) => item.request.key)).toEqual([theirs.key]);
  });

  it('a request waiting for approval cannot be moved by hand, nor its steps ticked', async () => {
    const request = await filedThrough(t.app, employee.headers, 'book-time-off', { answers: answers() });
    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/requests/${request.key}`,
      // The version filing answered with is current: opening the approval did not move it on.
      headers: { ...hrLead.headers, 'if-match': `"${request.version}"` },
      payload: { status: 'in_progress' },
    });
    expect(moved.statusCode).toBe(409);
    const ticked = await t.app.inject({ method: 'PATCH', url: `/api/v1/requests/${request.key}/steps/1`, headers: hrLead.headers, payload: { done: true } });
    expect(ticked.statusCode).toBe(409);
    expect(ticked.json().code).toBe('REQUEST_AWAITING_APPROVAL');
  });

  it('bad decisions are refused at their field', async () => {
    const request = await filedThrough(t.app, employee.headers, 'book-time-off', { answers: answers() });
    const approval = await pendingApprovalOf(request.key, employee.headers);
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [approval.id, { decision: 'maybe' }, 'body.decision'],
      [approval.id, { decision: 'approve', comment: 'x'.repeat(2001) }, 'body.comment'],
      [approval.id, { decision: 'approve', extra: 1 }, 'body.extra'],
      ['not-an-id', { decision: 'approve' }, 'params.approvalId'],
    ];
    for (const [id, payload, field] of cases) {
      const response = await decide(request.key, id, manager.headers, payload);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().errors.map((error: { field: string }) => error.field)).toContain(field);
    }
    const bad = await fileThrough(t.app, employee.headers, 'book-time-off', { answers: { ...answers(), first_day: dayFromToday(-1) } });
    expect(bad.json().errors.map((error: { field: string }) => error.field)).toEqual(['body.answers.first_day']);
  });
});

describe('one-click links', () => {
  const byLink = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/approvals/decide-by-link', payload });

  it('decide without signing in, as the person the link was mailed to; once', async () => {
    const request = await filedThrough(t.app, employee.headers, 'book-time-off', { answers: answers() });
    const approval = await pendingApprovalOf(request.key, employee.headers);
    const links = approvalLinkPair(await approvalLinkSecret(t.database.db), approval.id, manager.id, new Date());
    const approved = await byLink({ token: links.approve, comment: 'From my phone' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: { id: manager.id }, request: { status: 'new' } });
    const seen = await timelineOf(request.key, employee.headers);
    expect(seen.timeline.find((entry) => entry.kind === 'approval_decided')).toMatchObject({ actor: { id: manager.id }, data: { comment: 'From my phone' } });
    const again = await byLink({ token: links.reject, comment: 'No' });
    expect(again.statusCode).toBe(409);
  });

  it('refuse forged, expired and misdirected links, writing nothing', async () => {
    const request = await filedThrough(t.app, employee.headers, 'book-time-off', { answers: answers() });
    const approval = await pendingApprovalOf(request.key, employee.headers);
    const before = await fingerprint(t.database);
    const forged = approvalLinkPair('not-the-secret', approval.id, manager.id, new Date()).approve;
    const expired = signApprovalLink(await approvalLinkSecret(t.database.db), { approvalId: approval.id, decision: 'approve', deciderId: manager.id, expiresAt: new Date(Date.now() - 1000) });
    const toStranger = approvalLinkPair(await approvalLinkSecret(t.database.db), approval.id, stranger.id, new Date()).approve;
    const toRequester = approvalLinkPair(await approvalLinkSecret(t.database.db), approval.id, employee.id, new Date()).approve;
    const rejectWithoutWhy = approvalLinkPair(await approvalLinkSecret(t.database.db), approval.id, manager.id, new Date()).reject;
    const cases: Array<[Record<string, unknown>, number, string?]> = [
      [{ token: forged }, 400, 'body.token'],
      [{ token: expired }, 400, 'body.token'],
      [{ token: 'garbage' }, 400, 'body.token'],
      [{}, 400, 'body.token'],
      [{ token: toStranger }, 404],
      [{ token: toRequester }, 403],
      [{ token: rejectWithoutWhy }, 400, 'body.comment'],
    ];
    for (const [payload, status, field] of cases) {
      const response = await byLink(payload);
      expect(response.statusCode, response.body).toBe(status);
      if (field) expect(response.json().errors.map((error: { field: string }) => error.field)).toContain(field);
    }
    expect(await fingerprint(t.database)).toEqual(before);
  });
});
