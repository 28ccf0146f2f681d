import { eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.ts';
// Seeding writes the people tables directly: the people module's service offers one-at-a-time,
// validated, permission-checked writes for the API, while a seed inserts a known-good fictional
// directory in a few statements, inside the caller's transaction.
import { people, teamMemberships, teams } from '../people/people.tables.ts';
import { demoEmail, demoPeople, demoTeams } from './demo-people.ts';

export async function createAdministrator(db: Queryable, email: string, passwordHash: string): Promise<string> {
  const [row] = await db
    .insert(people)
    .values({ email: email.toLowerCase(), name: 'Administrator', title: 'Hallway administrator', isAdmin: true, passwordHash })
    .returning({ id: people.id });
  return row!.id;
}

export interface DemoDirectory {
  teamIdBySlug: Map<string, string>;
  personIdByHandle: Map<string, string>;
  /** The people on each serving team's desk, lead first. */
  deskByTeam: Map<string, string[]>;
}

export async function insertDemoDirectory(db: Queryable, passwordHash: string): Promise<DemoDirectory> {
  const teamRows = await db
    .insert(teams)
    .values(demoTeams.map(({ slug, name, keyPrefix, description }) => ({ slug, name, keyPrefix, description, email: demoEmail(slug) })))
    .returning({ id: teams.id, slug: teams.slug });
  const teamIdBySlug = new Map(teamRows.map((row) => [row.slug, row.id]));

  // Managers come later in a second pass: a person's manager may be listed after them.
  const personRows = await db
    .insert(people)
    .values(
      demoPeople.map((person) => ({
        email: demoEmail(person.handle),
        name: person.name,
        title: person.title,
        homeTeamId: teamIdBySlug.get(person.team)!,
        location: person.location,
        timeZone: person.timeZone,
        passwordHash,
      })),
    )
    .returning({ id: people.id, email: people.email });
  const personIdByHandle = new Map(personRows.map((row) => [row.email.split('@')[0]!, row.id]));

  for (const person of demoPeople) {
    if (!person.manager) continue;
    await db
      .update(people)
      .set({ managerId: personIdByHandle.get(person.manager)! })
      .where(eq(people.id, personIdByHandle.get(person.handle)!));
  }

  const deskByTeam = new Map<string, string[]>();
  const onDesk = demoPeople
    .filter((person) => person.desk)
    .sort((a, b) => (a.desk === b.desk ? 0 : a.desk === 'lead' ? -1 : 1));
  for (const person of onDesk) deskByTeam.set(person.team, [...(deskByTeam.get(person.team) ?? []), person.handle]);
  await db.insert(teamMemberships).values(
    onDesk.map((person) => ({
      teamId: teamIdBySlug.get(person.team)!,
      personId: personIdByHandle.get(person.handle)!,
      role: person.desk!,
    })),
  );
  return { teamIdBySlug, personIdByHandle, deskByTeam };
}
