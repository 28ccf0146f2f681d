import { randomBytes } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, buildPerson } from '../../../test/support/factories.ts';
import { buildCast, ROLES, type Cast, type Role } from '../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { RequestView } from './requests.schema.ts';
import { fileRequest, patchRequest, requestTablesFingerprint } from './requests.test-support.ts';

// Every endpoint of the requests module, for every role, on an open and on a confidential request.
// A refused call must answer problem+json and leave every request table exactly as it was.

let t: TestApp;
let cast: Cast;
let assignee: { id: string; headers: Record<string, string> };

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
  const person = await buildPerson(t.database, { name: 'Asha Assignee', agentOf: [cast.team.id] });
  assignee = { id: person.id, headers: await bearerFor(t.database, person.id) };
});
afterAll(() => t.close());

const nonce = () => `n${randomBytes(5).toString('hex')}`;

/** An open request filed by the employee; `confidential` ones are assigned to Asha by the lead. */
async function aRequest(kind: 'open' | 'confidential', word = nonce()): Promise<RequestView> {
  const request = await fileRequest(t.app, cast.headers.employee, {
    team: cast.team.slug,
    subject: `Help with ${word}`,
    confidential: kind === 'confidential',
  });
  if (kind === 'open') return request;
  const assigned = await patchRequest(t.app, cast.headers.lead, request.key, request.version, { assigneeId: assignee.id });
  expect(assigned.statusCode, assigned.body).toBe(200);
  return assigned.json();
}

async function resolved(): Promise<RequestView> {
  const request = await aRequest('open');
  const response = await patchRequest(t.app, cast.headers.agent, request.key, request.version, { status: 'resolved' });
  return response.json();
}

const roles = (anonymous: number, employee: number, otherEmployee: number, agentOfOtherTeam: number, agent: number, lead: number, admin: number) =>
  ({ anonymous, employee, otherEmployee, agentOfOtherTeam, agent, lead, admin }) satisfies Record<Role, number>;

const patch = (request: RequestView, payload: Record<string, unknown>): InjectOptions => ({
  method: 'PATCH',
  url: `/api/v1/requests/${request.key}`,
  headers: { 'if-match': `"${request.version}"` },
  payload,
});
const commentOn = (request: RequestView, visibility: string): InjectOptions => ({
  method: 'POST',
  url: `/api/v1/requests/${request.key}/comments`,
  payload: { body: 'A word', visibility },
});

const matrix: Array<{ endpoint: string; call: () => Promise<InjectOptions>; expected: Record<Role, number> }> = [
  {
    endpoint: 'POST /requests for oneself',
    call: async () => ({ method: 'POST', url: '/api/v1/requests', payload: { team: cast.team.slug, subject: 'Mine' } }),
    expected: roles(401, 201, 201, 201, 201, 201, 201),
  },
  {
    endpoint: "POST /requests on the employee's behalf",
    call: async () => ({
      method: 'POST',
      url: '/api/v1/requests',
      payload: { team: cast.team.slug, subject: 'Phoned in', requester: cast.people.employee.id, channel: 'phone' },
    }),
    expected: roles(401, 201, 403, 403, 201, 201, 403),
  },
  {
    endpoint: 'GET /requests',
    call: async () => ({ method: 'GET', url: '/api/v1/requests' }),
    expected: roles(401, 200, 200, 200, 200, 200, 200),
  },
  {
    endpoint: 'GET /requests/{key} (open)',
    call: async () => ({ method: 'GET', url: `/api/v1/requests/${(await aRequest('open')).key}` }),
    expected: roles(401, 200, 404, 404, 200, 200, 200),
  },
  {
    endpoint: 'GET /requests/{key} (confidential)',
    call: async () => ({ method: 'GET', url: `/api/v1/requests/${(await aRequest('confidential')).key}` }),
    expected: roles(401, 200, 404, 404, 404, 200, 404),
  },
  {
    endpoint: 'PATCH /requests/{key} priority (open)',
    call: async () => patch(await aRequest('open'), { priority: 'high' }),
    expected: roles(401, 403, 404, 404, 200, 200, 403),
  },
  {
    endpoint: 'PATCH /requests/{key} close a resolved request',
    call: async () => patch(await resolved(), { status: 'closed' }),
    expected: roles(401, 200, 404, 404, 200, 200, 403),
  },
  {
    endpoint: 'PATCH /requests/{key} priority (confidential)',
    call: async () => patch(await aRequest('confidential'), { priority: 'urgent' }),
    expected: roles(401, 403, 404, 404, 404, 200, 404),
  },
  {
    endpoint: 'POST /requests/{key}/comments public (open)',
    call: async () => commentOn(await aRequest('open'), 'public'),
    expected: roles(401, 201, 404, 404, 201, 201, 403),
  },
  {
    endpoint: 'POST /requests/{key}/comments internal (open)',
    call: async () => commentOn(await aRequest('open'), 'internal'),
    expected: roles(401, 403, 404, 404, 201, 201, 403),
  },
  {
    endpoint: 'POST /requests/{key}/comments public (confidential)',
    call: async () => commentOn(await aRequest('confidential'), 'public'),
    expected: roles(401, 201, 404, 404, 404, 201, 404),
  },
  {
    endpoint: "GET /requests/counts of the team's queue",
    call: async () => ({ method: 'GET', url: `/api/v1/requests/counts?team=${cast.team.slug}` }),
    expected: roles(401, 403, 403, 403, 200, 200, 200),
  },
];

