import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { encodeCursor } from '../../platform/http/pagination.ts';
import type { RequestView } from './requests.schema.ts';
import { fileRequest, readRequest, requestTablesFingerprint } from './requests.test-support.ts';

// Bad input, endpoint by endpoint: each gets a 4xx problem+json naming the field at fault, and
// the request tables are exactly as they were before.

let t: TestApp;
let agent: Record<string, string>;
let teamSlug: string;
let request: RequestView;
let employeeId: string;

beforeAll(async () => {
  t = await createTestApp();
  const team = await buildTeam(t.database);
  teamSlug = team.slug;
  const agentPerson = await buildPerson(t.database, { agentOf: [team.id] });
  employeeId = (await buildPerson(t.database)).id;
  agent = await bearerFor(t.database, agentPerson.id);
  request = await fileRequest(t.app, agent, { team: teamSlug, subject: 'Something to change' });
});
afterAll(() => t.close());

const json = { 'content-type': 'application/json' };
const create = (payload: unknown, headers: Record<string, string> = {}): InjectOptions => ({
  method: 'POST',
  url: '/api/v1/requests',
  headers: { ...json, ...headers },
  payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
});
const change = (payload: unknown, ifMatch: string | null = `"${1}"`): InjectOptions => ({
  method: 'PATCH',
  url: `/api/v1/requests/${request.key}`,
  headers: { ...json, ...(ifMatch === null ? {} : { 'if-match': ifMatch }) },
  payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
});
const comment = (payload: unknown): InjectOptions => ({
  method: 'POST',
  url: `/api/v1/requests/${request.key}/comments`,
  headers: json,
  payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
});
const list = (query: string): InjectOptions => ({ method: 'GET', url: `/api/v1/requests?${query}` });
const bulk = (payload: unknown): InjectOptions => ({
  method: 'POST',
  url: '/api/v1/requests/bulk',
  headers: json,
  payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
});
const huge = 'x'.repeat(1_100_000);

interface BadCase {
  name: string;
  call: () => InjectOptions;
  status: number;
  code: string;
  field?: string;
}

