import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { fromPool, type Database } from '../../server/platform/db/database.ts';
import { killServer, startServerProcess, type ServerProcess } from '../support/processes.ts';
import { createServerDatabaseUrl } from '../support/test-database.ts';
import { testDatabaseKind } from '../support/test-database-kind.ts';
import { until } from '../support/timer-databases.ts';
import { firedByOf, onceEach, pendingCleanups, probeFirings, scheduleProbes, sleep, unfiredTimers } from './timer-support.ts';

// The bar: 1,000 timers, two processes on one PostgreSQL database, one killed halfway;
// each timer fires exactly once, within 5 s of its due time. The embedded database (PGlite) is one
// process by design (decision 0002), so this runs on the server only; restarts are tested on both
// in timers-restart.test.ts.
const TIMERS = 1_000;
const SPREAD_MS = 12_000;
const LEAD_MS = 3_000; // scheduling finishes before the first is due
const BOUND_MS = 5_000;

const servers: ServerProcess[] = [];
let database: Database | undefined;
afterAll(async () => {
  for (const server of servers) await killServer(server);
  await database?.close();
});

describe.skipIf(testDatabaseKind() !== 'postgres')('timers shared by two processes on one PostgreSQL server (server only: PGlite is one process)', () => {
  it('fires each of 1,000 timers exactly once, within 5 s of due, although one process is killed halfway', { timeout: 180_000 }, async () => {
    const url = await createServerDatabaseUrl();
    const env = {
      DATABASE_URL: url,
      HALLWAY_DEMO: '0',
      HALLWAY_ADMIN_EMAIL: 'boss@example.com',
      HALLWAY_ADMIN_PASSWORD: 'a long enough password',
      HALLWAY_TIMER_POLL_MS: '250',
    };
    // Started together: exactly one prepares the database (first start), both then fire timers.
    const [victim, survivor] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    servers.push(victim!, survivor!);
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    pool.on('error', () => undefined);
    database = fromPool(pool);

    const firstDue = new Date(Date.now() + LEAD_MS);
    const scheduled = await scheduleProbes(database, TIMERS, firstDue, SPREAD_MS / TIMERS);
    const lastDue = scheduled.at(-1)!.dueAt.getTime();

    // Halfway through, both have been firing; then one dies without warning, possibly mid-firing.
    await sleep(firstDue.getTime() + SPREAD_MS / 2 - Date.now());
    const beforeKill = await probeFirings(database);
    victim!.child.kill('SIGKILL');
    expect(await victim!.exited).toBe('SIGKILL');

    await until(async () => Date.now() > lastDue + BOUND_MS && (await probeFirings(database!)).length >= TIMERS, lastDue + 60_000 - Date.now());
    const firings = await probeFirings(database);

    expect(onceEach(scheduled, firings)).toEqual({ twice: [], missing: [] });
    expect(await unfiredTimers(database)).toBe(0);
    // Both processes made sure of the daily cleanup as they started: one chain, not two.
    expect(await pendingCleanups(database)).toBe(1);
    const late = firings.filter(({ lagMs }) => lagMs > BOUND_MS || lagMs < 0);
    expect(late).toEqual([]);
    const firedBy = (firings: typeof beforeKill, server: ServerProcess) => firings.filter((f) => f.firedBy === firedByOf(server)).length;
    expect(firedBy(beforeKill, victim!)).toBeGreaterThan(0);
    expect(firedBy(beforeKill, survivor!)).toBeGreaterThan(0);
    // After the kill the survivor fired everything that was left. The victim may have committed a
    // few more firings between the snapshot above and the signal (timers come due every ~12 ms), so
    // those are counted from the final list rather than assumed to be none.
    expect(firedBy(firings, victim!) + firedBy(firings, survivor!)).toBe(TIMERS);
    const victimAfterSnapshot = firedBy(firings, victim!) - firedBy(beforeKill, victim!);
    expect(victimAfterSnapshot).toBeLessThanOrEqual(10);
    expect(firedBy(firings, survivor!) - firedBy(beforeKill, survivor!)).toBe(TIMERS - beforeKill.length - victimAfterSnapshot);

    const lags = firings.map(({ lagMs }) => lagMs).sort((a, b) => a - b);
    console.log(
      `timers: ${TIMERS} fired once each; before the kill ${firedBy(beforeKill, victim!)} by the killed process, ` +
        `${firedBy(beforeKill, survivor!)} by the survivor; lag median ${lags[Math.floor(lags.length / 2)]!.toFixed(1)} ms, ` +
        `p99 ${lags[Math.floor(lags.length * 0.99)]!.toFixed(1)} ms, max ${lags.at(-1)!.toFixed(1)} ms`,
    );

    // The survivor stops gracefully: the timer loop ends before the database closes, exit 0.
    survivor!.child.kill('SIGTERM');
    expect(await survivor!.exited).toBe(0);
  });
});
