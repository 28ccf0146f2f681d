import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { fromPglite, fromPool, pgliteExtensions, type Database } from '../../server/platform/db/database.ts';
import { testDatabaseKind, testServerUrl } from './test-database-kind.ts';

/**
 * A fresh, migrated database for one test file, on whichever database this run is for:
 * PGlite loads the migrated template's data folder; a server copies the template database.
 */
export async function createTestDatabase(): Promise<Database> {
  if (testDatabaseKind() === 'pglite') {
    const tarball = await readFile(inject('pgliteTemplatePath'));
    const client = await PGlite.create({ loadDataDir: new Blob([tarball]), extensions: pgliteExtensions });
    return fromPglite(client);
  }
  const pool = new pg.Pool({ connectionString: await createServerDatabaseUrl(), max: 5 });
  pool.on('error', () => undefined);
  return fromPool(pool);
}

/** A connection string for a fresh copy, for tests that start real server processes. */
export async function createServerDatabaseUrl(): Promise<string> {
  const template = inject('serverTemplateDatabase');
  const name = `${template.replace(/_template$/, '')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testServerUrl('postgres') });
  await admin.connect();
  try {
    await admin.query(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end();
  }
  return testServerUrl(name);
}