const cases: BadCase[] = [
  // POST /requests
  { name: 'create: malformed JSON', call: () => create('{"team": "it",'), status: 400, code: 'MALFORMED_JSON', field: 'body' },
  { name: 'create: unknown field', call: () => create({ team: teamSlug, subject: 'x', colour: 'red' }), status: 400, code: 'VALIDATION_FAILED', field: 'body.colour' },
  { name: 'create: subject of the wrong type', call: () => create({ team: teamSlug, subject: 42 }), status: 400, code: 'VALIDATION_FAILED', field: 'body.subject' },
  { name: 'create: confidential as a string', call: () => create({ team: teamSlug, subject: 'x', confidential: 'yes' }), status: 400, code: 'VALIDATION_FAILED', field: 'body.confidential' },
  { name: 'create: unknown priority', call: () => create({ team: teamSlug, subject: 'x', priority: 'critical' }), status: 400, code: 'VALIDATION_FAILED', field: 'body.priority' },
  { name: 'create: blank subject', call: () => create({ team: teamSlug, subject: '   ' }), status: 400, code: 'VALIDATION_FAILED', field: 'body.subject' },
  { name: 'create: subject of 301 characters', call: () => create({ team: teamSlug, subject: 's'.repeat(301) }), status: 400, code: 'VALIDATION_FAILED', field: 'body.subject' },
  { name: 'create: description over 20000', call: () => create({ team: teamSlug, subject: 'x', description: 'd'.repeat(20_001) }), status: 400, code: 'VALIDATION_FAILED', field: 'body.description' },
  { name: 'create: NUL in the subject', call: () => create({ team: teamSlug, subject: 'a\u0000b' }), status: 400, code: 'VALIDATION_FAILED', field: 'body.subject' },
  { name: 'create: missing team', call: () => create({ subject: 'x' }), status: 400, code: 'VALIDATION_FAILED', field: 'body.team' },
  { name: 'create: unknown team', call: () => create({ team: 'no-such-team', subject: 'x' }), status: 404, code: 'TEAM_NOT_FOUND', field: 'body.team' },
  { name: 'create: requester not an id', call: () => create({ team: teamSlug, subject: 'x', requester: "1' or '1'='1" }), status: 400, code: 'VALIDATION_FAILED', field: 'body.requester' },
  { name: 'create: unknown requester', call: () => create({ team: teamSlug, subject: 'x', requester: '00000000-0000-4000-8000-000000000000' }), status: 404, code: 'PERSON_NOT_FOUND', field: 'body.requester' },
  { name: 'create: Idempotency-Key over 200 characters', call: () => create({ team: teamSlug, subject: 'x' }, { 'idempotency-key': 'k'.repeat(201) }), status: 400, code: 'VALIDATION_FAILED', field: 'headers.idempotency-key' },
  { name: 'create: body over 1 MB', call: () => create({ team: teamSlug, subject: 'x', description: huge }), status: 413, code: 'BODY_TOO_LARGE' },
  { name: 'create: XML', call: () => ({ ...create('<team>it</team>'), headers: { 'content-type': 'application/xml' } }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'create: plain text', call: () => ({ ...create('team=it'), headers: { 'content-type': 'text/plain' } }), status: 400, code: 'VALIDATION_FAILED', field: 'body' },
  // GET /requests
  { name: 'list: cursor that is not base64url', call: () => list('cursor=%%%'), status: 400, code: 'VALIDATION_FAILED', field: 'query.cursor' },
  { name: 'list: cursor of the wrong shape', call: () => list(`cursor=${encodeCursor({ offset: 10 })}`), status: 400, code: 'VALIDATION_FAILED', field: 'query.cursor' },
  { name: 'list: cursor with an impossible date', call: () => list(`cursor=${encodeCursor(['2024-02-31T25:00:00.000000Z', '00000000-0000-4000-8000-000000000000'])}`), status: 400, code: 'VALIDATION_FAILED', field: 'query.cursor' },
  { name: 'list: cursor smuggling SQL', call: () => list(`cursor=${encodeCursor(["2024-01-01'; drop table requests; --", 'x'])}`), status: 400, code: 'VALIDATION_FAILED', field: 'query.cursor' },
  { name: 'list: limit 0', call: () => list('limit=0'), status: 400, code: 'VALIDATION_FAILED', field: 'query.limit' },
  { name: 'list: limit 101', call: () => list('limit=101'), status: 400, code: 'VALIDATION_FAILED', field: 'query.limit' },
  { name: 'list: limit not a number', call: () => list('limit=ten'), status: 400, code: 'VALIDATION_FAILED', field: 'query.limit' },
  { name: 'list: unknown status', call: () => list('status=new,lost'), status: 400, code: 'VALIDATION_FAILED', field: 'query.status.1' },
  { name: 'list: assignee neither id, me nor none', call: () => list('assignee=bob'), status: 400, code: 'VALIDATION_FAILED', field: 'query.assignee' },
  { name: 'list: unknown parameter', call: () => list('order=asc'), status: 400, code: 'VALIDATION_FAILED', field: 'query.order' },
  { name: 'list: unknown sort', call: () => list('sort=asc'), status: 400, code: 'VALIDATION_FAILED', field: 'query.sort' },
  { name: 'list: unknown priority', call: () => list('priority=high,critical'), status: 400, code: 'VALIDATION_FAILED', field: 'query.priority.1' },
  { name: 'list: empty priority', call: () => list('priority='), status: 400, code: 'VALIDATION_FAILED', field: 'query.priority.0' },
  { name: 'list: breaching other than soon', call: () => list('breaching=now'), status: 400, code: 'VALIDATION_FAILED', field: 'query.breaching' },
  { name: 'list: a due cursor for the newest sort', call: () => list(`cursor=${encodeCursor(['due', null, '2024-01-01T00:00:00.000000Z', '00000000-0000-4000-8000-000000000000'])}`), status: 400, code: 'VALIDATION_FAILED', field: 'query.cursor' },
  { name: 'list: a newest cursor for the due sort', call: () => list(`sort=due&cursor=${encodeCursor(['2024-01-01T00:00:00.000000Z', '00000000-0000-4000-8000-000000000000'])}`), status: 400, code: 'VALIDATION_FAILED', field: 'query.cursor' },
  { name: 'list: due cursor with a due time in milliseconds', call: () => list(`sort=due&cursor=${encodeCursor(['due', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000000Z', '00000000-0000-4000-8000-000000000000'])}`), status: 400, code: 'VALIDATION_FAILED', field: 'query.cursor' },
  { name: 'list: due cursor of another kind', call: () => list(`sort=due&cursor=${encodeCursor(['soon', null, '2024-01-01T00:00:00.000000Z', '00000000-0000-4000-8000-000000000000'])}`), status: 400, code: 'VALIDATION_FAILED', field: 'query.cursor' },
  { name: 'list: NUL in the text search', call: () => list('text=printer%00jam'), status: 400, code: 'VALIDATION_FAILED', field: 'query.text' },
  { name: 'list: NUL in a cursor', call: () => list(`cursor=${encodeCursor(['2024-01-01T00:00:00.000000Z\u0000', '00000000-0000-4000-8000-000000000000'])}`), status: 400, code: 'VALIDATION_FAILED', field: 'query.cursor' },
  // Dates JavaScript rolls over (30 February is 2 March) but PostgreSQL refuses: a 400, never a 500.
  { name: 'list: cursor on 30 February', call: () => list(`cursor=${encodeCursor(['2026-02-30T00:00:00.000000Z', '00000000-0000-4000-8000-000000000000'])}`), status: 400, code: 'VALIDATION_FAILED', field: 'query.cursor' },
  { name: 'list: cursor on 31 April', call: () => list(`cursor=${encodeCursor(['2026-04-31T12:00:00.000000Z', '00000000-0000-4000-8000-000000000000'])}`), status: 400, code: 'VALIDATION_FAILED', field: 'query.cursor' },
  { name: 'list: cursor in year 0', call: () => list(`cursor=${encodeCursor(['0000-01-01T00:00:00.000000Z', '00000000-0000-4000-8000-000000000000'])}`), status: 400, code: 'VALIDATION_FAILED', field: 'query.cursor' },
  { name: 'list: due cursor due on 30 February', call: () => list(`sort=due&cursor=${encodeCursor(['due', '2026-02-30T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z', '00000000-0000-4000-8000-000000000000'])}`), status: 400, code: 'VALIDATION_FAILED', field: 'query.cursor' },
  { name: 'list: due cursor created at hour 24', call: () => list(`sort=due&cursor=${encodeCursor(['due', null, '2026-01-01T24:00:00.000000Z', '00000000-0000-4000-8000-000000000000'])}`), status: 400, code: 'VALIDATION_FAILED', field: 'query.cursor' },
  // GET /requests/counts
  { name: 'counts: no team', call: () => ({ method: 'GET', url: '/api/v1/requests/counts' }), status: 400, code: 'VALIDATION_FAILED', field: 'query.team' },
  { name: 'counts: team not a slug', call: () => ({ method: 'GET', url: `/api/v1/requests/counts?team=${encodeURIComponent("it' or 1=1")}` }), status: 400, code: 'VALIDATION_FAILED', field: 'query.team' },
  { name: 'counts: unknown team', call: () => ({ method: 'GET', url: '/api/v1/requests/counts?team=no-such-team' }), status: 404, code: 'TEAM_NOT_FOUND', field: 'query.team' },
  { name: 'counts: unknown parameter', call: () => ({ method: 'GET', url: `/api/v1/requests/counts?team=${teamSlug}&status=new` }), status: 400, code: 'VALIDATION_FAILED', field: 'query.status' },
  { name: 'list: unknown team', call: () => list('team=no-such-team'), status: 404, code: 'TEAM_NOT_FOUND', field: 'query.team' },
  // GET /requests/{key}
  { name: 'read: not a key', call: () => ({ method: 'GET', url: '/api/v1/requests/not-a-key' }), status: 404, code: 'REQUEST_NOT_FOUND' },
  { name: 'read: key smuggling SQL', call: () => ({ method: 'GET', url: `/api/v1/requests/${encodeURIComponent("IT-1' or '1'='1")}` }), status: 404, code: 'REQUEST_NOT_FOUND' },
  { name: 'read: key that does not exist', call: () => ({ method: 'GET', url: '/api/v1/requests/ZZ-999' }), status: 404, code: 'REQUEST_NOT_FOUND' },
  // PATCH /requests/{key}
  { name: 'change: no version at all', call: () => change({ priority: 'high' }, null), status: 428, code: 'VERSION_REQUIRED' },
  { name: 'change: If-Match without quotes', call: () => change({ priority: 'high' }, '1'), status: 400, code: 'VALIDATION_FAILED', field: 'headers.if-match' },
  { name: 'change: weak If-Match', call: () => change({ priority: 'high' }, 'W/"1"'), status: 400, code: 'VALIDATION_FAILED', field: 'headers.if-match' },
  { name: 'change: If-Match that is not a number', call: () => change({ priority: 'high' }, '"one"'), status: 400, code: 'VALIDATION_FAILED', field: 'headers.if-match' },
  { name: 'change: If-Match and version disagree', call: () => change({ priority: 'high', version: 7 }), status: 400, code: 'VALIDATION_FAILED', field: 'body.version' },
  { name: 'change: stale version', call: () => change({ priority: 'high' }, '"9"'), status: 412, code: 'VERSION_CONFLICT' },
  { name: 'change: malformed JSON', call: () => change('{"priority":'), status: 400, code: 'MALFORMED_JSON', field: 'body' },
  { name: 'change: unknown field', call: () => change({ colour: 'red' }), status: 400, code: 'VALIDATION_FAILED', field: 'body.colour' },
  { name: 'change: unknown status', call: () => change({ status: 'done' }), status: 400, code: 'VALIDATION_FAILED', field: 'body.status' },
  { name: 'change: version of the wrong type', call: () => change({ priority: 'high', version: '1' }, null), status: 400, code: 'VALIDATION_FAILED', field: 'body.version' },
  { name: 'change: illegal move', call: () => change({ status: 'closed' }), status: 409, code: 'ILLEGAL_TRANSITION', field: 'body.status' },
  { name: 'change: assignee who is not an agent of the team', call: () => change({ assigneeId: employeeId }), status: 400, code: 'VALIDATION_FAILED', field: 'body.assigneeId' },
  { name: 'change: handoff to an unknown team', call: () => change({ team: 'no-such-team', reason: 'wrong desk' }), status: 404, code: 'TEAM_NOT_FOUND', field: 'body.team' },
  { name: 'change: body over 1 MB', call: () => change({ reason: huge }), status: 413, code: 'BODY_TOO_LARGE' },
  // POST /requests/bulk
  { name: 'bulk: malformed JSON', call: () => bulk('{"keys": ['), status: 400, code: 'MALFORMED_JSON', field: 'body' },
  { name: 'bulk: no keys', call: () => bulk({ keys: [], change: { priority: 'high' } }), status: 400, code: 'VALIDATION_FAILED', field: 'body.keys' },
  { name: 'bulk: 101 keys', call: () => bulk({ keys: Array.from({ length: 101 }, (_, index) => `ZZ-${index + 1}`), change: { priority: 'high' } }), status: 400, code: 'VALIDATION_FAILED', field: 'body.keys' },
  { name: 'bulk: a key twice', call: () => bulk({ keys: [request.key, request.key], change: { priority: 'high' } }), status: 400, code: 'VALIDATION_FAILED', field: 'body.keys' },
  { name: 'bulk: keys not a list', call: () => bulk({ keys: request.key, change: { priority: 'high' } }), status: 400, code: 'VALIDATION_FAILED', field: 'body.keys' },
  { name: 'bulk: a key smuggling SQL', call: () => bulk({ keys: [request.key, "IT-1' or '1'='1"], change: { priority: 'high' } }), status: 400, code: 'VALIDATION_FAILED', field: 'body.keys.1' },
  { name: 'bulk: no change', call: () => bulk({ keys: [request.key] }), status: 400, code: 'VALIDATION_FAILED', field: 'body.change' },
  { name: 'bulk: an empty change', call: () => bulk({ keys: [request.key], change: {} }), status: 400, code: 'VALIDATION_FAILED', field: 'body.change' },
  { name: 'bulk: a handoff (not a bulk change)', call: () => bulk({ keys: [request.key], change: { team: 'other', reason: 'x' } }), status: 400, code: 'VALIDATION_FAILED', field: 'body.change.team' },
  { name: 'bulk: unknown status', call: () => bulk({ keys: [request.key], change: { status: 'done' } }), status: 400, code: 'VALIDATION_FAILED', field: 'body.change.status' },
  { name: 'bulk: assignee not an id', call: () => bulk({ keys: [request.key], change: { assigneeId: 'me' } }), status: 400, code: 'VALIDATION_FAILED', field: 'body.change.assigneeId' },
  { name: 'bulk: unknown field', call: () => bulk({ keys: [request.key], change: { priority: 'high' }, version: 1 }), status: 400, code: 'VALIDATION_FAILED', field: 'body.version' },
  // POST /requests/{key}/comments
  { name: 'comment: empty body', call: () => comment({ body: '' }), status: 400, code: 'VALIDATION_FAILED', field: 'body.body' },
  { name: 'comment: unknown visibility', call: () => comment({ body: 'x', visibility: 'secret' }), status: 400, code: 'VALIDATION_FAILED', field: 'body.visibility' },
  { name: 'comment: over 20000 characters', call: () => comment({ body: 'c'.repeat(20_001) }), status: 400, code: 'VALIDATION_FAILED', field: 'body.body' },
  { name: 'comment: unknown field', call: () => comment({ body: 'x', attachments: [] }), status: 400, code: 'VALIDATION_FAILED', field: 'body.attachments' },
  { name: 'comment: malformed JSON', call: () => comment('{"body": "x"'), status: 400, code: 'MALFORMED_JSON', field: 'body' },
  { name: 'comment: body over 1 MB', call: () => comment({ body: huge }), status: 413, code: 'BODY_TOO_LARGE' },
  { name: 'comment: on a request that does not exist', call: () => ({ ...comment({ body: 'x' }), url: '/api/v1/requests/ZZ-1/comments' }), status: 404, code: 'REQUEST_NOT_FOUND' },
];

describe('bad input', () => {
  it.each(cases)('$name -> $status $code', async ({ call, status, code, field }) => {
    const before = await requestTablesFingerprint(t.database);
    const options = call();
    const response = await t.app.inject({ ...options, headers: { ...options.headers, ...agent } });
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem).toMatchObject({ status, code });
    if (field) expect(problem.errors.map((error: { field: string }) => error.field)).toContain(field);
    if (code === 'VERSION_CONFLICT') expect(problem.currentVersion).toBe(1);
    expect(await requestTablesFingerprint(t.database)).toEqual(before);
  });

  it('stores hostile text verbatim and finds it again', async () => {
    const subject = `'); drop table requests; -- <script>alert("x")</script>`;
    const description = `<img src=x onerror=alert(1)> \\' OR 1=1 -- ${'\u202e'}gnp.exe 😀 \r\nX-Injected: yes`;
    const created = await fileRequest(t.app, agent, { team: teamSlug, subject, description });
    const read = await readRequest(t.app, agent, created.key);
    expect(read.subject).toBe(subject);
    expect(read.description).toBe(description);
    const found = await t.app.inject({ method: 'GET', url: `/api/v1/requests?text=${encodeURIComponent("drop table ' requests")}`, headers: agent });
    expect(found.statusCode).toBe(200);
    expect(found.json().items.map((item: RequestView) => item.key)).toContain(created.key);
  });
});
