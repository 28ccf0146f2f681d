import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { fromPglite, fromPool, pgliteExtensions } from '../../server/platform/db/database.ts';
import { runMigrations } from '../../server/platform/db/migrate.ts';
import { testDatabaseKind, testServerUrl } from './test-database-kind.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a tarball of a migrated data folder, loaded by each test file. */
    pgliteTemplatePath: string;
    /** PostgreSQL: a migrated database each test file copies with CREATE DATABASE ... TEMPLATE. */
    serverTemplateDatabase: string;
  }
}

/** Migrates once per run; each test file then starts from a copy (see test-app.ts). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (testDatabaseKind() === 'pglite') {
    const folder = await mkdtemp(path.join(tmpdir(), 'hallway-test-'));
    const client = await PGlite.create({ extensions: pgliteExtensions });
    const database = fromPglite(client);
    await runMigrations(database);
    const dump = await client.dumpDataDir('none');
    const templatePath = path.join(folder, 'template.tar');
    await writeFile(templatePath, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    project.provide('pgliteTemplatePath', templatePath);
    project.provide('serverTemplateDatabase', '');
    return () => rm(folder, { recursive: true, force: true });
  }

  const runId = randomBytes(4).toString('hex');
  const template = `hallway_test_${runId}_template`;
  const admin = new pg.Client({ connectionString: testServerUrl('postgres') });
  await admin.connect();
  await admin.query(`create database "${template}"`);
  const pool = new pg.Pool({ connectionString: testServerUrl(template), max: 2 });
  await runMigrations(fromPool(pool));
  await pool.end();
  project.provide('pgliteTemplatePath', '');
  project.provide('serverTemplateDatabase', template);

  return async () => {
    // Drop the template and every per-file copy this run made.
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like $1`,
      [`hallway_test_${runId}_%`],
    );
    for (const { datname } of rows) {
      await admin.query(`drop database if exists "${datname}" with (force)`);
    }
    await admin.end();
  };
}
