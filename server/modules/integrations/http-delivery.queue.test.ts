import { createServer, type AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHttpReceiver, type HttpReceiver } from '../../../test/support/http-receiver.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import type { Database } from '../../platform/db/database.ts';
import { deliverDueRound, drainDeliveries } from '../../platform/jobs/delivery-worker.ts';
import type { DeliveryOwner, DeliveryToSign } from '../domain-delivery-credentials.ts';
import { queueHttpDelivery } from './http-deliveries.ts';
import { httpDeliveryQueue, type HttpDeliveryQueueOptions } from './http-delivery.queue.ts';

// The HTTP delivery worker against a local peer: what counts as delivered, retried or given up,
// what each attempt leaves in the log, and what reaches the peer (headers, the body byte for byte).

let database: Database;
let receiver: HttpReceiver;
const deliveredAnswers: Array<{ id: string; body: string }> = [];
const testOwner: DeliveryOwner = {
  credentials: async (_db, delivery: DeliveryToSign) => ({ authorization: `Bearer token-for-${delivery.purpose}` }),
  delivered: async (_db, delivery, answer) => {
    deliveredAnswers.push({ id: delivery.id, body: answer.body });
  },
};
const failingOwner: DeliveryOwner = {
  credentials: async () => {
    throw new Error('HALLWAY_TEST_TOKEN is not set');
  },
};
const owners = { webhook: testOwner, slack: failingOwner };
const noJitter = () => 0.5;
const queue = (options: HttpDeliveryQueueOptions = {}) => httpDeliveryQueue({ owners, random: noJitter, ...options });

beforeAll(async () => {
  [database, receiver] = await Promise.all([createTestDatabase(), startHttpReceiver()]);
}, 120_000);
afterAll(async () => {
  await receiver?.close();
  await database?.close();
});
beforeEach(async () => {
  await database.db.execute(sql`delete from http_deliveries`);
});

async function queued(path: string, purpose = 'webhook', body = '{"type":"request.created"}'): Promise<string> {
  const id = await queueHttpDelivery(database.db, { purpose, url: `${receiver.url}${path}`, body, headers: { 'X-Event': 'request.created' } });
  if (!id) throw new Error('not queued');
  return id;
}

