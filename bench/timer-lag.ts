// Timer lag: how late a durable timer fires (due -> fired), median and p99, against a baseline run
// side by side in the same process for the same due times: a plain in-memory `setTimeout`, which
// is neither durable nor shared between processes, and is the floor this event loop can do.
// Two scenarios per database, each with N timers spread over a few seconds:
//   scheduled ahead    every timer is in the table before it is due, so the loop sleeps until each
//                      one's due time (the usual case: SLA warnings are due minutes or hours later)
//   scheduled at due   each timer is inserted, already due, at its due time by a connection the loop
//                      does not hear from (another process, or a request that does not nudge): the
//                      loop sees it on its next poll, so the lag is up to one poll interval. Fewer
//                      timers (--at-due-timers), so it shows the poll interval, not this process
//                      saturating under inserts and firings at once.
// Hallway's lag is timer_probe_firings.fired_at (written inside the firing transaction, before its
// commit) minus due_at; the database runs on this machine, so both read one clock.
// Usage: npm run bench:timers -- [--db pglite|postgres|both] [--timers 1000] [--at-due-timers 200] [--spread-ms 10000] [--poll-ms 500]
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database } from '../server/platform/db/database.ts';
import { runMigrations } from '../server/platform/db/migrate.ts';
import { PROBE_TIMER_KIND, probeTimerHandlers } from '../server/platform/jobs/probe-timer.ts';
import { startTimerLoop } from '../server/platform/jobs/timer-loop.ts';
import { scheduleTimer } from '../server/platform/jobs/timers.ts';

const { values: options } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    timers: { type: 'string', default: '1000' },
    'at-due-timers': { type: 'string', default: '200' },
    'spread-ms': { type: 'string', default: '10000' },
    'poll-ms': { type: 'string', default: '500' },
  },
});
const aheadCount = Number(options.timers);
const atDueCount = Number(options['at-due-timers']);
const spreadMs = Number(options['spread-ms']);
const pollMs = Number(options['poll-ms']);
const serverBase = (process.env.HALLWAY_TEST_SERVER ?? 'postgresql://postgres@127.0.0.1:5432').replace(/\/+$/, '');
const here = path.dirname(new URL(import.meta.url).pathname);
const LEAD_MS = 2_000; // from the moment the due times are set to the first one

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
const round1 = (value: number) => Math.round(value * 10) / 10;

interface Lags {
  median: number;
  p99: number;
  max: number;
}
function summarise(lags: number[]): Lags {
  const sorted = [...lags].sort((a, b) => a - b);
  return { median: round1(quantile(sorted, 0.5)), p99: round1(quantile(sorted, 0.99)), max: round1(sorted.at(-1)!) };
}

/** The wall clock with sub-millisecond resolution (Date.now() would round the baseline's lag to 0 or 1). */
const preciseNow = () => performance.timeOrigin + performance.now();

/** setTimeout for each due time, in this process, while Hallway fires the same due times. */
function baseline(dueTimes: number[]): Promise<number[]> {
  return Promise.all(
    dueTimes.map(
      (due) =>
        new Promise<number>((resolve) => {
          setTimeout(() => resolve(preciseNow() - due), due - Date.now());
        }),
    ),
  );
}

async function hallwayLags(database: Database, count: number): Promise<number[]> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const rows = await database.rows<{ lagMs: number }>(
      sql`select (extract(epoch from fired_at - due_at) * 1000)::float8 as "lagMs" from timer_probe_firings`,
    );
    if (rows.length >= count) return rows.map(({ lagMs }) => Number(lagMs));
    if (Date.now() > deadline) throw new Error(`only ${rows.length} of ${count} timers fired within a minute of the last due time`);
    await sleep(200);
  }
}

