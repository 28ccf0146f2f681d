import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { deliverDueRound, drainDeliveries, startDeliveryWorker, type DeliveryQueue } from './delivery-worker.ts';

// The loop's own mechanics, with a queue held in memory: the outboxes' claim and record SQL is
// tested with each outbox (mail, HTTP) on both databases.
const noDatabase = {} as Database;

interface Item {
  id: number;
  dueAt: number;
}

function memoryQueue(items: Item[], options: { failDeliveryOf?: number } = {}) {
  const delivered: number[] = [];
  const claims: Array<{ limit: number; leaseMs: number }> = [];
  let leased = new Set<number>();
  const queue: DeliveryQueue<Item> & { delivered: number[]; claims: typeof claims; add(item: Item): void } = {
    name: 'memory',
    delivered,
    claims,
    add: (item) => items.push(item),
    claim: async (_db, now, limit, leaseUntil) => {
      claims.push({ limit, leaseMs: leaseUntil.getTime() - now.getTime() });
      const due = items.filter((item) => item.dueAt <= now.getTime() && !leased.has(item.id)).slice(0, limit);
      leased = new Set([...leased, ...due.map((item) => item.id)]);
      return due;
    },
    deliver: async (_db, item) => {
      if (item.id === options.failDeliveryOf) throw new Error('could not record the outcome');
      delivered.push(item.id);
      items.splice(items.indexOf(item), 1);
      leased.delete(item.id);
    },
  };
  return queue;
}

describe('the delivery worker', () => {
  it('drains in rounds of the batch size until nothing is due, leaving what is due later', async () => {
    const now = Date.now();
    const queue = memoryQueue([...Array.from({ length: 7 }, (_, index) => ({ id: index, dueAt: now - 1 })), { id: 99, dueAt: now + 60_000 }]);
    const total = await drainDeliveries(noDatabase, queue, { now: new Date(now), batchSize: 3 });
    expect(total).toBe(7);
    expect(queue.delivered.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // 3 + 3 + 1, then one empty round that ends the drain.
    expect(queue.claims.map((claim) => claim.limit)).toEqual([3, 3, 3, 3]);
  });

  it('leases for the given time, by default a minute', async () => {
    const queue = memoryQueue([{ id: 1, dueAt: 0 }]);
    await deliverDueRound(noDatabase, queue, { now: new Date(1_000) });
    await deliverDueRound(noDatabase, queue, { now: new Date(1_000), leaseMs: 5_000 });
    expect(queue.claims.map((claim) => claim.leaseMs)).toEqual([60_000, 5_000]);
  });

  it('delivers the rest of a round when one item fails to record, then reports the failure', async () => {
    const queue = memoryQueue(
      [
        { id: 1, dueAt: 0 },
        { id: 2, dueAt: 0 },
        { id: 3, dueAt: 0 },
      ],
      { failDeliveryOf: 2 },
    );
    await expect(deliverDueRound(noDatabase, queue, { now: new Date(1_000) })).rejects.toThrow('could not record the outcome');
    expect(queue.delivered.sort()).toEqual([1, 3]);
  });

  it('runs until stopped, delivers what is queued after a wake, logs a failing round without dying, and closes the queue on stop', async () => {
    const queue = memoryQueue([{ id: 1, dueAt: 0 }]);
    const errors: object[] = [];
    let failClaims = 0;
    let closed = 0;
    const flaky: DeliveryQueue<Item> = {
      name: 'flaky',
      close: () => {
        closed += 1;
      },
      claim: async (...args) => {
        if (failClaims > 0) {
          failClaims -= 1;
          throw new Error('database went away');
        }
        return queue.claim(...args);
      },
      deliver: (...args) => queue.deliver(...args),
    };
    // A long poll: only wake() can explain a prompt second delivery.
    const worker = startDeliveryWorker(noDatabase, flaky, { pollIntervalMs: 60_000, logger: { error: (details) => errors.push(details) } });
    try {
      await until(() => queue.delivered.length === 1);
      queue.add({ id: 2, dueAt: 0 });
      worker.wake();
      await until(() => queue.delivered.length === 2);
      failClaims = 1;
      queue.add({ id: 3, dueAt: 0 });
      worker.wake();
      await until(() => errors.length === 1);
      expect(errors[0]).toMatchObject({ queue: 'flaky' });
    } finally {
      await worker.stop();
    }
    expect(queue.delivered).toEqual([1, 2]);
    // Stopping lets go of the queue's connections, once.
    expect(closed).toBe(1);
  });
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
