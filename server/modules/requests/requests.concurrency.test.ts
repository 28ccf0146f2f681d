import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { RequestView } from './requests.schema.ts';
import { countRows, fileRequest, patchRequest, readRequest, requestTablesFingerprint } from './requests.test-support.ts';

// Retries and races: an Idempotency-Key never makes twins, and of two writers on the same version
// exactly one wins. Concurrent numbering is in requests.keys.test.ts.

let t: TestApp;
let team: Awaited<ReturnType<typeof buildTeam>>;
let employee: Record<string, string>;
let colleague: Record<string, string>;
let agent: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  team = await buildTeam(t.database);
  employee = await bearerFor(t.database, (await buildPerson(t.database)).id);
  colleague = await bearerFor(t.database, (await buildPerson(t.database)).id);
  agent = await bearerFor(t.database, (await buildPerson(t.database, { agentOf: [team.id] })).id);
});
afterAll(() => t.close());

const createWithKey = (headers: Record<string, string>, key: string, body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: { ...headers, 'idempotency-key': key }, payload: body });

const requestsWithSubject = async (subject: string) => {
  const [row] = await t.database.rows<{ count: number }>(sql`select count(*)::int as count from requests where subject = ${subject}`);
  return row?.count ?? 0;
};

describe('Idempotency-Key', () => {
  it('answers a retry with the first answer, and files one request', async () => {
    const body = { team: team.slug, subject: 'Retry me', priority: 'high' };
    const first = await createWithKey(employee, 'retry-1', body);
    // Same content, members in another order: still the same request.
    const retry = await createWithKey(employee, 'retry-1', { priority: 'high', subject: 'Retry me', team: team.slug });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect(retry.headers.location).toBe(first.headers.location);
    expect(first.headers.location).toBe(`/api/v1/requests/${first.json().key}`);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await requestsWithSubject('Retry me')).toBe(1);
  });

  it('replays a first answer stored before views had due times, with them as null rather than a 500', async () => {
    const body = { team: team.slug, subject: 'Filed before the upgrade' };
    const first = await createWithKey(employee, 'retry-upgrade', body);
    expect(first.statusCode).toBe(201);
    // As an answer stored by a Hallway before migration 0006 reads.
    await t.database.db.execute(sql`update idempotency_keys set response_body = response_body - 'dueAt' - 'warnAt' where key = 'retry-upgrade'`);
    const retry = await createWithKey(employee, 'retry-upgrade', body);
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.json()).toMatchObject({ key: first.json().key, dueAt: null, warnAt: null });
  });

  it('refuses the same key with another body, writing nothing', async () => {
    await createWithKey(employee, 'retry-2', { team: team.slug, subject: 'First body' });
    const before = await requestTablesFingerprint(t.database);
    const reused = await createWithKey(employee, 'retry-2', { team: team.slug, subject: 'Second body' });
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', errors: [{ field: 'headers.idempotency-key' }] });
    expect(await requestTablesFingerprint(t.database)).toEqual(before);
  });

  it('keeps keys per person: the same key from someone else is their own request', async () => {
    const body = { team: team.slug, subject: 'Shared key' };
    const mine = await createWithKey(employee, 'retry-3', body);
    const theirs = await createWithKey(colleague, 'retry-3', body);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().key).not.toBe(mine.json().key);
    expect(await requestsWithSubject('Shared key')).toBe(2);
  });

  it('lets concurrent twins through as one request with one answer', async () => {
    const body = { team: team.slug, subject: 'Double click' };
    const responses = await Promise.all(Array.from({ length: 6 }, () => createWithKey(employee, 'double-click', body)));
    expect(responses.map((response) => response.statusCode)).toEqual(Array(6).fill(201));
    expect(new Set(responses.map((response) => response.body)).size).toBe(1);
    expect(await requestsWithSubject('Double click')).toBe(1);
    const [events] = await t.database.rows<{ count: number }>(
      sql`select count(*)::int as count from request_events e join requests r on r.id = e.request_id where r.subject = 'Double click'`,
    );
    expect(events?.count).toBe(1);
  });

  it('runs a retry of a first try that failed after claiming the key, and files one request', async () => {
    // The first try gets past every check, claims the key and fails on the insert itself (a CHECK
    // added to this test's database stands for any failure there: a lost connection, a constraint).
    await t.database.rows(sql`alter table requests add constraint first_try_fails check (subject <> 'Flaky write') not valid`);
    const body = { team: team.slug, subject: 'Flaky write' };
    const keyRows = async () => {
      const [row] = await t.database.rows<{ count: number }>(
        sql`select count(*)::int as count from idempotency_keys where key = 'retry-4'`,
      );
      return row!.count;
    };
    const failed = await createWithKey(employee, 'retry-4', body);
    expect(failed.statusCode).toBe(500);
    // The key was claimed inside the failed transaction and rolled back with it.
    expect(await keyRows()).toBe(0);
    expect(await requestsWithSubject('Flaky write')).toBe(0);

    await t.database.rows(sql`alter table requests drop constraint first_try_fails`);
    const retry = await createWithKey(employee, 'retry-4', body);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    const again = await createWithKey(employee, 'retry-4', body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(retry.json());
    expect(await keyRows()).toBe(1);
    expect(await requestsWithSubject('Flaky write')).toBe(1);
  });
});

describe('optimistic concurrency', () => {
  it('lets one of two PATCHes on the same version win; the other gets 412 and changes nothing', async () => {
    const request = await fileRequest(t.app, employee, { team: team.slug, subject: 'Race' });
    const eventsBefore = await countRows(t.database, 'request_events');
    const [a, b] = await Promise.all([
      patchRequest(t.app, agent, request.key, request.version, { priority: 'high' }),
      patchRequest(t.app, agent, request.key, request.version, { priority: 'urgent' }),
    ]);
    expect([a!.statusCode, b!.statusCode].sort()).toEqual([200, 412]);
    const loser = a!.statusCode === 412 ? a! : b!;
    const winner: RequestView = (a!.statusCode === 200 ? a! : b!).json();
    expect(loser.json()).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    expect(await countRows(t.database, 'request_events')).toBe(eventsBefore + 1);

    const now = await readRequest(t.app, agent, request.key);
    expect(now.priority).toBe(winner.priority);
    expect(now.version).toBe(2);
    expect(now.timeline.filter((entry) => entry.kind === 'priority_changed')).toHaveLength(1);
  });

  it('accepts the version in the body as well as in If-Match', async () => {
    const request = await fileRequest(t.app, employee, { team: team.slug, subject: 'Body version' });
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/requests/${request.key}`,
      headers: agent,
      payload: { status: 'acknowledged', version: 1 },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"2"');
  });

  it('never refuses comments for racing: each one lands and bumps the version', async () => {
    const request = await fileRequest(t.app, employee, { team: team.slug, subject: 'Chatty' });
    const responses = await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        t.app.inject({ method: 'POST', url: `/api/v1/requests/${request.key}/comments`, headers: agent, payload: { body: `Note ${index}` } }),
      ),
    );
    expect(responses.map((response) => response.statusCode)).toEqual(Array(5).fill(201));
    const now = await readRequest(t.app, agent, request.key);
    expect(now.version).toBe(6);
    expect(now.timeline.filter((entry) => entry.kind === 'commented')).toHaveLength(5);
  });
});
