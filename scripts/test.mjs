#!/usr/bin/env node
// `npm test`: type-check (server and web app), then the whole suite on PGlite, then again on the
// PostgreSQL server, then once each the web app's unit tests and its browser journeys.
// Without a server the second run is skipped and said so; in CI (CI=true) a missing server fails.
// Without Chromium the journeys are skipped and said so; in CI a missing Chromium fails.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

const serverUrl = (process.env.HALLWAY_TEST_SERVER ?? 'postgresql://postgres@127.0.0.1:5432').replace(/\/+$/, '');
const extraArgs = process.argv.slice(2);
const reportDir = mkdtempSync(path.join(tmpdir(), 'hallway-test-report-'));

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

async function serverIsUp() {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres`, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
function suite(kind) {
  console.log(`\n=== Test suite on ${kind === 'pglite' ? 'PGlite (embedded)' : `the PostgreSQL server at ${serverUrl}`} ===\n`);
  return vitest(kind, [], { HALLWAY_TEST_DB: kind, HALLWAY_TEST_SERVER: serverUrl });
}

/** One vitest run; its counts join the totals. */
function vitest(name, configArgs, env) {
  const report = path.join(reportDir, `${name}.json`);
  const status = run(
    'npx',
    ['vitest', 'run', ...configArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extraArgs],
    env,
  );
  try {
    const summary = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += summary.numPassedTests;
    totals.failed += summary.numFailedTests;
    totals.skipped += summary.numPendingTests + summary.numTodoTests;
  } catch {
    totals.failed += 1; // No report: the run itself broke.
  }
  return status;
}

let failed = false;
console.log('=== Type check ===');
if (run('npx', ['tsc', '--noEmit']) !== 0) failed = true;
if (run('npx', ['tsc', '--noEmit', '-p', 'web']) !== 0) failed = true;
if (suite('pglite') !== 0) failed = true;
if (await serverIsUp()) {
  if (suite('postgres') !== 0) failed = true;
} else if (process.env.CI) {
  console.error(`\nCI: the PostgreSQL server at ${serverUrl} is not reachable, and in CI its run may not be skipped.`);
  failed = true;
} else {
  console.log(`\nSkipped the PostgreSQL server run: no server answers at ${serverUrl} (set HALLWAY_TEST_SERVER to use another).`);
}
// Neither needs a database server, so each runs once. A file filter meant for the suites above may
// match nothing here, which is no failure.
const filtered = extraArgs.length > 0 ? ['--passWithNoTests'] : [];
console.log('\n=== Web app unit tests ===\n');
if (vitest('web', ['-c', 'vitest.web.config.ts', ...filtered], {}) !== 0) failed = true;
console.log('\n=== Browser journeys (Chromium, a real `hallway serve`) ===\n');
if (vitest('e2e', ['-c', 'vitest.e2e.config.ts', ...filtered], {}) !== 0) failed = true;
rmSync(reportDir, { recursive: true, force: true });
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failed || totals.failed > 0 ? 1 : 0);