describe.each(matrix)('$endpoint', ({ call, expected }) => {
  it.each(ROLES)('as %s', async (role) => {
    const options = await call();
    const before = expected[role] >= 400 ? await requestTablesFingerprint(t.database) : undefined;
    const response = await t.app.inject({ ...options, headers: { ...options.headers, ...cast.headers[role] } });
    expect(response.statusCode, response.body).toBe(expected[role]);
    if (before) {
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ status: expected[role], code: expect.any(String) });
      expect(await requestTablesFingerprint(t.database)).toEqual(before);
    }
  });
});

// A bulk change answers 200 with one result per key: for each key, what PATCH would have answered.
const bulkMatrix: Array<{ change: string; request: () => Promise<RequestView>; payload: Record<string, unknown>; expected: Record<Role, number> }> = [
  { change: 'priority (open)', request: () => aRequest('open'), payload: { priority: 'high' }, expected: roles(401, 403, 404, 404, 200, 200, 403) },
  { change: 'close a resolved request', request: resolved, payload: { status: 'closed' }, expected: roles(401, 200, 404, 404, 200, 200, 403) },
  { change: 'priority (confidential)', request: () => aRequest('confidential'), payload: { priority: 'urgent' }, expected: roles(401, 403, 404, 404, 404, 200, 404) },
];

describe.each(bulkMatrix)('POST /requests/bulk $change', ({ request, payload, expected }) => {
  it.each(ROLES)('as %s', async (role) => {
    const { key } = await request();
    const before = expected[role] >= 400 ? await requestTablesFingerprint(t.database) : undefined;
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/requests/bulk', headers: cast.headers[role], payload: { keys: [key], change: payload } });
    if (role === 'anonymous') {
      expect(response.statusCode).toBe(401);
    } else {
      expect(response.statusCode, response.body).toBe(200);
      const [result] = response.json().results;
      expect(result).toMatchObject(expected[role] === 200 ? { key, ok: true } : { key, ok: false, status: expected[role] });
    }
    if (before) expect(await requestTablesFingerprint(t.database)).toEqual(before);
  });
});

describe('what each role finds in the list', () => {
  // Listed for the same search word, so other tests' requests do not get in the way.
  const listed: Record<Role, { open: boolean; confidential: boolean }> = {
    anonymous: { open: false, confidential: false },
    employee: { open: true, confidential: true },
    otherEmployee: { open: false, confidential: false },
    agentOfOtherTeam: { open: false, confidential: false },
    agent: { open: true, confidential: false },
    lead: { open: true, confidential: true },
    admin: { open: true, confidential: false },
  };
  let word: string;
  let open: RequestView;
  let secret: RequestView;
  beforeAll(async () => {
    word = nonce();
    open = await aRequest('open', word);
    secret = await aRequest('confidential', word);
  });

  it.each(ROLES.filter((role) => role !== 'anonymous'))('as %s', async (role) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/requests?text=${word}`, headers: cast.headers[role] });
    expect(response.statusCode).toBe(200);
    const keys = response.json().items.map((item: RequestView) => item.key);
    expect(keys.includes(open.key)).toBe(listed[role].open);
    expect(keys.includes(secret.key)).toBe(listed[role].confidential);
  });

  it('as the assignee of the confidential request, who sees it like its lead', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/requests?text=${word}`, headers: assignee.headers });
    expect(response.json().items.map((item: RequestView) => item.key).sort()).toEqual([open.key, secret.key].sort());
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${secret.key}`, headers: assignee.headers });
    expect(read.statusCode).toBe(200);
  });

  it('shows internal notes to the agents of the team only', async () => {
    const note = await t.app.inject({ ...commentOn(open, 'internal'), headers: cast.headers.agent });
    expect(note.statusCode).toBe(201);
    const internalSeen = async (role: Role) => {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${open.key}`, headers: cast.headers[role] });
      return response.json().timeline.some((entry: { visibility: string }) => entry.visibility === 'internal');
    };
    expect(await internalSeen('agent')).toBe(true);
    expect(await internalSeen('lead')).toBe(true);
    expect(await internalSeen('employee')).toBe(false);
    expect(await internalSeen('admin')).toBe(false);
  });
});
