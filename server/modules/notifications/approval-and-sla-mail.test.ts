import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishService, filedThrough } from '../../../test/support/catalog-factories.ts';
import { bearerFor, buildCallingPerson, buildPerson, buildTeam, type CallingPerson } from '../../../test/support/factories.ts';
import { buildOfficeCalendar, buildPolicy, buildService, fileThroughService } from '../../../test/support/sla-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { fireDueTimers } from '../../platform/jobs/timers.ts';
import { setPublicUrl } from '../../platform/http/public-url.ts';
import { upsertMailSettings } from '../channels/email/inbound.store.ts';
import { domainTimerHandlers } from '../domain-timers.ts';
import { outboxOfRequest } from './notifications-outbox.test-support.ts';

// Approvals asked by mail with one-click links that decide only when POSTed, and SLA warnings to
// whoever must act on them.

let t: TestApp;
let lead: CallingPerson;
let lead2: CallingPerson;
let manager: CallingPerson;
let employee: CallingPerson;
const teamAddress = 'people-team@hallway.test';

beforeAll(async () => {
  t = await createTestApp();
  setPublicUrl('https://hallway.example.test');
  const hr = await buildTeam(t.database, { slug: 'people-ops', name: 'People Ops' });
  await upsertMailSettings(t.database.db, { teamId: hr.id, inboundAddress: teamAddress, unknownSenderRule: 'hold' });
  lead = await buildCallingPerson(t.database, { name: 'Olivia Lead', leadOf: [hr.id] });
  lead2 = await buildCallingPerson(t.database, { name: 'Omar Lead', leadOf: [hr.id] });
  await buildPerson(t.database, { name: 'Gone Lead', leadOf: [hr.id], active: false });
  manager = await buildCallingPerson(t.database, { name: 'Mia Manager', email: 'mia@corp.test' });
  employee = await buildCallingPerson(t.database, { name: 'Chloe Employee', managerId: manager.id });
}, 120_000);
afterAll(() => t.close());

const tokenIn = (text: string, label: 'Approve' | 'Reject') => {
  const match = new RegExp(`${label}: https://hallway\\.example\\.test/approvals/decide#([A-Za-z0-9_.-]+)`).exec(text);
  expect(match, text).not.toBeNull();
  return match![1]!;
};

