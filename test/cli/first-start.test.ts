import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseTarget } from '../../server/config.ts';
import { verifyPassword } from '../../server/platform/auth/passwords.ts';
import { openDatabase } from '../../server/platform/db/database.ts';
import { DEMO_SEEDING_TIMEOUT_MS, killServer, startServerProcess, type ServerProcess } from '../support/processes.ts';
import { createServerDatabaseUrl } from '../support/test-database.ts';
import { testDatabaseKind } from '../support/test-database-kind.ts';

const kind = testDatabaseKind();
let folder: string;
const started: ServerProcess[] = [];

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'hallway-first-start-'));
});
afterEach(async () => {
  await Promise.all(started.splice(0).map(killServer));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

async function freshTarget(name: string): Promise<{ target: DatabaseTarget; env: Record<string, string> }> {
  if (kind === 'pglite') {
    const dataDir = path.join(folder, name);
    return { target: { kind: 'pglite', dataDir }, env: { HALLWAY_DATA_DIR: dataDir } };
  }
  const url = await createServerDatabaseUrl();
  return { target: { kind: 'postgres', url }, env: { DATABASE_URL: url } };
}

async function start(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess(env, DEMO_SEEDING_TIMEOUT_MS);
  started.push(server);
  return server;
}

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
}

/** Signs in over HTTP as a person would; returns the status and the session cookie. */
async function signIn(url: string, email: string, password: string): Promise<{ status: number; cookie: string }> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: response.status, cookie: (response.headers.get('set-cookie') ?? '').split(';')[0]! };
}

async function query<T extends Record<string, unknown>>(target: DatabaseTarget, statement: ReturnType<typeof sql>): Promise<T[]> {
  const database = await openDatabase(target);
  try {
    return await database.rows<T>(statement);
  } finally {
    await database.close();
  }
}

describe('the first start of a server on an empty database', () => {
  // Two starts and a stop of a real process: on a loaded machine this too nears the suite's 30 s.
  it('prints the generated admin sign-in once in a console box, and never again', { timeout: DEMO_SEEDING_TIMEOUT_MS }, async () => {
    const { target, env } = await freshTarget('generated-admin');
    const first = await start({ ...env, HALLWAY_DEMO: '0' });
    const box = /│ +administrator +admin@hallway\.local +│\n│ +password +(\S+) +│/.exec(first.output());
    expect(box).not.toBeNull();
    const password = box![1]!;
    // The log line says an admin was made, but the password is in the box only.
    const logLines = first.output().split('\n').filter((line) => line.startsWith('{'));
    expect(logLines.some((line) => line.includes('created the first administrator'))).toBe(true);
    expect(logLines.filter((line) => line.includes(password))).toEqual([]);
    expect((await signIn(first.url, 'admin@hallway.local', password)).status).toBe(200);
    await stop(first);

    const [admin] = await query<{ password_hash: string; is_admin: boolean }>(
      target,
      sql`select password_hash, is_admin from people where email = 'admin@hallway.local'`,
    );
    expect(admin!.is_admin).toBe(true);
    expect(await verifyPassword(admin!.password_hash, password)).toBe(true);

    const second = await start({ ...env, HALLWAY_DEMO: '0' });
    expect(second.output()).not.toContain(password);
    expect(second.output()).not.toContain('administrator');
    await stop(second);
  });

  it('with HALLWAY_ADMIN_* and the demo on: that admin, the demo organisation, and the demo password in the box', { timeout: DEMO_SEEDING_TIMEOUT_MS }, async () => {
    const { target, env } = await freshTarget('demo');
    const server = await start({ ...env, HALLWAY_ADMIN_EMAIL: 'boss@example.com', HALLWAY_ADMIN_PASSWORD: 'a long enough password' });
    expect(server.output()).toMatch(/Demo organisation: 60 people, 81 requests/);
    expect(server.output()).not.toContain('a long enough password');
    const demoPassword = /shares one password: +(\S+)/.exec(server.output())?.[1];
    expect((await signIn(server.url, 'boss@example.com', 'a long enough password')).status).toBe(200);
    // The box's demo sign-in works, and that agent sees their team's queue.
    const agent = await signIn(server.url, 'tomasz.nowak@lumen.example', demoPassword!);
    expect(agent.status).toBe(200);
    const queue = await fetch(`${server.url}/api/v1/requests?team=it&limit=50`, { headers: { cookie: agent.cookie } });
    expect(queue.status).toBe(200);
    const seen = ((await queue.json()) as { items: unknown[] }).items.length;
    await stop(server);
    const [counts] = await query<{ people: number; requests: number; admins: number; itQueue: number }>(
      target,
      sql`select (select count(*)::int from people) as people, (select count(*)::int from requests) as requests,
                 (select count(*)::int from people where is_admin) as admins,
                 (select count(*)::int from requests join teams on teams.id = requests.team_id where teams.slug = 'it') as "itQueue"`,
    );
    expect(counts).toMatchObject({ people: 61, requests: 81, admins: 1 });
    // A lead sees every request of their team's queue, confidential ones included.
    expect(seen).toBeGreaterThan(10);
    expect(seen).toBe(counts!.itQueue);
  });
});

describe.skipIf(kind !== 'postgres')('two app processes starting together on one PostgreSQL server', () => {
  it('exactly one of them creates the admin and seeds the demo; both serve', { timeout: DEMO_SEEDING_TIMEOUT_MS }, async () => {
    const { target, env } = await freshTarget('together');
    const servers = await Promise.all([start(env), start(env)]);
    for (const server of servers) expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const boxes = servers.filter((server) => server.output().includes('Demo organisation: 60 people'));
    expect(boxes).toHaveLength(1);
    await Promise.all(servers.map(stop));
    const [counts] = await query<{ people: number; requests: number; teams: number }>(
      target,
      sql`select (select count(*)::int from people) as people, (select count(*)::int from requests) as requests,
                 (select count(*)::int from teams) as teams`,
    );
    expect(counts).toEqual({ people: 61, requests: 81, teams: 9 });
  });
});
