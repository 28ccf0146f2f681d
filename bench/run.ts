// Throughput benchmarks as ratios against baselines run side by side on this machine:
//   GET /healthz          vs a bare node:http server
//   POST /api/v1/requests vs a bare Fastify route doing one INSERT on the same database
//   POST /api/v1/services/{slug}/requests (form, procedure, SLA clocks and timers) vs the same INSERT
// Each pair alternates for several rounds and keeps the median, so a noisy moment hurts both sides.
// Usage: npm run bench -- [--db pglite|postgres|both] [--seconds 10] [--rounds 3] [--connections 16] [--only healthz|create|service]
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';

const { values: options } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '16' },
    only: { type: 'string' }, // healthz | create | service
  },
});
const seconds = Number(options.seconds);
const rounds = Number(options.rounds);
const connections = Number(options.connections);
const serverBase = (process.env.HALLWAY_TEST_SERVER ?? 'postgresql://postgres@127.0.0.1:5432').replace(/\/+$/, '');
const here = path.dirname(new URL(import.meta.url).pathname);

interface Started {
  child: ChildProcess;
  details: { url: string; token?: string; team?: string; service?: string };
}

function startServer(script: string, env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'servers', script)], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith('READY '));
      if (line) resolve({ child, details: JSON.parse(line.slice(6)) });
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

async function stop(started: Started): Promise<void> {
  const exited = new Promise((resolve) => started.child.once('exit', resolve));
  started.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  started.child.kill('SIGKILL');
}

/**
 * The largest resident set seen while the benchmark runs, sampled every 100 ms. Sampling starts
 * once the server is ready, so the one-off cost of creating a new embedded database is left out.
 */
function sampleResidentMemory(pid: number): { stop(): number } {
  let peakKilobytes = 0;
  const timer = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      peakKilobytes = Math.max(peakKilobytes, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      // The process has exited.
    }
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.round(peakKilobytes / 1024);
    },
  };
}

interface Measured {
  perSecond: number;
  p99Ms: number;
  failures: number;
}

async function load(request: autocannon.Options): Promise<Measured> {
  let n = 0;
  const result = await autocannon({
    connections,
    duration: seconds,
    ...request,
    // Each create gets its own subject, as real traffic would.
    setupClient: request.body
      ? (client) => client.setBody(JSON.stringify({ ...JSON.parse(String(request.body)), subject: `Bench ${n++}` }))
      : undefined,
  });
  return { perSecond: result.requests.average, p99Ms: result.latency.p99, failures: result.non2xx + result.errors };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function sideBySide(label: string, baseline: () => Promise<Measured>, hallway: () => Promise<Measured>) {
  const base: Measured[] = [];
  const ours: Measured[] = [];
  for (let round = 0; round < rounds; round += 1) {
    base.push(await baseline());
    ours.push(await hallway());
  }
  const row = {
    scenario: label,
    baselinePerSecond: Math.round(median(base.map((m) => m.perSecond))),
    hallwayPerSecond: Math.round(median(ours.map((m) => m.perSecond))),
    baselineP99Ms: median(base.map((m) => m.p99Ms)),
    hallwayP99Ms: median(ours.map((m) => m.p99Ms)),
    failures: [...base, ...ours].reduce((sum, m) => sum + m.failures, 0),
    ratio: 0,
  };
  row.ratio = Math.round((row.hallwayPerSecond / row.baselinePerSecond) * 100) / 100;
  console.log(JSON.stringify(row));
  return row;
}

interface DatabaseEnvironments {
  bare: Record<string, string>;
  hallway: Record<string, string>;
  cleanup(): Promise<void>;
}

async function databaseEnvironments(kind: 'pglite' | 'postgres'): Promise<DatabaseEnvironments> {
  if (kind === 'pglite') {
    const folder = await mkdtemp(path.join(tmpdir(), 'hallway-bench-'));
    return {
      bare: { HALLWAY_DATA_DIR: path.join(folder, 'bare') },
      hallway: { HALLWAY_DATA_DIR: path.join(folder, 'hallway') },
      cleanup: () => rm(folder, { recursive: true, force: true }),
    };
  }
  const admin = new pg.Client({ connectionString: `${serverBase}/postgres` });
  await admin.connect();
  const names = [`hallway_bench_bare_${randomBytes(3).toString('hex')}`, `hallway_bench_${randomBytes(3).toString('hex')}`];
  for (const name of names) await admin.query(`create database "${name}"`);
  return {
    bare: { DATABASE_URL: `${serverBase}/${names[0]}` },
    hallway: { DATABASE_URL: `${serverBase}/${names[1]}` },
    cleanup: async () => {
      for (const name of names) await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

async function benchDatabase(kind: 'pglite' | 'postgres') {
  const environments = await databaseEnvironments(kind);
  const bareHttp = await startServer('bare-http.ts', {});
  const bareInsert = await startServer('bare-insert.ts', environments.bare);
  // Started once to create its database, then again: memory is measured as a restarted server
  // runs, not with the one-off cost of creating an embedded database still in the process.
  await stop(await startServer('hallway.ts', environments.hallway));
  const hallway = await startServer('hallway.ts', environments.hallway);
  const memory = sampleResidentMemory(hallway.child.pid!);
  try {
    const healthz = options.only && options.only !== 'healthz' ? undefined : await sideBySide(
      `GET /healthz (${kind})`,
      () => load({ url: bareHttp.details.url }),
      () => load({ url: `${hallway.details.url}/healthz` }),
    );
    const body = JSON.stringify({ subject: 'Bench', description: 'My laptop will not start after the update.' });
    const create = options.only && options.only !== 'create' ? undefined : await sideBySide(
      `create request (${kind})`,
      () => load({ url: `${bareInsert.details.url}/items`, method: 'POST', headers: { 'content-type': 'application/json' }, body }),
      () =>
        load({
          url: `${hallway.details.url}/api/v1/requests`,
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${hallway.details.token}` },
          body: JSON.stringify({ ...JSON.parse(body), team: hallway.details.team }),
        }),
    );
    // Through a catalog service: the form checked, the procedure copied, two SLA clocks started with
    // their warning and breach timers, all in one transaction. Same baseline: one INSERT.
    const answers = { device: 'laptop', symptoms: 'It will not start after the update.' };
    const throughService = options.only && options.only !== 'service' ? undefined : await sideBySide(
      `create request through a service (${kind})`,
      () => load({ url: `${bareInsert.details.url}/items`, method: 'POST', headers: { 'content-type': 'application/json' }, body }),
      () =>
        load({
          url: `${hallway.details.url}/api/v1/services/${hallway.details.service}/requests`,
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${hallway.details.token}` },
          body: JSON.stringify({ answers }),
        }),
    );
    const hallwayPeakRssMbUnderLoad = memory.stop();
    return { database: kind, healthz, create, throughService, hallwayPeakRssMbUnderLoad };
  } finally {
    memory.stop();
    await Promise.all([stop(bareHttp), stop(bareInsert), stop(hallway)]);
    await environments.cleanup();
  }
}

const kinds = options.db === 'both' ? (['pglite', 'postgres'] as const) : [options.db as 'pglite' | 'postgres'];
const results = [];
for (const kind of kinds) results.push(await benchDatabase(kind));
await mkdir(path.join(here, 'results'), { recursive: true });
const file = path.join(here, 'results', 'throughput-latest.json');
await writeFile(file, `${JSON.stringify({ at: new Date().toISOString(), seconds, rounds, connections, results }, null, 2)}\n`);
console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
