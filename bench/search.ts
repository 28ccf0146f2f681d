// Search at 10,000 and 100,000 articles: the fixed quality queries (server/modules/search/
// search-quality.fixture.ts), each run --rounds times as an employee through the search service
// (ranking, snippets, services, teams, holidays and the log insert; no HTTP), on PGlite and the
// PostgreSQL server. Reports median, p95 and worst latency per size, the 100k/10k growth, the
// slowest queries, how many queries still find their meant result in the top three, and
// PostgreSQL's plan for the slowest at the large size.
// Usage: npm run bench:search -- [--db pglite|postgres|both] [--rounds 5] [--sizes 10000,100000]
import { loadavg } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { people } from '../server/modules/people/people.tables.ts';
import { qualityCases } from '../server/modules/search/search-quality.fixture.ts';
import { seedSearchCorpus } from '../server/modules/search/search-corpus.ts';
import { search } from '../server/modules/search/search.service.ts';
import { parseQuery } from '../server/modules/search/search.query.ts';
import { searchArticles } from '../server/modules/search/search.store.ts';
import type { Actor } from '../server/platform/auth/actor.ts';
import { rowsOf, type Database } from '../server/platform/db/database.ts';
import { runMigrations } from '../server/platform/db/migrate.ts';
import { openBenchDatabase } from './bench-database.ts';
import { insertSyntheticArticles } from './synthetic-articles.ts';

const { values: options } = parseArgs({
  options: { db: { type: 'string', default: 'both' }, rounds: { type: 'string', default: '5' }, sizes: { type: 'string', default: '10000,100000' } },
});
const rounds = Number(options.rounds);
const sizes = options.sizes.split(',').map(Number).sort((a, b) => a - b);
const here = path.dirname(new URL(import.meta.url).pathname);


const percentile = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
const round = (value: number) => Math.round(value * 100) / 100;

interface SizeResult {
  articles: number;
  medianMs: number;
  p95Ms: number;
  worstMs: number;
  /** Queries whose meant result is in the top three, of all the fixed queries. */
  foundInTopThree: number;
  missed: string[];
  slowest: Array<{ q: string; medianMs: number }>;
  plan?: string;
}

async function measureSize(database: Database, actor: Actor, articles: number, kind: string): Promise<SizeResult> {
  // One warm-up pass, so the first query's cache misses are not counted as search cost. It also
  // counts the queries whose meant result is still in the top three among this many near-misses:
  // a faster way of choosing candidates must not find less.
  const missed: string[] = [];
  for (const { q, expected } of qualityCases) {
    const { hits } = await search(database.db, actor, { q, limit: 10, source: 'portal' });
    if (!hits.slice(0, 3).some((hit) => hit.link === expected)) missed.push(q);
  }
  const samples: number[] = [];
  const perQuery = new Map<string, number[]>();
  for (let pass = 0; pass < rounds; pass += 1) {
    for (const { q } of qualityCases) {
      const started = performance.now();
      await search(database.db, actor, { q, limit: 10, source: 'portal' });
      const elapsed = performance.now() - started;
      samples.push(elapsed);
      perQuery.set(q, [...(perQuery.get(q) ?? []), elapsed]);
    }
  }
  samples.sort((a, b) => a - b);
  const slowest = [...perQuery]
    .map(([q, times]) => ({ q, medianMs: round(percentile([...times].sort((a, b) => a - b), 0.5)) }))
    .sort((a, b) => b.medianMs - a.medianMs)
    .slice(0, 5);
  const result: SizeResult = {
    articles,
    medianMs: round(percentile(samples, 0.5)),
    p95Ms: round(percentile(samples, 0.95)),
    worstMs: round(samples[samples.length - 1]!),
    foundInTopThree: qualityCases.length - missed.length,
    missed,
    slowest,
  };
  if (kind === 'postgres' && articles === sizes[sizes.length - 1]) result.plan = await explainArticles(database, slowest[0]!.q);
  return result;
}

/** The article statement of a query, as PostgreSQL runs it (the part that grows with the base). */
async function explainArticles(database: Database, q: string): Promise<string> {
  const captured: string[] = [];
  const parsed = parseQuery(q);
  const spy = {
    execute: async (query: ReturnType<typeof sql>) => {
      const rows = rowsOf<Record<string, string>>(await database.db.execute(sql`explain (analyze, buffers) ${query}`));
      captured.push(...rows.map((row) => Object.values(row)[0]!));
      return { rows: [] };
    },
  } as unknown as Database['db'];
  await searchArticles(spy, q, parsed, { isAdmin: false, teamIds: [] }, { limit: 10 });
  return `${q}\n${captured.join('\n')}`;
}

async function measure(kind: 'pglite' | 'postgres'): Promise<SizeResult[]> {
  const { database, dispose } = await openBenchDatabase(kind, 'search');
  try {
    await runMigrations(database);
    const [owner] = await database.db.insert(people).values({ email: 'bench@bench.example', name: 'Bench Searcher' }).returning();
    const corpus = await seedSearchCorpus(database, owner!.id);
    const actor: Actor = { personId: owner!.id, email: owner!.email, name: owner!.name, isAdmin: false, memberships: [], via: 'token', credentialId: 'bench' };
    const teamIds = [...corpus.teamIds.values()];
    const results: SizeResult[] = [];
    let present = corpus.articleIds.size;
    for (const size of sizes) {
      const started = performance.now();
      await insertSyntheticArticles(database, size - present, { teamIds, ownerId: owner!.id, seed: size });
      present = size;
      await database.db.execute(sql`analyze`);
      console.log(`${kind}: ${size} articles in ${Math.round((performance.now() - started) / 1000)} s`);
      const result = await measureSize(database, actor, size, kind);
      console.log(`${kind} ${size}: median ${result.medianMs} ms, p95 ${result.p95Ms} ms, worst ${result.worstMs} ms; meant result in the top three ${result.foundInTopThree}/${qualityCases.length}; slowest ${JSON.stringify(result.slowest)}`);
      results.push(result);
    }
    return results;
  } finally {
    await dispose();
  }
}

const kinds = options.db === 'both' ? (['pglite', 'postgres'] as const) : [options.db as 'pglite' | 'postgres'];
const report: Record<string, unknown> = { at: new Date().toISOString(), queries: qualityCases.length, rounds, loadAverage: loadavg().map(round) };
for (const kind of kinds) {
  const results = await measure(kind);
  const [small, large] = [results[0]!, results[results.length - 1]!];
  report[kind] = { sizes: results, growth: { median: round(large.medianMs / small.medianMs), p95: round(large.p95Ms / small.p95Ms) } };
  console.log(`${kind}: growth ${large.articles}/${small.articles}: median x${round(large.medianMs / small.medianMs)}, p95 x${round(large.p95Ms / small.p95Ms)}`);
}
report.loadAverageAfter = loadavg().map(round);
await mkdir(path.join(here, 'results'), { recursive: true });
await writeFile(path.join(here, 'results', 'search-latest.json'), `${JSON.stringify(report, null, 2)}\n`);
