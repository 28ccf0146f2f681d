import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../server/platform/db/database.ts';

// A throwaway database for one bench run: an embedded one in a temporary folder, or a new database
// on the PostgreSQL server (HALLWAY_TEST_SERVER, as the tests use); `dispose` removes it.

export const benchServerBase = (process.env.HALLWAY_TEST_SERVER ?? 'postgresql://postgres@127.0.0.1:5432').replace(/\/+$/, '');

export interface BenchDatabase {
  database: Database;
  dispose(): Promise<void>;
}

export async function openBenchDatabase(kind: 'pglite' | 'postgres', name: string): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    const dataDir = await mkdtemp(path.join(tmpdir(), `hallway-bench-${name}-`));
    const database = await openDatabase({ kind: 'pglite', dataDir }, { lock: false });
    return { database, dispose: async () => { await database.close(); await rm(dataDir, { recursive: true, force: true }); } };
  }
  const databaseName = `hallway_bench_${name}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${benchServerBase}/postgres` });
  await admin.connect();
  await admin.query(`create database "${databaseName}"`);
  const database = await openDatabase({ kind: 'postgres', url: `${benchServerBase}/${databaseName}` });
  return {
    database,
    dispose: async () => {
      await database.close();
      await admin.query(`drop database "${databaseName}"`);
      await admin.end();
    },
  };
}
