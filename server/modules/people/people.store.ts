import { eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.ts';
import { people, teams } from './people.tables.ts';

export type TeamRow = typeof teams.$inferSelect;
export type PersonRow = typeof people.$inferSelect;

export async function selectTeamBySlug(db: Queryable, slug: string): Promise<TeamRow | undefined> {
  const [team] = await db.select().from(teams).where(eq(teams.slug, slug)).limit(1);
  return team;
}

export async function selectTeamById(db: Queryable, id: string): Promise<TeamRow | undefined> {
  const [team] = await db.select().from(teams).where(eq(teams.id, id)).limit(1);
  return team;
}

export async function selectPersonById(db: Queryable, id: string): Promise<PersonRow | undefined> {
  const [person] = await db.select().from(people).where(eq(people.id, id)).limit(1);
  return person;
}

export async function selectPersonByEmail(db: Queryable, email: string): Promise<PersonRow | undefined> {
  const [person] = await db.select().from(people).where(eq(people.email, email.toLowerCase())).limit(1);
  return person;
}
