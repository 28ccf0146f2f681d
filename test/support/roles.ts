import type { Database } from '../../server/platform/db/database.ts';
import { bearerFor, buildPerson, buildTeam } from './factories.ts';

/** The callers every policy matrix is checked for. */
export const ROLES = ['anonymous', 'employee', 'otherEmployee', 'agentOfOtherTeam', 'agent', 'lead', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Cast {
  /** The team the agent and lead work for. */
  team: Awaited<ReturnType<typeof buildTeam>>;
  otherTeam: Awaited<ReturnType<typeof buildTeam>>;
  people: Record<Exclude<Role, 'anonymous'>, Awaited<ReturnType<typeof buildPerson>>>;
  headers: Record<Role, Record<string, string>>;
}

/** One person per role, each with a personal API token (bearer calls need no CSRF token). */
export async function buildCast(database: Database): Promise<Cast> {
  const team = await buildTeam(database);
  const otherTeam = await buildTeam(database);
  const people = {
    employee: await buildPerson(database, { name: 'Emma Employee' }),
    otherEmployee: await buildPerson(database, { name: 'Oscar Other' }),
    agentOfOtherTeam: await buildPerson(database, { name: 'Ada Elsewhere', agentOf: [otherTeam.id] }),
    agent: await buildPerson(database, { name: 'Alan Agent', agentOf: [team.id] }),
    lead: await buildPerson(database, { name: 'Lena Lead', leadOf: [team.id] }),
    admin: await buildPerson(database, { name: 'Ines Admin', isAdmin: true }),
  };
  const headers = { anonymous: {} } as Record<Role, Record<string, string>>;
  for (const [role, person] of Object.entries(people)) headers[role as Role] = await bearerFor(database, person.id);
  return { team, otherTeam, people, headers };
}
