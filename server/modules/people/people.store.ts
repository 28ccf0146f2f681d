import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { rowsOf, type Queryable } from '../../platform/db/database.ts';
import { people, teamMemberships, teams } from './people.tables.ts';

export type TeamRow = typeof teams.$inferSelect;
export type PersonRow = typeof people.$inferSelect;
export type NewPersonRow = typeof people.$inferInsert;
export type NewTeamRow = typeof teams.$inferInsert;
export type MembershipRole = (typeof teamMemberships.$inferSelect)['role'];

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

/**
 * Active people whose phone number, reduced to its digits, ends with `digits` (only 0-9): the
 * candidates for an SMS sender. Numbers are stored as people typed them, so the caller normalises
 * each candidate and compares whole numbers.
 */
export async function selectActivePeopleByPhoneEnding(db: Queryable, digits: string): Promise<PersonRow[]> {
  if (!/^[0-9]+$/.test(digits)) return [];
  return db
    .select()
    .from(people)
    .where(and(eq(people.active, true), sql`regexp_replace(${people.phone}, '[^0-9]', '', 'g') like ${`%${digits}`}`))
    .limit(50);
}

// ---- the directory ----

const homeTeam = alias(teams, 'home_team');
const manager = alias(people, 'manager');

/** A person as the directory shows them: never the password hash. */
const personColumns = {
  id: people.id,
  email: people.email,
  name: people.name,
  title: people.title,
  location: people.location,
  timeZone: people.timeZone,
  phone: people.phone,
  isAdmin: people.isAdmin,
  active: people.active,
  createdAt: people.createdAt,
  updatedAt: people.updatedAt,
  homeTeamId: homeTeam.id,
  homeTeamSlug: homeTeam.slug,
  homeTeamName: homeTeam.name,
  managerId: manager.id,
  managerName: manager.name,
  managerEmail: manager.email,
  sortName: sql<string>`lower(${people.name})`.as('sort_name'),
};

function selectPersonListing(db: Queryable) {
  return db
    .select(personColumns)
    .from(people)
    .leftJoin(homeTeam, eq(homeTeam.id, people.homeTeamId))
    .leftJoin(manager, eq(manager.id, people.managerId));
}
export type PersonListingRow = Awaited<ReturnType<ReturnType<typeof selectPersonListing>['execute']>>[number];

export async function selectPersonListingById(db: Queryable, id: string): Promise<PersonListingRow | undefined> {
  const [row] = await selectPersonListing(db).where(eq(people.id, id)).limit(1);
  return row;
}

export interface DirectoryFilter {
  text?: string;
  teamId?: string;
  includeInactive: boolean;
  /** Keyset pagination: rows after this (lower-case name, id). */
  after?: { sortName: string; id: string };
  limit: number;
}

export async function selectPeoplePage(db: Queryable, filter: DirectoryFilter): Promise<PersonListingRow[]> {
  const conditions: SQL[] = [];
  if (!filter.includeInactive) conditions.push(eq(people.active, true));
  if (filter.text) {
    const pattern = `%${filter.text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    conditions.push(or(ilike(people.name, pattern), ilike(people.email, pattern))!);
  }
  if (filter.teamId) {
    conditions.push(sql`(${people.homeTeamId} = ${filter.teamId} or exists (
      select 1 from ${teamMemberships} where ${teamMemberships.personId} = ${people.id}
      and ${teamMemberships.teamId} = ${filter.teamId}))`);
  }
  if (filter.after) {
    conditions.push(sql`(lower(${people.name}), ${people.id}) > (${filter.after.sortName}, ${filter.after.id}::uuid)`);
  }
  return selectPersonListing(db)
    .where(and(...conditions))
    .orderBy(sql`lower(${people.name})`, asc(people.id))
    .limit(filter.limit);
}

export async function insertPerson(db: Queryable, values: NewPersonRow): Promise<string> {
  const [row] = await db.insert(people).values(values).returning({ id: people.id });
  return row!.id;
}

export async function updatePersonRow(db: Queryable, id: string, values: Partial<NewPersonRow>): Promise<void> {
  await db.update(people).set({ ...values, updatedAt: sql`now()` }).where(eq(people.id, id));
}

/** True when `personId` is `managerId` or above them: making them the manager would close a loop. */
export async function isInManagementChain(db: Queryable, managerId: string, personId: string): Promise<boolean> {
  const result = await db.execute<{ found: number }>(sql`
    with recursive chain(id, manager_id) as (
      select id, manager_id from people where id = ${managerId}
      union
      select p.id, p.manager_id from people p join chain c on p.id = c.manager_id
    )
    select 1 as found from chain where id = ${personId} limit 1`);
  return rowsOf(result).length > 0;
}

/** Fixed id of the advisory lock that serialises changes taking admin rights away (see updatePerson). */
export const ADMIN_CHANGES_LOCK_ID = 47_112_028;

/**
 * Until the transaction ends, no other transaction may take admin rights away: two admins demoting
 * each other at once would otherwise both count the other as the remaining admin.
 */
export async function lockAdminChanges(db: Queryable): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${ADMIN_CHANGES_LOCK_ID})`);
}

export async function countActiveAdminsOtherThan(db: Queryable, personId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(people)
    .where(and(eq(people.isAdmin, true), eq(people.active, true), sql`${people.id} <> ${personId}`));
  return Number(row?.count ?? 0);
}

// ---- teams and memberships ----

export const selectTeams = (db: Queryable): Promise<TeamRow[]> => db.select().from(teams).orderBy(asc(teams.name), asc(teams.slug));

export async function insertTeam(db: Queryable, values: NewTeamRow): Promise<TeamRow> {
  const [row] = await db.insert(teams).values(values).returning();
  return row!;
}

export async function updateTeamRow(db: Queryable, id: string, values: Partial<NewTeamRow>): Promise<TeamRow> {
  const [row] = await db.update(teams).set({ ...values, updatedAt: sql`now()` }).where(eq(teams.id, id)).returning();
  return row!;
}

export async function selectMembersOfTeam(db: Queryable, teamId: string) {
  return db
    .select({ id: people.id, name: people.name, email: people.email, title: people.title, role: teamMemberships.role })
    .from(teamMemberships)
    .innerJoin(people, eq(people.id, teamMemberships.personId))
    .where(eq(teamMemberships.teamId, teamId))
    .orderBy(sql`lower(${people.name})`, asc(people.id));
}

export async function selectMembershipsOfPerson(db: Queryable, personId: string) {
  return db
    .select({ id: teams.id, slug: teams.slug, name: teams.name, role: teamMemberships.role })
    .from(teamMemberships)
    .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
    .where(eq(teamMemberships.personId, personId))
    .orderBy(asc(teams.name));
}

export async function upsertMembership(db: Queryable, teamId: string, personId: string, role: MembershipRole): Promise<void> {
  await db
    .insert(teamMemberships)
    .values({ teamId, personId, role })
    .onConflictDoUpdate({ target: [teamMemberships.teamId, teamMemberships.personId], set: { role } });
}

export async function deleteMembership(db: Queryable, teamId: string, personId: string): Promise<void> {
  await db
    .delete(teamMemberships)
    .where(and(eq(teamMemberships.teamId, teamId), eq(teamMemberships.personId, personId)));
}

/** The unique index a write collided with, if that is why it failed (either driver, wrapped or not). */
export function violatedUniqueIndex(error: unknown): string | undefined {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const details = current as Error & { code?: string; constraint?: string };
    if (details.code === '23505') return details.constraint ?? '';
  }
  return undefined;
}
