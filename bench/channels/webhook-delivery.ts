// Webhook delivery throughput: deliveries per second through the HTTP delivery worker (decision
// 0022) to a local receiver answering 200, against a bare loop that POSTs the same bodies with
// fetch at the same concurrency, run side by side in the same process.
//
// Per round (unmeasured first): an outgoing webhook subscription for the team's `created` events,
// and N requests filed through POST /api/v1/requests, so the webhooks reaction queues N deliveries
// in the filings' transactions (--via changes, the default); or N deliveries queued directly with
// queueHttpDelivery for the subscription (--via queue: the worker alone, without the reaction).
// Then, measured:
//   baseline   C lanes of fetch POSTing the N queued bodies, each lane taking the next body
//   Hallway    drainDeliveries with the real queue (httpDeliveryQueue()): rounds of C claimed under
//              a lease, each signed for its subscription, sent, its attempt and outcome recorded
// The two alternate for --rounds rounds; medians are reported.
// Usage: npm run bench:webhooks -- [--db pglite|postgres|both] [--deliveries 1000] [--concurrency 8] [--rounds 3] [--via changes|queue]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { queueHttpDelivery } from '../../server/modules/integrations/http-deliveries.ts';
import { httpDeliveryQueue } from '../../server/modules/integrations/http-delivery.queue.ts';
import type { Database } from '../../server/platform/db/database.ts';
import { runMigrations } from '../../server/platform/db/migrate.ts';
import { drainDeliveries } from '../../server/platform/jobs/delivery-worker.ts';
import { startHttpReceiver, type HttpReceiver } from '../../test/support/http-receiver.ts';
import { openBenchDatabase } from '../bench-database.ts';
import { benchEachDatabase, buildBenchDesk, call, median, round1, round2, runTag, type BenchDesk } from './bench-desk.ts';

const { values: options } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    deliveries: { type: 'string', default: '1000' },
    // The worker's batch in `hallway serve` (DEFAULT_BATCH_SIZE): that many calls at once.
    concurrency: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '3' },
    via: { type: 'string', default: 'changes' },
  },
});
const deliveryCount = Number(options.deliveries);
const concurrency = Number(options.concurrency);
const rounds = Number(options.rounds);
const via = options.via === 'queue' ? 'queue' : 'changes';

/** Runs `work(i)` for i in 0..count-1 on `lanes` lanes, each taking the next index when free. */
async function inLanes(count: number, lanes: number, work: (index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(lanes, count) }, async () => {
    while (next < count) await work(next++);
  }));
}

async function createSubscription(desk: BenchDesk, receiver: HttpReceiver): Promise<string> {
  const created = await call<{ id: string }>(desk.app, {
    method: 'POST',
    url: '/api/v1/admin/webhooks',
    headers: desk.adminHeaders,
    payload: { name: 'Bench receiver', url: `${receiver.url}/hooks/bench`, eventTypes: ['created'], team: desk.team.slug },
  });
  return created.id;
}

/** Queues N deliveries for the subscription (unmeasured) and returns their ids. */
async function queueDeliveries(database: Database, desk: BenchDesk, subscriptionId: string, count = deliveryCount): Promise<string[]> {
  const tag = runTag();
  if (via === 'changes') {
    await inLanes(count, 4, async (i) => {
      const employee = desk.employees[i % desk.employees.length]!;
      await call(desk.app, {
        method: 'POST',
        url: '/api/v1/requests',
        headers: employee.headers,
        payload: { team: desk.team.slug, subject: `Bench ${tag} #${i}`, description: 'My laptop will not start after the update.' },
      });
    });
  } else {
    const url = await subscriptionUrl(database, subscriptionId);
    await database.db.transaction(async (tx) => {
      for (let i = 0; i < count; i += 1) {
        const body = JSON.stringify({ type: 'created', occurredAt: new Date().toISOString(), request: { key: `BEN-${tag}-${i}`, subject: `Bench ${tag} #${i}`, status: 'new', priority: 'normal', team: desk.team.slug } });
        await queueHttpDelivery(tx, { purpose: 'webhook', url, body, subscriptionId, eventType: 'created', dedupeKey: `bench:${tag}:${i}` });
      }
    });
  }
  const pending = await database.rows<{ id: string }>(sql`select id from http_deliveries where subscription_id = ${subscriptionId} and status = 'pending'`);
  if (pending.length !== count) {
    throw new Error(`${pending.length} of ${count} deliveries queued for the subscription (${via}): is the webhooks reaction registered?`);
  }
  return pending.map(({ id }) => id);
}

