import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { rowsOf, type Database } from './database.ts';

// Code inside a transaction may look up several things at once (Promise.all over the handle). On a
// server a transaction is one connection: its queries must go one after another, never overlap
// (pg deprecates overlapping calls and pg 9 refuses them), and each must still get its own answer.
describe('several queries at once inside one transaction', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('answers each, in a transaction that sees its own writes, without overlapping calls on one connection', async () => {
    let overlapping = 0;
    let running = 0;
    const query = pg.Client.prototype.query;
    // Counts calls that reach a connection while another call on it has not answered yet.
    const spy = function (this: pg.Client, ...args: unknown[]) {
      const result = (query as (...a: unknown[]) => unknown).apply(this, args);
      if (result instanceof Promise) {
        running += 1;
        if (running > 1) overlapping += 1;
        void result.finally(() => (running -= 1)).catch(() => undefined);
      }
      return result;
    };
    pg.Client.prototype.query = spy as typeof query;
    try {
      const answers = await database.db.transaction(async (tx) => {
        await tx.execute(sql`create temporary table scratch (n int) on commit drop`);
        await tx.execute(sql`insert into scratch values (1), (2), (3)`);
        return Promise.all(
          Array.from({ length: 20 }, (_, n) => tx.execute(sql`select ${n}::int as n, (select count(*)::int from scratch) as seen`)),
        );
      });
      expect(answers.map((result) => rowsOf<{ n: number; seen: number }>(result)[0])).toEqual(
        Array.from({ length: 20 }, (_, n) => ({ n, seen: 3 })),
      );
    } finally {
      pg.Client.prototype.query = query;
    }
    expect(overlapping).toBe(0);
  });
});
