import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../server/platform/auth/secrets.ts';
import { openDatabase } from '../../server/platform/db/database.ts';
import type { DatabaseTarget } from '../../server/config.ts';
import { DEMO_SEEDING_TIMEOUT_MS, runCli } from '../support/processes.ts';
import { createServerDatabaseUrl } from '../support/test-database.ts';
import { testDatabaseKind } from '../support/test-database-kind.ts';

const kind = testDatabaseKind();
let folder: string;
let env: Record<string, string>;
let target: DatabaseTarget;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'hallway-cli-'));
  const common = { HALLWAY_ADMIN_EMAIL: 'boss@example.com', HALLWAY_ADMIN_PASSWORD: 'a long enough password' };
  if (kind === 'pglite') {
    target = { kind: 'pglite', dataDir: path.join(folder, 'data') };
    env = { ...common, HALLWAY_DATA_DIR: target.dataDir };
  } else {
    target = { kind: 'postgres', url: await createServerDatabaseUrl() };
    env = { ...common, DATABASE_URL: target.url };
  }
});
afterAll(() => rm(folder, { recursive: true, force: true }));

/** Reads the database the CLI wrote, after the CLI has exited (so the embedded folder is free). */
async function count(query: ReturnType<typeof sql>): Promise<number> {
  const database = await openDatabase(target);
  try {
    const [row] = await database.rows<{ count: number }>(query);
    return Number(row?.count);
  } finally {
    await database.close();
  }
}

