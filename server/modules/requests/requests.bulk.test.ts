import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { BulkResultItem } from './requests.queue.schema.ts';
import { fileRequest, patchRequest, readRequest } from './requests.test-support.ts';

// POST /requests/bulk: each key goes through PATCH's rules in its own transaction; refusals are
// reported per key, in order, and a request the caller may not see is a 404 like a missing one.

let t: TestApp;
let team: Awaited<ReturnType<typeof buildTeam>>;
let agent: { id: string; headers: Record<string, string> };
let lead: { id: string; headers: Record<string, string> };
let employee: { id: string; headers: Record<string, string> };

beforeAll(async () => {
  t = await createTestApp();
  team = await buildTeam(t.database);
  const agentRow = await buildPerson(t.database, { agentOf: [team.id] });
  const leadRow = await buildPerson(t.database, { leadOf: [team.id] });
  const employeeRow = await buildPerson(t.database);
  agent = { id: agentRow.id, headers: await bearerFor(t.database, agentRow.id) };
  lead = { id: leadRow.id, headers: await bearerFor(t.database, leadRow.id) };
  employee = { id: employeeRow.id, headers: await bearerFor(t.database, employeeRow.id) };
});
afterAll(() => t.close());

async function bulk(headers: Record<string, string>, payload: unknown): Promise<BulkResultItem[]> {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/requests/bulk', headers, payload: payload as object });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().results;
}

const file = (subject: string, confidential = false) => fileRequest(t.app, employee.headers, { team: team.slug, subject, confidential });

async function eventKinds(key: string): Promise<Array<{ kind: string; actorId: string | null }>> {
  return t.database.rows(sql`select e.kind, e.actor_id as "actorId" from request_events e join requests r on r.id = e.request_id where r.key = ${key} order by e.id`);
}

describe('bulk changes', () => {
  it('changes what it may, reports each refusal in the order of the keys, and writes the events', async () => {
    const first = await file('First');
    const second = await file('Second');
    const confidential = await file('Private matter', true);
    const closed = await file('Done long ago');
    await patchRequest(t.app, agent.headers, closed.key, 1, { status: 'resolved' });
    await patchRequest(t.app, agent.headers, closed.key, 2, { status: 'closed' });

    const keys = [first.key, confidential.key, second.key, 'ZZ-999', closed.key];
    const results = await bulk(agent.headers, { keys, change: { status: 'in_progress', assigneeId: agent.id } });
    expect(results.map((result) => result.key)).toEqual(keys);
    expect(results[0]).toEqual({ key: first.key, ok: true, version: 2 });
    expect(results[2]).toEqual({ key: second.key, ok: true, version: 2 });
    // Invisible and missing read alike, word for word but the key: nothing says the first exists.
    expect(results[1]).toEqual({ key: confidential.key, ok: false, status: 404, code: 'REQUEST_NOT_FOUND', detail: `No request ${confidential.key} that you can see` });
    expect(results[3]).toEqual({ key: 'ZZ-999', ok: false, status: 404, code: 'REQUEST_NOT_FOUND', detail: 'No request ZZ-999 that you can see' });
    expect(results[4]).toMatchObject({ key: closed.key, ok: false, status: 409, code: 'ILLEGAL_TRANSITION', detail: expect.stringContaining('change.status') });

    const read = await readRequest(t.app, agent.headers, first.key);
    expect(read).toMatchObject({ status: 'in_progress', assignee: { id: agent.id }, version: 2 });
    expect(await eventKinds(first.key)).toEqual([
      { kind: 'created', actorId: employee.id },
      { kind: 'status_changed', actorId: agent.id },
      { kind: 'assigned', actorId: agent.id },
    ]);
    expect(await eventKinds(confidential.key)).toEqual([{ kind: 'created', actorId: employee.id }]);
    expect((await readRequest(t.app, employee.headers, confidential.key)).version).toBe(1);
    expect((await readRequest(t.app, agent.headers, closed.key)).status).toBe('closed');
  });

  it('applies each change to the current version, and a value already set changes nothing', async () => {
    const request = await file('Moved meanwhile');
    await patchRequest(t.app, agent.headers, request.key, 1, { priority: 'high' });
    const [moved] = await bulk(agent.headers, { keys: [request.key], change: { priority: 'urgent' } });
    expect(moved).toEqual({ key: request.key, ok: true, version: 3 });
    const [same] = await bulk(agent.headers, { keys: [request.key], change: { priority: 'urgent' } });
    expect(same).toEqual({ key: request.key, ok: true, version: 3 });
    expect((await eventKinds(request.key)).filter((event) => event.kind === 'priority_changed')).toHaveLength(2);
  });

  it("lets the lead see and change the team's confidential request, and refuses an assignee who is not an agent, by key", async () => {
    const confidential = await file('Private, for the lead', true);
    const plain = await file('Plain');
    const [asLead] = await bulk(lead.headers, { keys: [confidential.key], change: { assigneeId: lead.id } });
    expect(asLead).toEqual({ key: confidential.key, ok: true, version: 2 });
    const refused = await bulk(agent.headers, { keys: [plain.key], change: { assigneeId: employee.id } });
    expect(refused).toEqual([{ key: plain.key, ok: false, status: 400, code: 'VALIDATION_FAILED', detail: expect.stringMatching(/^change\.assigneeId: is not an agent of /) }]);
    expect((await readRequest(t.app, agent.headers, plain.key)).version).toBe(1);
  });

  it('holds the requester to what PATCH lets them do', async () => {
    const resolved = await file('Fixed, thanks');
    await patchRequest(t.app, agent.headers, resolved.key, 1, { status: 'resolved' });
    const open = await file('Still broken');
    const results = await bulk(employee.headers, { keys: [resolved.key, open.key], change: { status: 'closed' } });
    expect(results[0]).toEqual({ key: resolved.key, ok: true, version: 3 });
    expect(results[1]).toMatchObject({ key: open.key, ok: false, status: 403, code: 'FORBIDDEN' });
    const [priority] = await bulk(employee.headers, { keys: [open.key], change: { priority: 'urgent' } });
    expect(priority).toMatchObject({ ok: false, status: 403, code: 'FORBIDDEN' });
  });

  it('asks who is calling first', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/requests/bulk', payload: { keys: ['ZZ-1'], change: { priority: 'low' } } });
    expect(response.statusCode).toBe(401);
  });
});
