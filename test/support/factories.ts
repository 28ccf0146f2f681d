import { randomBytes } from 'node:crypto';
import { people, teamMemberships, teams } from '../../server/modules/people/people.tables.ts';
import { issueApiToken } from '../../server/platform/auth/api-tokens.ts';
import type { Database } from '../../server/platform/db/database.ts';

const unique = () => randomBytes(3).toString('hex');

export async function buildTeam(
  database: Database,
  overrides: Partial<typeof teams.$inferInsert> = {},
): Promise<typeof teams.$inferSelect> {
  const suffix = unique();
  const [team] = await database.db
    .insert(teams)
    .values({
      slug: `team-${suffix}`,
      name: `Team ${suffix}`,
      keyPrefix: `T${suffix.toUpperCase().replace(/[^A-Z0-9]/g, 'X')}`.slice(0, 8),
      ...overrides,
    })
    .returning();
  return team!;
}

export async function buildPerson(
  database: Database,
  overrides: Partial<typeof people.$inferInsert> & {
    agentOf?: string[];
    leadOf?: string[];
  } = {},
): Promise<typeof people.$inferSelect> {
  const { agentOf = [], leadOf = [], ...columns } = overrides;
  const suffix = unique();
  const [person] = await database.db
    .insert(people)
    .values({ email: `person-${suffix}@example.test`, name: `Person ${suffix}`, ...columns })
    .returning();
  const memberships = [
    ...agentOf.map((teamId) => ({ teamId, personId: person!.id, role: 'agent' as const })),
    ...leadOf.map((teamId) => ({ teamId, personId: person!.id, role: 'lead' as const })),
  ];
  if (memberships.length > 0) await database.db.insert(teamMemberships).values(memberships);
  return person!;
}

/** A personal API token for the person; returns the headers to call the API as them. */
export async function bearerFor(database: Database, personId: string): Promise<{ authorization: string }> {
  const { token } = await issueApiToken(database.db, personId, 'test');
  return { authorization: `Bearer ${token}` };
}

/** A person and the headers to call the API as them. */
export interface CallingPerson {
  id: string;
  headers: Record<string, string>;
}

export async function buildCallingPerson(database: Database, overrides: Parameters<typeof buildPerson>[1] = {}): Promise<CallingPerson> {
  const row = await buildPerson(database, overrides);
  return { id: row.id, headers: await bearerFor(database, row.id) };
}