async function approvalsOf(key: string) {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${key}/approvals`, headers: employee.headers });
  return response.json().items as Array<{ id: string; status: string }>;
}

describe('approval mail', () => {
  it("mails the requester's manager one-click links; opening one decides nothing, POSTing its token approves", async () => {
    const service = await publishService(t.app, lead.headers, 'people-ops', { name: 'Training budget', approval: { approver: 'manager' } });
    const request = await filedThrough(t.app, employee.headers, service.slug, {});
    const mails = await outboxOfRequest(t.database, request.key);
    expect(mails.map((mail) => [mail.kind, mail.to_address])).toEqual(
      expect.arrayContaining([
        ['acknowledgement', expect.stringContaining('@')],
        ['approval', 'mia@corp.test'],
      ]),
    );
    expect(mails).toHaveLength(2);
    const approval = mails.find((mail) => mail.kind === 'approval')!;
    expect(approval.subject).toBe(`Approval needed: [${request.key}] Training budget`);
    expect(approval.text_body).toContain('Chloe Employee asked People Ops');
    const approveToken = tokenIn(approval.text_body, 'Approve');
    tokenIn(approval.text_body, 'Reject');

    // What a mail scanner does: fetch the link. The page is the web app's; nothing is decided.
    await t.app.inject({ method: 'GET', url: `/approvals/decide` });
    expect((await approvalsOf(request.key))[0]!.status).toBe('pending');

    const decided = await t.app.inject({ method: 'POST', url: '/api/v1/approvals/decide-by-link', payload: { token: approveToken } });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'approved', decidedBy: { id: manager.id } });
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/approvals/decide-by-link', payload: { token: approveToken } });
    expect(again.statusCode).toBe(409);
  });

  it("mails every active lead for a team's approval, not the requester (a lead) nor a lead who left, with their own links", async () => {
    const service = await publishService(t.app, lead.headers, 'people-ops', { name: 'Employment letter', approval: { approver: 'team_lead' } });
    const request = await filedThrough(t.app, lead2.headers, service.slug, {});
    const approvals = (await outboxOfRequest(t.database, request.key)).filter((mail) => mail.kind === 'approval');
    expect(approvals.map((mail) => mail.recipient_id)).toEqual([lead.id]);
    const rejectToken = tokenIn(approvals[0]!.text_body, 'Reject');
    const withoutReason = await t.app.inject({ method: 'POST', url: '/api/v1/approvals/decide-by-link', payload: { token: rejectToken } });
    expect(withoutReason.statusCode).toBe(400);
    const rejected = await t.app.inject({ method: 'POST', url: '/api/v1/approvals/decide-by-link', payload: { token: rejectToken, comment: 'Ask payroll' } });
    expect(rejected.statusCode, rejected.body).toBe(200);
    // The requester hears that it was closed, with the reason Hallway recorded.
    const closed = (await outboxOfRequest(t.database, request.key)).filter((mail) => mail.kind === 'status');
    expect(closed.map((mail) => [mail.subject, mail.recipient_id])).toEqual([[`Closed: [${request.key}] Employment letter`, lead2.id]]);
    expect(closed[0]!.text_body).toContain('Ask payroll');
  });
});

describe('approval mail after a handoff', () => {
  it("asks the new team's leads when a request waiting for its team's approval is handed over", async () => {
    const service = await publishService(t.app, lead.headers, 'people-ops', { name: 'Desk move', approval: { approver: 'team_lead' } });
    const request = await filedThrough(t.app, employee.headers, service.slug, {});
    const facilities = await buildTeam(t.database, { name: 'Facilities' });
    const facilitiesLead = await buildPerson(t.database, { name: 'Fay Lead', email: 'fay@corp.test', leadOf: [facilities.id] });
    await upsertMailSettings(t.database.db, { teamId: facilities.id, inboundAddress: 'facilities@hallway.test', unknownSenderRule: 'hold' });
    const handed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/requests/${request.key}`,
      headers: { ...lead.headers, 'if-match': `"${request.version}"` },
      payload: { team: facilities.slug, reason: 'Facilities owns desks' },
    });
    expect(handed.statusCode, handed.body).toBe(200);
    const approvals = (await outboxOfRequest(t.database, request.key)).filter((mail) => mail.kind === 'approval');
    expect(approvals.map((mail) => mail.recipient_id).sort()).toEqual([lead.id, lead2.id, facilitiesLead.id].sort());
    // Mail about the request now comes from the team that owns it.
    expect(approvals.find((mail) => mail.recipient_id === facilitiesLead.id)?.from_address).toBe('facilities@hallway.test');
  });
});

