import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { people, teamMemberships, teams } from '../../server/modules/people/people.tables.ts';
import { issueApiToken } from '../../server/platform/auth/api-tokens.ts';
import type { Database } from '../../server/platform/db/database.ts';

// The small organisation both channel benches run against: one team with an agent, an admin, and
// a few employees who send mail or file requests. Everything after this set-up goes through
// Hallway's own routes (app.inject), as a client would.

export interface BenchDesk {
  app: FastifyInstance;
  team: { id: string; slug: string };
  agentHeaders: Record<string, string>;
  adminHeaders: Record<string, string>;
  employees: Array<{ id: string; email: string; headers: Record<string, string> }>;
}

export async function buildBenchDesk(database: Database, options: { employees: number }): Promise<BenchDesk> {
  const [team] = await database.db.insert(teams).values({ slug: 'bench', name: 'Bench desk', keyPrefix: 'BEN' }).returning();
  const [agent, admin, ...employees] = await database.db
    .insert(people)
    .values([
      { email: 'agent@bench.example', name: 'Bench Agent' },
      { email: 'admin@bench.example', name: 'Bench Admin', isAdmin: true },
      ...Array.from({ length: options.employees }, (_, i) => ({ email: `employee-${i}@bench.example`, name: `Employee ${i}` })),
    ])
    .returning();
  await database.db.insert(teamMemberships).values({ teamId: team!.id, personId: agent!.id, role: 'agent' });
  const bearer = async (personId: string) => ({ authorization: `Bearer ${(await issueApiToken(database.db, personId, 'bench')).token}` });
  const app = await buildApp({ database, config: { secureCookies: false, bodyLimitBytes: 1_000_000, logLevel: 'silent' }, logger: false });
  await app.ready();
  return {
    app,
    team: { id: team!.id, slug: team!.slug },
    agentHeaders: await bearer(agent!.id),
    adminHeaders: await bearer(admin!.id),
    employees: await Promise.all(employees.map(async (person) => ({ id: person.id, email: person.email, headers: await bearer(person.id) }))),
  };
}

/** An inject() call that must succeed: a bench measuring failures would measure nothing. */
export async function call<T>(app: FastifyInstance, request: InjectOptions): Promise<T> {
  const response = await app.inject(request);
  if (response.statusCode >= 300) throw new Error(`${String(request.method ?? 'GET')} ${String(request.url)}: ${response.statusCode} ${response.body}`);
  return (response.body ? response.json() : undefined) as T;
}

/** A tag that keeps one run's subjects and ids apart from another's in the same database. */
export const runTag = () => randomBytes(3).toString('hex');

export const median = (values: number[]) => quantile(values, 0.5);
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN;
}
export const round1 = (value: number) => Math.round(value * 10) / 10;
export const round2 = (value: number) => Math.round(value * 100) / 100;

/** Runs the bench on each database asked for (--db pglite|postgres|both) and writes bench/results/<name>-latest.json. */
export async function benchEachDatabase<Row>(db: string | undefined, name: string, benchDatabase: (kind: 'pglite' | 'postgres') => Promise<Row>) {
  const startedAt = Date.now();
  const kinds = db === 'both' || db === undefined ? (['pglite', 'postgres'] as const) : [db as 'pglite' | 'postgres'];
  const results: Row[] = [];
  for (const kind of kinds) results.push(await benchDatabase(kind));
  const folder = new URL('../results/', import.meta.url).pathname;
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `${name}-latest.json`);
  const totalSeconds = Math.round((Date.now() - startedAt) / 100) / 10;
  await writeFile(file, `${JSON.stringify({ at: new Date().toISOString(), node: process.version, totalSeconds, results }, null, 2)}\n`);
  console.log(`\n${totalSeconds} s; written to ${path.relative(process.cwd(), file)}`);
}
