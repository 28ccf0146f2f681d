#!/usr/bin/env node
// `npm test`: type-check, then the whole suite on PGlite, then again on the PostgreSQL server.
// Without a server the second run is skipped and said so; in CI (CI=true) a missing server fails.
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
  const report = path.join(reportDir, `${kind}.json`);
  console.log(`\n=== Test suite on ${kind === 'pglite' ? 'PGlite (embedded)' : `the PostgreSQL server at ${serverUrl}`} ===\n`);
  const status = run(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extraArgs],
    { HALLWAY_TEST_DB: kind, HALLWAY_TEST_SERVER: serverUrl },
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
if (suite('pglite') !== 0) failed = true;
if (await serverIsUp()) {
  if (suite('postgres') !== 0) failed = true;
} else if (process.env.CI) {
  console.error(`\nCI: the PostgreSQL server at ${serverUrl} is not reachable, and in CI its run may not be skipped.`);
  failed = true;
} else {
  console.log(`\nSkipped the PostgreSQL server run: no server answers at ${serverUrl} (set HALLWAY_TEST_SERVER to use another).`);
}
rmSync(reportDir, { recursive: true, force: true });
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failed || totals.failed > 0 ? 1 : 0);
