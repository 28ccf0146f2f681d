// The agent desk's queue at 10,000 open requests in one team (and 10,000 in another): how long the
// list takes newest first (the baseline), sorted by due at its head, deep in it and where the clocked
// requests run out, breaching soon, the team's counts, and a bulk change of 25. In-process through
// buildApp() + inject() (no network), medians of --samples calls, both databases by default; plus
// the plans PostgreSQL executes for the due sort (EXPLAIN ANALYZE).
// Usage: node --import tsx bench/queue.ts [--db pglite|postgres|both] [--samples 30]
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app.ts';
import { people, teamMemberships, teams } from '../server/modules/people/people.tables.ts';
import { readScopeOf } from '../server/modules/requests/requests.policy.ts';
import { clockedPageQuery } from '../server/modules/requests/requests.queue.store.ts';
import { issueApiToken } from '../server/platform/auth/api-tokens.ts';
import { runMigrations } from '../server/platform/db/migrate.ts';
import { openBenchDatabase } from './bench-database.ts';
import { insertSyntheticQueue } from './synthetic-queue.ts';

const { values: options } = parseArgs({ options: { db: { type: 'string', default: 'both' }, samples: { type: 'string', default: '30' } } });
const samples = Number(options.samples);
const QUEUE = 10_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(kind: 'pglite' | 'postgres') {
  const { database, dispose } = await openBenchDatabase(kind, 'queue');
  try {
    await runMigrations(database);
    const [team, other] = await database.db
      .insert(teams)
      .values([{ slug: 'it', name: 'IT', keyPrefix: 'IT' }, { slug: 'hr', name: 'HR', keyPrefix: 'HR' }])
      .returning();
    const staff = await database.db
      .insert(people)
      .values(['agent', 'colleague', 'asker-1', 'asker-2', 'asker-3'].map((name) => ({ email: `${name}@bench.example`, name })))
      .returning();
    const [agent, colleague, ...requesters] = staff;
    await database.db.insert(teamMemberships).values([
      { teamId: team!.id, personId: agent!.id, role: 'agent' },
      { teamId: team!.id, personId: colleague!.id, role: 'agent' },
      { teamId: other!.id, personId: colleague!.id, role: 'agent' },
    ]);
    const requesterIds = requesters.map((person) => person.id);
    const firstFiledAt = new Date(Date.now() - QUEUE * 60_000);
    await insertSyntheticQueue(database, { teamId: other!.id, keyPrefix: 'HR', requesterIds, assigneeIds: [colleague!.id], count: QUEUE, firstFiledAt });
    await insertSyntheticQueue(database, { teamId: team!.id, keyPrefix: 'IT', requesterIds, assigneeIds: [agent!.id, colleague!.id], count: QUEUE, firstFiledAt });
    const app = await buildApp({ database, config: { secureCookies: false, bodyLimitBytes: 1_000_000, logLevel: 'silent' }, logger: false });
    await app.ready();
    const { token } = await issueApiToken(database.db, agent!.id, 'bench');
    const headers = { authorization: `Bearer ${token}` };
    const get = async (url: string) => {
      const response = await app.inject({ method: 'GET', url, headers });
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
      return response.json();
    };
    const timed = async (call: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let sample = 0; sample < samples; sample++) {
        const started = performance.now();
        await call();
        times.push(performance.now() - started);
      }
      return median(times);
    };

    // Cursors deep in the due order: page 200 of 25 (row 5,000), and the page where clocks run out.
    let cursor: string | null = null;
    let deep: string | undefined;
    let boundary: string | undefined;
    for (let page = 1; page < 1000; page++) {
      const body: { items: Array<{ dueAt: string | null }>; nextCursor: string | null } = await get(`/api/v1/requests?team=it&sort=due${cursor ? `&cursor=${cursor}` : ''}`);
      if (page === 200) deep = cursor ?? undefined;
      if (!boundary && body.items.some((item) => item.dueAt === null)) boundary = cursor ?? undefined;
      cursor = body.nextCursor;
      if (!cursor || (deep && boundary)) break;
    }
    const scenarios: Array<[string, string]> = [
      ['newest, page 1 (baseline)', '/api/v1/requests?team=it'],
      ['due, page 1', '/api/v1/requests?team=it&sort=due'],
      ['due, page 200', `/api/v1/requests?team=it&sort=due&cursor=${deep}`],
      ['due, where clocks run out', `/api/v1/requests?team=it&sort=due&cursor=${boundary}`],
      ['open statuses, due, page 1', '/api/v1/requests?team=it&sort=due&status=new,acknowledged,in_progress'],
      ['breaching soon, due, page 1', '/api/v1/requests?team=it&sort=due&breaching=soon'],
      ['counts', '/api/v1/requests/counts?team=it'],
    ];
    const rows: Array<{ scenario: string; medianMs: number; ratio: number }> = [];
    for (const [scenario, url] of scenarios) {
      await get(url);
      const ms = await timed(() => get(url));
      rows.push({ scenario, medianMs: Number(ms.toFixed(2)), ratio: 0 });
    }
    const page1 = (await get('/api/v1/requests?team=it&sort=due')) as { items: Array<{ key: string }> };
    const keys = page1.items.map((item) => item.key);
    let flip = 0;
    const bulkMs = await timed(async () => {
      flip += 1;
      const response = await app.inject({ method: 'POST', url: '/api/v1/requests/bulk', headers, payload: { keys, change: { priority: flip % 2 ? 'high' : 'low' } } });
      if (response.statusCode !== 200) throw new Error(`bulk: ${response.statusCode} ${response.body}`);
    });
    rows.push({ scenario: `bulk change of ${keys.length}`, medianMs: Number(bulkMs.toFixed(2)), ratio: 0 });
    // For scale: one PATCH of one of them, the path every key of a bulk change takes.
    let version = ((await get(`/api/v1/requests/${keys[0]}`)) as { version: number }).version;
    const patchMs = await timed(async () => {
      flip += 1;
      const response = await app.inject({
        method: 'PATCH',
        url: `/api/v1/requests/${keys[0]}`,
        headers: { ...headers, 'if-match': `"${version}"` },
        payload: { priority: flip % 2 ? 'high' : 'low' },
      });
      if (response.statusCode !== 200) throw new Error(`patch: ${response.statusCode} ${response.body}`);
      version = (response.json() as { version: number }).version;
    });
    rows.push({ scenario: 'one PATCH (for scale)', medianMs: Number(patchMs.toFixed(2)), ratio: 0 });
    for (const row of rows) row.ratio = Number((row.medianMs / rows[0]!.medianMs).toFixed(2));

    const scope = readScopeOf({ personId: agent!.id, name: 'agent', isAdmin: false, memberships: [{ teamId: team!.id, role: 'agent' }] });
    const plan = await database.rows<Record<string, unknown>>(sql`explain (analyze, costs off, timing off) ${clockedPageQuery(database.db, scope, { teamId: team!.id }, undefined, 26)}`);
    await app.close();
    return { rows, duePagePlan: plan.map((line) => Object.values(line)[0] as string) };
  } finally {
    await dispose();
  }
}

const kinds = options.db === 'both' ? (['pglite', 'postgres'] as const) : [options.db as 'pglite' | 'postgres'];
const results: Record<string, unknown> = { at: new Date().toISOString(), queue: QUEUE, samples };
for (const kind of kinds) {
  const measured = await measure(kind);
  results[kind] = measured;
  console.log(`\n${kind}: ${QUEUE} requests in the team's queue, ${samples} calls each, median ms (ratio to newest page 1)`);
  console.table(measured.rows);
  console.log(measured.duePagePlan.join('\n'));
}
const here = path.dirname(new URL(import.meta.url).pathname);
await mkdir(path.join(here, 'results'), { recursive: true });
await writeFile(path.join(here, 'results', 'queue-latest.json'), `${JSON.stringify(results, null, 2)}\n`);
