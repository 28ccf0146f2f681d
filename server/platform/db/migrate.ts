import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { Database, Schema } from './database.ts';

const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Any number that several Hallway processes agree on, so only one of them migrates at a time. */
const MIGRATION_LOCK_ID = 47_112_026;

export function knownMigrationCount(): number {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

/** Applies every committed migration not yet applied; the same SQL on PGlite and on a server. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase<Schema>, { migrationsFolder });
    return;
  }
  // Several stateless app processes may start together on one server: they migrate in turn.
  await database.exclusively(MIGRATION_LOCK_ID, () =>
    migrateNodePg(database.db as unknown as NodePgDatabase<Schema>, { migrationsFolder }),
  );
}

export async function appliedMigrationCount(database: Database): Promise<number> {
  try {
    const rows = await database.rows<{ count: number }>(
      sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
    );
    return rows[0]?.count ?? 0;
  } catch {
    return 0;
  }
}

export async function migrationsAreCurrent(database: Database): Promise<boolean> {
  return (await appliedMigrationCount(database)) >= knownMigrationCount();
}