describe('SLA warning mail', () => {
  let team: Awaited<ReturnType<typeof buildTeam>>;
  let serviceId: string;
  let agent: Awaited<ReturnType<typeof buildPerson>>;
  let deskLead: Awaited<ReturnType<typeof buildPerson>>;

  beforeAll(async () => {
    team = await buildTeam(t.database, { name: 'Warned Desk' });
    await upsertMailSettings(t.database.db, { teamId: team.id, inboundAddress: 'warned@hallway.test', unknownSenderRule: 'hold' });
    agent = await buildPerson(t.database, { name: 'Abe Agent', email: 'abe@corp.test', agentOf: [team.id] });
    deskLead = await buildPerson(t.database, { name: 'Liv Lead', email: 'liv@corp.test', leadOf: [team.id] });
    await buildOfficeCalendar(t.database, team.id);
    const policyId = await buildPolicy(t.database, team.id, { normal: { firstResponse: 60, resolution: 480 } }, { warnAtPercent: 50 });
    serviceId = (await buildService(t.database, team.id, { slaPolicyId: policyId })).id;
  });

  it('goes to the leads while nobody is assigned, once per warning however often timers fire', async () => {
    const requester = await buildPerson(t.database, { name: 'Rita Requester' });
    const request = await fileThroughService(t.database, requester, team, serviceId, { at: new Date('2026-03-02T09:00:00Z'), subject: 'Badge broken' });
    await fireDueTimers(t.database, domainTimerHandlers, { now: new Date('2026-03-02T09:40:00Z') });
    await fireDueTimers(t.database, domainTimerHandlers, { now: new Date('2026-03-02T09:45:00Z') });
    const mails = await outboxOfRequest(t.database, request.key);
    // The acknowledgement promised the first response by the clock's due time.
    expect(mails.find((mail) => mail.kind === 'acknowledgement')!.text_body).toContain('Warned Desk aims to get back to you by 2 Mar 2026, 10:00 (UTC).');
    const warnings = mails.filter((mail) => mail.kind === 'sla-warning');
    expect(warnings.map((mail) => mail.to_address)).toEqual(['liv@corp.test']);
    expect(warnings[0]!.subject).toBe(`SLA warning, first response due: [${request.key}] Badge broken`);
    expect(warnings[0]!.text_body).toContain('2 Mar 2026, 10:00 (UTC)');
    expect(warnings[0]!.text_body).toContain(`https://hallway.example.test/desk/requests/${request.key}`);
    expect(warnings[0]!.text_body).toContain('as a lead, please find someone');
  });

  it("goes to the leads, not to an assignee who left the team, for a confidential request", async () => {
    const requester = await buildPerson(t.database, { name: 'Cora Confidential' });
    const leaver = await buildPerson(t.database, { name: 'Lee Leaver', email: 'lee@corp.test', agentOf: [team.id] });
    const request = await fileThroughService(t.database, requester, team, serviceId, { at: new Date('2026-03-04T09:00:00Z'), subject: 'Private matter', confidential: true });
    const headers = await bearerFor(t.database, deskLead.id);
    const assigned = await t.app.inject({ method: 'PATCH', url: `/api/v1/requests/${request.key}`, headers: { ...headers, 'if-match': `"${request.version}"` }, payload: { assigneeId: leaver.id } });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/v1/teams/${team.slug}/members/${leaver.id}`, headers });
    expect(removed.statusCode, removed.body).toBe(204);
    await fireDueTimers(t.database, domainTimerHandlers, { now: new Date('2026-03-04T09:40:00Z') });
    const warnings = (await outboxOfRequest(t.database, request.key)).filter((mail) => mail.kind === 'sla-warning');
    expect(warnings.map((mail) => mail.to_address)).toEqual(['liv@corp.test']);
  });

  it('goes to the assignee when there is one, and not to the leads', async () => {
    const requester = await buildPerson(t.database, { name: 'Sam Requester' });
    const request = await fileThroughService(t.database, requester, team, serviceId, { at: new Date('2026-03-03T09:00:00Z'), subject: 'Wifi' });
    const headers = await bearerFor(t.database, deskLead.id);
    const assigned = await t.app.inject({ method: 'PATCH', url: `/api/v1/requests/${request.key}`, headers: { ...headers, 'if-match': `"${request.version}"` }, payload: { assigneeId: agent.id } });
    expect(assigned.statusCode, assigned.body).toBe(200);
    await fireDueTimers(t.database, domainTimerHandlers, { now: new Date('2026-03-03T09:40:00Z') });
    const warnings = (await outboxOfRequest(t.database, request.key)).filter((mail) => mail.kind === 'sla-warning');
    expect(warnings.map((mail) => mail.to_address)).toEqual(['abe@corp.test']);
    expect(warnings[0]!.text_body).toContain('It is assigned to you.');
  });
});
