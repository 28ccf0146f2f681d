import path from 'node:path';
import type { DatabaseTarget } from '../../server/config.ts';
import { openDatabase } from '../../server/platform/db/database.ts';
import { runMigrations } from '../../server/platform/db/migrate.ts';
import { bearerFor, buildPerson, buildTeam } from '../support/factories.ts';
import { createServerDatabaseUrl } from '../support/test-database.ts';
import { testDatabaseKind } from '../support/test-database-kind.ts';

export interface PreparedDatabase {
  target: DatabaseTarget;
  /** The environment for `hallway serve` on it (no demo, no first-start output). */
  env: Record<string, string>;
  authorization: string;
  teamSlug: string;
}

/**
 * A migrated database of this run's kind with a person, a team and an API token, written before
 * any server starts (for PGlite, a real data folder), so the server finds people and skips first start.
 */
export async function prepareDatabase(folder: string): Promise<PreparedDatabase> {
  const target: DatabaseTarget =
    testDatabaseKind() === 'pglite'
      ? { kind: 'pglite', dataDir: path.join(folder, 'data') }
      : { kind: 'postgres', url: await createServerDatabaseUrl() };
  const database = await openDatabase(target);
  try {
    await runMigrations(database);
    const team = await buildTeam(database, { slug: 'it', name: 'IT', keyPrefix: 'IT' });
    const person = await buildPerson(database, { email: 'asker@example.com', name: 'Asker', agentOf: [team.id] });
    const { authorization } = await bearerFor(database, person.id);
    const env: Record<string, string> =
      target.kind === 'pglite' ? { HALLWAY_DATA_DIR: target.dataDir } : { DATABASE_URL: target.url };
    return { target, env: { ...env, HALLWAY_DEMO: '0' }, authorization, teamSlug: team.slug };
  } finally {
    await database.close();
  }
}

/** The body of POST /api/v1/requests for a request to the prepared team. */
export function newRequestBody(teamSlug: string, subject: string): string {
  return JSON.stringify({ team: teamSlug, subject, description: `Filed by a durability test: ${subject}` });
}