async function subscriptionUrl(database: Database, subscriptionId: string): Promise<string> {
  const [row] = await database.rows<{ url: string }>(sql`select url from webhook_subscriptions where id = ${subscriptionId}`);
  return row!.url;
}

/** A uuid[] parameter (drizzle would spread a JS array into a row of parameters). */
const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;
const perSecond = (count: number, ms: number) => Math.round((count * 1000) / ms);

async function baselineRound(database: Database, ids: string[]) {
  const queued = await database.rows<{ url: string; body: string; headers: Record<string, string> }>(
    sql`select url, body, headers from http_deliveries where id = any(${uuidArray(ids)}::uuid[]) order by next_attempt_at, id`,
  );
  const started = performance.now();
  await inLanes(queued.length, concurrency, async (i) => {
    const { url, body, headers } = queued[i]!;
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    await response.text();
    if (!response.ok) throw new Error(`baseline POST answered ${response.status}`);
  });
  return { deliveriesPerSecond: perSecond(queued.length, performance.now() - started) };
}

async function hallwayRound(database: Database, receiver: HttpReceiver, ids: string[]) {
  const callsBefore = receiver.calls.length;
  const started = performance.now();
  const tried = await drainDeliveries(database, httpDeliveryQueue(), { batchSize: concurrency });
  const elapsedMs = performance.now() - started;
  const outcomes = await database.rows<{ status: string; count: number }>(
    sql`select status, count(*)::int as count from http_deliveries where id = any(${uuidArray(ids)}::uuid[]) group by status`,
  );
  const calls = receiver.calls.slice(callsBefore);
  return {
    deliveriesPerSecond: perSecond(tried, elapsedMs),
    tried,
    outcomes: Object.fromEntries(outcomes.map(({ status, count }) => [status, count])),
    // What the receiver saw: every call carries its delivery id, and its signature once the webhook signer is in.
    received: calls.length,
    signed: calls.filter((c) => typeof c.headers['hallway-signature'] === 'string').length,
  };
}

async function benchDatabase(kind: 'pglite' | 'postgres') {
  const { database, dispose } = await openBenchDatabase(kind, 'webhooks');
  const receiver = await startHttpReceiver();
  try {
    await runMigrations(database);
    const desk = await buildBenchDesk(database, { employees: 20 });
    const subscriptionId = await createSubscription(desk, receiver);
    try {
      // Unmeasured: both sides' first connections, and the worker's first queries.
      const warmup = await queueDeliveries(database, desk, subscriptionId, Math.min(50, deliveryCount));
      await baselineRound(database, warmup);
      await hallwayRound(database, receiver, warmup);
      const base = [];
      const ours = [];
      for (let round = 0; round < rounds; round += 1) {
        const ids = await queueDeliveries(database, desk, subscriptionId);
        base.push(await baselineRound(database, ids));
        ours.push(await hallwayRound(database, receiver, ids));
        console.log(JSON.stringify({ database: kind, round, baseline: base.at(-1), hallway: ours.at(-1) }));
        if (ours.at(-1)!.outcomes.delivered !== deliveryCount) throw new Error(`round ${round}: not every delivery was delivered`);
      }
      const baselinePerSecond = median(base.map((r) => r.deliveriesPerSecond));
      const hallwayPerSecond = median(ours.map((r) => r.deliveriesPerSecond));
      const row = {
        database: kind,
        via,
        deliveries: deliveryCount,
        concurrency,
        rounds,
        loadAverage: round1(loadavg()[0]!),
        baselinePerSecond,
        hallwayPerSecond,
        ratio: round2(hallwayPerSecond / baselinePerSecond),
        signed: ours.every((r) => r.signed === r.received),
      };
      console.log(JSON.stringify(row));
      return row;
    } finally {
      await desk.app.close();
    }
  } finally {
    await receiver.close();
    await dispose();
  }
}

await benchEachDatabase(options.db, 'webhook-delivery', benchDatabase);
