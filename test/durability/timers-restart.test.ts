import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseTarget } from '../../server/config.ts';
import { openDatabase, type Database } from '../../server/platform/db/database.ts';
import { runMigrations } from '../../server/platform/db/migrate.ts';
import { killServer, startServerProcess, type ServerProcess } from '../support/processes.ts';
import { createServerDatabaseUrl } from '../support/test-database.ts';
import { testDatabaseKind } from '../support/test-database-kind.ts';
import { firedByOf, onceEach, probeFirings, scheduleProbes, sleep, unfiredTimers, type Scheduled } from './timer-support.ts';

// Timers live in the database, not in a process: those that come due while no Hallway runs fire,
// once, when one starts again. On PGlite the data folder is locked while a server runs, so this test
// only looks inside it between runs, and waits out the 5 s bound instead of polling.
const BOUND_MS = 5_000;

let folder: string;
let target: DatabaseTarget;
let server: ServerProcess | undefined;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'hallway-timers-'));
  target =
    testDatabaseKind() === 'pglite'
      ? { kind: 'pglite', dataDir: path.join(folder, 'data') }
      : { kind: 'postgres', url: await createServerDatabaseUrl() };
});
afterAll(async () => {
  await killServer(server);
  await rm(folder, { recursive: true, force: true });
});

/** Opens the database between server runs (for PGlite, taking over a killed server's folder lock). */
async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(target);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

const env = () => ({
  ...(target.kind === 'pglite' ? { HALLWAY_DATA_DIR: target.dataDir } : { DATABASE_URL: target.url }),
  HALLWAY_DEMO: '0',
  HALLWAY_ADMIN_EMAIL: 'boss@example.com',
  HALLWAY_ADMIN_PASSWORD: 'a long enough password',
  HALLWAY_TIMER_POLL_MS: '250',
});

describe('timers across a crash and a restart', () => {
  it('fires timers that came due while no process ran once the next one starts, and never fires one twice', { timeout: 180_000 }, async () => {
    const whileRunning = await withDatabase(async (database) => {
      await runMigrations(database);
      return scheduleProbes(database, 20, new Date(Date.now() + 1_000), 50);
    });
    const first = await startServerProcess(env());
    server = first;
    const firstStartedAt = Date.now();
    // The first batch comes due while the first process runs (or, on a slow start, just before it
    // listens); it is then killed without warning.
    await sleep(Math.max(whileRunning.at(-1)!.dueAt.getTime(), firstStartedAt) + BOUND_MS - Date.now());
    first.child.kill('SIGKILL');
    await first.exited;

    // With nothing running, the second batch is scheduled and comes due.
    let whileDown: Scheduled[] = [];
    await withDatabase(async (database) => {
      whileDown = await scheduleProbes(database, 20, new Date(Date.now() + 200), 10);
    });
    await sleep(whileDown.at(-1)!.dueAt.getTime() + 300 - Date.now());
    const second = await startServerProcess(env());
    server = second;
    const startedAt = Date.now();
    await sleep(BOUND_MS);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0); // the loop stops before the database closes

    await withDatabase(async (database) => {
      const firings = await probeFirings(database);
      expect(onceEach([...whileRunning, ...whileDown], firings)).toEqual({ twice: [], missing: [] });
      expect(await unfiredTimers(database)).toBe(0);
      const byId = new Map(firings.map((firing) => [firing.timerId, firing]));
      // Each within 5 s of the later of its due time and its process's start.
      const withinBound = (batch: Scheduled[], process: ServerProcess, listeningAt: number) => {
        for (const { id, dueAt } of batch) {
          expect(byId.get(id)).toMatchObject({ firedBy: firedByOf(process) });
          expect(byId.get(id)!.lagMs).toBeLessThanOrEqual(Math.max(0, listeningAt - dueAt.getTime()) + BOUND_MS);
        }
      };
      withinBound(whileRunning, first, firstStartedAt);
      withinBound(whileDown, second, startedAt);
    });
  });
});