async function scenario(database: Database, name: string, atDue: boolean) {
  const timerCount = atDue ? atDueCount : aheadCount;
  await database.rows(sql`delete from timer_probe_firings`);
  await database.rows(sql`delete from timers`);
  const spacingMs = spreadMs / timerCount;
  const dueTimesFrom = (first: number) => Array.from({ length: timerCount }, (_, i) => first + i * spacingMs);
  const loop = startTimerLoop(database, probeTimerHandlers, { pollIntervalMs: pollMs, firedBy: 'bench', logger: console });
  const schedule = (due: number) => scheduleTimer(database.db, { kind: PROBE_TIMER_KIND, dueAt: new Date(due) });
  let base: Promise<number[]>;
  if (atDue) {
    const dueTimes = dueTimesFrom(Date.now() + LEAD_MS);
    base = baseline(dueTimes);
    await Promise.all(dueTimes.map((due) => sleep(due - Date.now()).then(() => schedule(due))));
  } else {
    // How fast timers are scheduled is not what is measured (on a loaded machine 1,000 inserts can
    // outlast any fixed lead): schedule them far ahead, then give them their due times in one statement.
    const ids: number[] = [];
    for (let i = 0; i < timerCount; i += 1) ids.push(await schedule(Date.now() + 3_600_000));
    const first = Date.now() + LEAD_MS;
    await database.rows(
      sql`update timers set due_at = to_timestamp((${first}::float8 + (id - ${Math.min(...ids)}::bigint) * ${spacingMs}::float8) / 1000.0)
          where id between ${Math.min(...ids)}::bigint and ${Math.max(...ids)}::bigint`,
    );
    loop.nudge(); // it slept until its next poll, or the placeholder due times
    base = baseline(dueTimesFrom(first));
  }
  const ours = await hallwayLags(database, timerCount);
  await loop.stop();
  const baselineLags = summarise(await base);
  const hallway = summarise(ours);
  const row = {
    scenario: name,
    database: database.kind,
    timers: timerCount,
    spreadMs,
    pollMs,
    // Other work on the machine delays both sides; the 1-minute load average when the scenario ended.
    loadAverage: round1(loadavg()[0]!),
    baselineMs: baselineLags,
    hallwayMs: hallway,
    // How many times the baseline's lag. The baseline's median is under a millisecond, so the ratio
    // is floored at 1 ms there, and these are to be read with the absolute figures beside them.
    ratioMedian: round1(hallway.median / Math.max(baselineLags.median, 1)),
    ratioP99: round1(hallway.p99 / Math.max(baselineLags.p99, 1)),
  };
  console.log(JSON.stringify(row));
  return row;
}

async function openBenchDatabase(kind: 'pglite' | 'postgres'): Promise<{ database: Database; cleanup(): Promise<void> } | undefined> {
  if (kind === 'pglite') {
    const folder = await mkdtemp(path.join(tmpdir(), 'hallway-bench-timers-'));
    const database = await openDatabase({ kind: 'pglite', dataDir: path.join(folder, 'data') });
    const cleanup = async () => {
      await database.close();
      await rm(folder, { recursive: true, force: true });
    };
    return { database, cleanup };
  }
  const admin = new pg.Client({ connectionString: `${serverBase}/postgres`, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch {
    console.log(`No PostgreSQL server answers at ${serverBase}: skipped.`);
    return undefined;
  }
  const name = `hallway_bench_timers_${randomBytes(3).toString('hex')}`;
  await admin.query(`create database "${name}"`);
  const database = await openDatabase({ kind: 'postgres', url: `${serverBase}/${name}` });
  return {
    database,
    cleanup: async () => {
      await database.close();
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

const startedAt = Date.now();
const kinds = options.db === 'both' ? (['pglite', 'postgres'] as const) : ([options.db as 'pglite' | 'postgres'] as const);
const results = [];
for (const kind of kinds) {
  const opened = await openBenchDatabase(kind);
  if (!opened) continue;
  try {
    await runMigrations(opened.database);
    results.push(await scenario(opened.database, 'scheduled ahead', false));
    results.push(await scenario(opened.database, 'scheduled at due, not nudged', true));
  } finally {
    await opened.cleanup();
  }
}

await mkdir(path.join(here, 'results'), { recursive: true });
const file = path.join(here, 'results', 'timer-lag-latest.json');
const totalSeconds = Math.round((Date.now() - startedAt) / 100) / 10;
await writeFile(file, `${JSON.stringify({ at: new Date().toISOString(), node: process.version, totalSeconds, results }, null, 2)}\n`);
console.log(`\n${totalSeconds} s; written to ${path.relative(process.cwd(), file)}`);