async function portNobodyListensOn(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function deliveryRow(id: string) {
  const [row] = await database.rows<{ status: string; attempts: number; next_attempt_at: Date; last_status_code: number | null; last_error: string | null; leased_until: Date | null }>(
    sql`select status, attempts, next_attempt_at, last_status_code, last_error, leased_until from http_deliveries where id = ${id}`,
  );
  return row!;
}

async function attemptLog(id: string) {
  return database.rows<{ attempt: number; status_code: number | null; error: string | null; duration_ms: number; response_excerpt: string | null }>(
    sql`select attempt, status_code, error, duration_ms, response_excerpt from http_delivery_attempts where delivery_id = ${id} order by attempt`,
  );
}

describe('the HTTP delivery worker', () => {
  it('delivers on a 2xx with the owner credentials, its id and the body byte for byte, and tells the owner', async () => {
    const body = '{"type":"request.created","subject":"Café ☕ — ünïcode"}';
    const id = await queued('/ok', 'webhook', body);
    expect(await drainDeliveries(database, queue())).toBe(1);
    const [call] = receiver.calls.filter((c) => c.path === '/ok');
    expect(call!.body).toBe(body);
    expect(call!.headers['hallway-delivery']).toBe(id);
    expect(call!.headers.authorization).toBe('Bearer token-for-webhook');
    expect(call!.headers['x-event']).toBe('request.created');
    expect(call!.headers['content-type']).toBe('application/json');
    expect(call!.headers['user-agent']).toMatch(/^Hallway/);
    expect(await deliveryRow(id)).toMatchObject({ status: 'delivered', attempts: 1, last_status_code: 200, leased_until: null });
    expect(await attemptLog(id)).toMatchObject([{ attempt: 1, status_code: 200, error: null, response_excerpt: '{"ok":true}' }]);
    expect(deliveredAnswers).toContainEqual({ id, body: '{"ok":true}' });
  });

  it('retries a 500 after the backoff, then delivers, with both attempts logged', async () => {
    let calls = 0;
    receiver.answer('/flaky', () => (++calls === 1 ? { status: 500, body: 'upstream down' } : { status: 204 }));
    const id = await queued('/flaky');
    const first = new Date(Date.now() + 1);
    await drainDeliveries(database, queue({ now: () => first }), { now: first });
    const afterFirst = await deliveryRow(id);
    expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1, last_status_code: 500, last_error: 'HTTP 500' });
    // With the draw fixed at 0.5, the first retry is half the 30 s ceiling.
    expect(new Date(afterFirst.next_attempt_at).getTime() - first.getTime()).toBe(15_000);
    expect(await drainDeliveries(database, queue(), { now: new Date(first.getTime() + 14_000) })).toBe(0);
    const later = new Date(first.getTime() + 16_000);
    expect(await drainDeliveries(database, queue({ now: () => later }), { now: later })).toBe(1);
    expect(await deliveryRow(id)).toMatchObject({ status: 'delivered', attempts: 2, last_status_code: 204 });
    expect(await attemptLog(id)).toMatchObject([
      { attempt: 1, status_code: 500, error: 'HTTP 500', response_excerpt: 'upstream down' },
      { attempt: 2, status_code: 204, error: null },
    ]);
  });

  it('honours a sane Retry-After and ignores one that would park the delivery for a day', async () => {
    receiver.answer('/slow-down', { status: 429, headers: { 'retry-after': '120' } });
    receiver.answer('/go-away', { status: 503, headers: { 'retry-after': '86400' } });
    const asked = await queued('/slow-down');
    const unreasonable = await queued('/go-away');
    // A millisecond on: both rows were stamped (in microseconds) within the current millisecond at the latest.
    const now = new Date(Date.now() + 1);
    await drainDeliveries(database, queue({ now: () => now }), { now });
    expect(new Date((await deliveryRow(asked)).next_attempt_at).getTime() - now.getTime()).toBe(120_000);
    expect(new Date((await deliveryRow(unreasonable)).next_attempt_at).getTime() - now.getTime()).toBe(15_000);
  });

  it('fails a 400 at once, without retrying', async () => {
    receiver.answer('/bad', { status: 400, body: '{"error":"unknown field"}' });
    const id = await queued('/bad');
    await drainDeliveries(database, queue());
    expect(await deliveryRow(id)).toMatchObject({ status: 'failed', attempts: 1, last_status_code: 400 });
    expect(await drainDeliveries(database, queue(), { now: new Date(Date.now() + 86_400_000) })).toBe(0);
  });

  it('gives up after the last attempt', async () => {
    receiver.answer('/down', { status: 502 });
    const id = await queued('/down');
    const policy = { baseDelayMs: 1000, maxDelayMs: 4000, maxAttempts: 3 };
    for (let round = 0; round < 3; round += 1) {
      const at = new Date(Date.now() + round * 10_000);
      await drainDeliveries(database, queue({ retryPolicy: policy, now: () => at }), { now: at });
    }
    expect(await deliveryRow(id)).toMatchObject({ status: 'failed', attempts: 3 });
    expect((await attemptLog(id)).map((a) => a.status_code)).toEqual([502, 502, 502]);
  });

  it('counts a peer that does not answer in time as a failed attempt to retry', async () => {
    receiver.answer('/hang', { status: 200, delayMs: 3000 });
    const id = await queued('/hang');
    await drainDeliveries(database, queue({ timeoutMs: 200 }));
    expect(await deliveryRow(id)).toMatchObject({ status: 'pending', attempts: 1, last_status_code: null, last_error: 'no answer within 200 ms' });
  });

  it('retries a refused connection and a missing credential; fails an unknown purpose at once', async () => {
    const closed = await queueHttpDelivery(database.db, { purpose: 'webhook', url: `http://127.0.0.1:${await portNobodyListensOn()}/`, body: '{}' });
    const noToken = await queued('/never', 'slack');
    const unknown = await queued('/never', 'carrier-pigeon');
    await drainDeliveries(database, queue());
    expect(await deliveryRow(closed!)).toMatchObject({ status: 'pending', attempts: 1, last_error: 'network error: ECONNREFUSED' });
    expect(await deliveryRow(noToken)).toMatchObject({ status: 'pending', attempts: 1, last_error: 'credentials: HALLWAY_TEST_TOKEN is not set' });
    expect(await deliveryRow(unknown)).toMatchObject({ status: 'failed', attempts: 1, last_error: "unknown purpose 'carrier-pigeon': no owner to sign it" });
    expect(receiver.calls.filter((c) => c.path === '/never')).toHaveLength(0);
  });

  it('leaves a leased delivery alone until its lease runs out, then delivers it again', async () => {
    const id = await queued('/leased');
    const now = new Date(Date.now() + 1);
    const claimed = await queue().claim(database, now, 10, new Date(now.getTime() + 60_000));
    expect(claimed.map((d) => d.id)).toEqual([id]);
    // The worker that claimed it died: nothing is delivered while the lease holds.
    expect(await deliverDueRound(database, queue(), { now: new Date(now.getTime() + 30_000) })).toBe(0);
    expect(await deliverDueRound(database, queue(), { now: new Date(now.getTime() + 61_000) })).toBe(1);
    expect(await deliveryRow(id)).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(receiver.calls.filter((c) => c.path === '/leased')).toHaveLength(1);
  });

  it('does not follow a redirect to another host, and follows a 307 within the same origin', async () => {
    receiver.answer('/elsewhere', { status: 307, headers: { location: 'http://192.0.2.1/steal' } });
    receiver.answer('/moved', { status: 308, headers: { location: '/new-home' } });
    const elsewhere = await queued('/elsewhere');
    const moved = await queued('/moved');
    await drainDeliveries(database, queue());
    expect(await deliveryRow(elsewhere)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await deliveryRow(moved)).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(receiver.calls.find((c) => c.path === '/new-home')?.body).toBe('{"type":"request.created"}');
  });

  it('refuses a URL that is not http(s) at queue time and queues a dedupe key once', async () => {
    await expect(queueHttpDelivery(database.db, { purpose: 'webhook', url: 'file:///etc/passwd', body: '{}' })).rejects.toThrow(RangeError);
    const first = await queueHttpDelivery(database.db, { purpose: 'webhook', url: `${receiver.url}/x`, body: '{}', dedupeKey: 'webhook:s:1' });
    const again = await queueHttpDelivery(database.db, { purpose: 'webhook', url: `${receiver.url}/x`, body: '{}', dedupeKey: 'webhook:s:1' });
    expect(first).not.toBeNull();
    expect(again).toBeNull();
    const [{ count }] = (await database.rows<{ count: number }>(sql`select count(*)::int as count from http_deliveries`)) as [{ count: number }];
    expect(count).toBe(1);
  });
});