describe('hallway seed-demo', { timeout: DEMO_SEEDING_TIMEOUT_MS }, () => {
  it('seeds an empty database: the configured admin plus the demo organisation, and prints the demo password once', async () => {
    const result = await runCli(['seed-demo'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/60 people, 81 requests/);
    expect(result.stdout).toMatch(/shares one password: +\S{23}/);
    expect(result.stdout).toContain('tomasz.nowak@lumen.example');
    // The admin's password came from the environment: it is not echoed.
    expect(result.stdout).not.toContain('a long enough password');
    expect(await count(sql`select count(*)::int as count from people`)).toBe(61);
    expect(await count(sql`select count(*)::int as count from people where is_admin and email = 'boss@example.com'`)).toBe(1);
  });

  it('refuses to seed a second time, and nothing is duplicated', async () => {
    const result = await runCli(['seed-demo'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('already in this database');
    expect(await count(sql`select count(*)::int as count from people`)).toBe(61);
    expect(await count(sql`select count(*)::int as count from requests`)).toBe(81);
  });
});

describe('hallway token create', () => {
  it('prints a working token once, alone on stdout', async () => {
    const result = await runCli(['token', 'create', '--email', 'Daniel.Osei@lumen.example', '--name', 'laptop script'], env);
    expect(result.code).toBe(0);
    const token = result.stdout.trim();
    expect(token).toMatch(/^hwt_[A-Za-z0-9_-]{40,}$/);
    expect(result.stderr).toContain('Daniel Osei');
    expect(result.stderr).not.toContain(token);
    expect(await count(sql`select count(*)::int as count from api_tokens where token_hash = ${hashSecret(token)}
      and name = 'laptop script'`)).toBe(1);
  });

  it('says clearly when no one has that e-mail address (exit 2, no token)', async () => {
    const result = await runCli(['token', 'create', '--email', 'nobody@example.com', '--name', 'x'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('No one in the directory has the e-mail address nobody@example.com');
    expect(result.stdout).toBe('');
  });

  it.each([
    [['token', 'create', '--email', 'boss@example.com'], /Both --email and --name are needed/],
    [['token', 'create', '--emial', 'boss@example.com', '--name', 'x'], /Unknown option '--emial'/],
    [['token', 'revoke'], /Usage: hallway token create/],
    [['tokens'], /Unknown command "tokens"/],
  ])('refuses a wrong call %j with its usage (exit 2)', async (args, message) => {
    const result = await runCli(args, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe.skipIf(kind !== 'postgres')('backup and restore against a PostgreSQL server', () => {
  it.each([['backup'], ['restore']])('%s points to pg_dump / pg_restore and exits 2', async (command) => {
    const result = await runCli([command, path.join(folder, 'x.tar.gz')], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/pg_dump .*pg_restore/s);
  });
});

describe.skipIf(kind !== 'pglite')('hallway backup and restore (embedded database)', () => {
  const backupFile = () => path.join(folder, 'hallway-backup.tar.gz');

  it('backs up the data folder to one file', async () => {
    const result = await runCli(['backup', backupFile()], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`to ${backupFile()}`);
    expect(existsSync(`${backupFile()}.partial`)).toBe(false);
  });

  it('restores into an empty folder: the same people, requests and working sign-in data', async () => {
    const restoredDir = path.join(folder, 'restored');
    const result = await runCli(['restore', backupFile()], { ...env, HALLWAY_DATA_DIR: restoredDir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(61 people)');
    const restored = await openDatabase({ kind: 'pglite', dataDir: restoredDir });
    try {
      const [row] = await restored.rows<{ people: number; requests: number }>(
        sql`select (select count(*)::int from people) as people, (select count(*)::int from requests) as requests`,
      );
      expect(row).toEqual({ people: 61, requests: 81 });
    } finally {
      await restored.close();
    }
  });

  it('refuses to overwrite a database without --force', async () => {
    const result = await runCli(['restore', backupFile()], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/already holds a Hallway database.*--force/s);
  });

  it('with --force replaces it and keeps the replaced database aside', async () => {
    // Something written after the backup: the restore must take it away again.
    const database = await openDatabase(target);
    await database.rows(sql`insert into people (email, name) values ('after.backup@example.com', 'After Backup')`);
    await database.close();

    const result = await runCli(['restore', backupFile(), '--force'], env);
    expect(result.code).toBe(0);
    expect(await count(sql`select count(*)::int as count from people where email = 'after.backup@example.com'`)).toBe(0);
    const aside = (await readdir(folder)).filter((entry) => entry.startsWith('data.before-restore-'));
    expect(aside).toHaveLength(1);
    expect(result.stdout).toContain(aside[0]);
  });

  it('refuses a file that is not a backup, leaving the current database untouched', async () => {
    const junk = path.join(folder, 'junk.tar.gz');
    await writeFile(junk, 'this is not a tarball');
    const result = await runCli(['restore', junk, '--force'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not a Hallway backup');
    expect(await count(sql`select count(*)::int as count from people`)).toBe(61);
    expect((await readdir(folder)).filter((entry) => entry.includes('.restoring-'))).toEqual([]);
  });

  it('refuses to back up a folder with no database in it', async () => {
    const result = await runCli(['backup', path.join(folder, 'empty.tar.gz')], { ...env, HALLWAY_DATA_DIR: path.join(folder, 'none') });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('There is no Hallway database');
  });
});

describe('hallway import-people', () => {
  const peopleCount = () => count(sql`select count(*)::int as count from people`);
  const csv = [
    'email,name,title,team,manager_email,role', // line 1
    'ada.new@lumen.example,Ada New,Analyst,finance,rebecca.stein@lumen.example,employee', // line 2
    'not-an-address,Bad Email,,,,', // line 3
    'bo.new@lumen.example,Bo New,Agent,it,,agent', // line 4
    'cy.new@lumen.example,Cy New,,no-such-team,,', // line 5
  ].join('\n');

  it('with a bad line, imports nothing and prints every bad line with its number (exit 1)', async () => {
    const file = path.join(folder, 'mixed.csv');
    await writeFile(file, csv);
    const before = await peopleCount();
    const result = await runCli(['import-people', file], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/line 3: email "not-an-address" is not an e-mail address/);
    expect(result.stderr).toMatch(/line 5: .*team "no-such-team" does not exist/);
    expect(result.stderr).toContain('--skip-invalid');
    expect(await peopleCount()).toBe(before);
  });

  it('with --skip-invalid, imports the good lines and lists the skipped ones', async () => {
    const file = path.join(folder, 'mixed.csv');
    const before = await peopleCount();
    const result = await runCli(['import-people', file, '--skip-invalid'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 created, 0 updated, 2 skipped');
    expect(result.stderr).toMatch(/line 3: .*\(skipped\)/);
    expect(result.stderr).toMatch(/line 5: .*\(skipped\)/);
    expect(await peopleCount()).toBe(before + 2);
  });

  it('exits non-zero when errors left nothing to import, even with --skip-invalid', async () => {
    const file = path.join(folder, 'all-bad.csv');
    await writeFile(file, 'email,name\nnope,No One\n,Nameless\n');
    const result = await runCli(['import-people', file, '--skip-invalid'], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('0 created, 0 updated, 2 skipped');
  });

  it('refuses a file it cannot read (exit 2)', async () => {
    const result = await runCli(['import-people', path.join(folder, 'missing.csv')], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Cannot read .*missing\.csv: ENOENT/);
  });
});
