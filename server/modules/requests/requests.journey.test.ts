import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { RequestView, TimelineEntry } from './requests.schema.ts';
import { fileRequest, patchRequest, readRequest } from './requests.test-support.ts';

let t: TestApp;
let as: { employee: Record<string, string>; agent: Record<string, string>; lead: Record<string, string> };
let ids: { employee: string; agent: string; lead: string };
let teamSlug: string;
let prefix: string;

beforeAll(async () => {
  t = await createTestApp();
  const team = await buildTeam(t.database, { name: 'IT Support' });
  teamSlug = team.slug;
  prefix = team.keyPrefix;
  const employee = await buildPerson(t.database, { name: 'Emma Employee' });
  const agent = await buildPerson(t.database, { name: 'Alan Agent', agentOf: [team.id] });
  const lead = await buildPerson(t.database, { name: 'Lena Lead', leadOf: [team.id] });
  ids = { employee: employee.id, agent: agent.id, lead: lead.id };
  as = {
    employee: await bearerFor(t.database, employee.id),
    agent: await bearerFor(t.database, agent.id),
    lead: await bearerFor(t.database, lead.id),
  };
});
afterAll(() => t.close());

async function comment(who: Record<string, string>, key: string, body: string, visibility = 'public') {
  const response = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${key}/comments`, headers: who, payload: { body, visibility } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { event: TimelineEntry; request: RequestView };
}

async function change(who: Record<string, string>, current: RequestView, body: Record<string, unknown>): Promise<RequestView> {
  const response = await patchRequest(t.app, who, current.key, current.version, body);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers.etag).toBe(`"${current.version + 1}"`);
  return response.json();
}

describe('a request from first words to closing', () => {
  it('walks every step as the employee, the agent and the lead, and the timeline tells the story', async () => {
    let request = await fileRequest(t.app, as.employee, { team: teamSlug, subject: 'My laptop will not start', description: 'Black screen since this morning.' });
    expect(request).toMatchObject({ key: `${prefix}-1`, status: 'new', priority: 'normal', version: 1, assignee: null });
    expect(request.requester).toEqual({ id: ids.employee, name: 'Emma Employee' });
    expect(request.team).toEqual({ slug: teamSlug, name: 'IT Support' });

    request = await change(as.lead, request, { assigneeId: ids.agent, priority: 'high' });
    expect(request.assignee).toEqual({ id: ids.agent, name: 'Alan Agent' });
    request = await change(as.agent, request, { status: 'acknowledged' });
    expect(request.acknowledgedAt).not.toBeNull();
    expect(request.firstRespondedAt).toBeNull(); // acknowledging is not a response

    request = (await comment(as.agent, request.key, 'Is the charging light on?')).request;
    expect(request.firstRespondedAt).not.toBeNull();
    await comment(as.agent, request.key, 'Probably the mainboard again.', 'internal');
    request = (await readRequest(t.app, as.agent, request.key));
    request = await change(as.agent, request, { status: 'waiting_on_requester' });

    const reply = await comment(as.employee, request.key, 'No light at all.');
    expect(reply.request.status).toBe('in_progress');
    request = reply.request;

    request = await change(as.agent, request, { status: 'resolved' });
    const firstResolution = request.resolvedAt;
    expect(firstResolution).not.toBeNull();
    request = await change(as.employee, request, { status: 'in_progress', reason: 'It broke again' });
    expect(request.resolvedAt).toBeNull();
    request = await change(as.lead, request, { status: 'resolved' });
    request = await change(as.employee, request, { status: 'closed' });
    expect(request.status).toBe('closed');

    const seenByAgent = await readRequest(t.app, as.agent, request.key);
    const steps = seenByAgent.timeline.map((entry) => [entry.kind, entry.actor?.name, entry.data.to ?? entry.data.visibility]);
    expect(steps).toEqual([
      ['created', 'Emma Employee', undefined],
      ['priority_changed', 'Lena Lead', 'high'],
      ['assigned', 'Lena Lead', ids.agent],
      ['status_changed', 'Alan Agent', 'acknowledged'],
      ['commented', 'Alan Agent', 'public'],
      ['commented', 'Alan Agent', 'internal'],
      ['status_changed', 'Alan Agent', 'waiting_on_requester'],
      ['commented', 'Emma Employee', 'public'],
      ['status_changed', 'Emma Employee', 'in_progress'],
      ['status_changed', 'Alan Agent', 'resolved'],
      ['status_changed', 'Emma Employee', 'in_progress'],
      ['status_changed', 'Lena Lead', 'resolved'],
      ['status_changed', 'Emma Employee', 'closed'],
    ]);

    // Every recorded time is the instant of the event that caused it.
    const at = (index: number) => seenByAgent.timeline[index]!.occurredAt;
    expect(seenByAgent.acknowledgedAt).toBe(at(3));
    expect(seenByAgent.firstRespondedAt).toBe(at(4));
    expect(seenByAgent.resolvedAt).toBe(at(11));
    expect(seenByAgent.closedAt).toBe(at(12));
    expect(seenByAgent.createdAt).toBe(at(0));
    expect(seenByAgent.version).toBe(11); // one per change: 10 changes after filing
    expect(seenByAgent.timeline[10]!.data).toMatchObject({ from: 'resolved', reason: 'It broke again' });

    // The requester never sees the internal note.
    const seenByEmployee = await readRequest(t.app, as.employee, request.key);
    expect(seenByEmployee.timeline.map((entry) => entry.visibility)).not.toContain('internal');
    expect(seenByEmployee.timeline).toHaveLength(12);
  });

  it('treats closed as final: no more replies, no more moves', async () => {
    let request = await fileRequest(t.app, as.employee, { team: teamSlug, subject: 'Printer jam' });
    request = await change(as.agent, request, { status: 'resolved' });
    request = await change(as.employee, request, { status: 'closed' });

    const reply = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${request.key}/comments`, headers: as.employee, payload: { body: 'Thanks!' } });
    expect(reply.statusCode).toBe(409);
    expect(reply.json().code).toBe('REQUEST_CLOSED');
    const reopen = await patchRequest(t.app, as.agent, request.key, request.version, { status: 'in_progress' });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json()).toMatchObject({ code: 'ILLEGAL_TRANSITION', errors: [{ field: 'body.status', reason: 'a closed request cannot change; open a new one' }] });
  });

  it('hands a request to another team with a reason, keeping its key and dropping the assignee', async () => {
    const hr = await buildTeam(t.database, { name: 'People Team' });
    let request = await fileRequest(t.app, as.employee, { team: teamSlug, subject: 'Question about my contract' });
    request = await change(as.agent, request, { assigneeId: ids.agent });
    const withoutReason = await patchRequest(t.app, as.agent, request.key, request.version, { team: hr.slug });
    expect(withoutReason.json()).toMatchObject({ status: 400, errors: [{ field: 'body.reason' }] });

    const moved = await change(as.agent, request, { team: hr.slug, reason: 'Contracts are for HR' });
    expect(moved).toMatchObject({ key: request.key, team: { slug: hr.slug, name: 'People Team' }, assignee: null });
    const timeline = (await readRequest(t.app, as.employee, request.key)).timeline;
    expect(timeline.slice(-2).map((entry) => [entry.kind, entry.data])).toEqual([
      ['handoff', { fromTeam: teamSlug, toTeam: hr.slug, fromTeamId: expect.any(String), toTeamId: hr.id, reason: 'Contracts are for HR' }],
      ['assigned', { from: ids.agent, to: null, reason: 'Contracts are for HR' }],
    ]);
    // The old team's agent no longer sees it; the next IT request still gets the next IT number.
    const gone = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${request.key}`, headers: as.agent });
    expect(gone.statusCode).toBe(404);
    const movedNumber = Number(request.key.slice(`${prefix}-`.length));
    const next = await fileRequest(t.app, as.employee, { team: teamSlug, subject: 'Another IT question' });
    expect(next.key).toBe(`${prefix}-${movedNumber + 1}`);
    // The receiving team numbers its own requests from 1; the moved one does not take an HR number.
    const firstOfHr = await fileRequest(t.app, as.employee, { team: hr.slug, subject: 'Holiday allowance' });
    expect(firstOfHr.key).toBe(`${hr.keyPrefix}-1`);
  });
});
