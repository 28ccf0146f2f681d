import { sql } from 'drizzle-orm';
import pg from 'pg';
import { fromPool, type Database } from '../../server/platform/db/database.ts';
import { createServerDatabaseUrl, createTestDatabase } from './test-database.ts';
import { testDatabaseKind } from './test-database-kind.ts';

export interface TwoCallers {
  /** On a server, two pools on one database, as two app processes would have; on PGlite one database twice. */
  first: Database;
  second: Database;
  close(): Promise<void>;
}

/** A fresh migrated database reached by two callers (PGlite is one process by design: one Database). */
export async function openTwoCallers(): Promise<TwoCallers> {
  if (testDatabaseKind() === 'pglite') {
    const database = await createTestDatabase();
    return { first: database, second: database, close: () => database.close() };
  }
  const url = await createServerDatabaseUrl();
  const open = () => {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    pool.on('error', () => undefined);
    return fromPool(pool);
  };
  const first = open();
  const second = open();
  return {
    first,
    second,
    close: async () => {
      await first.close();
      await second.close();
    },
  };
}

export async function clearTimers(database: Database): Promise<void> {
  await database.rows(sql`delete from timer_probe_firings`);
  await database.rows(sql`delete from timers`);
}

/** Waits for a condition, up to a deadline (a bound so a broken loop fails the test, not hangs it). */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
