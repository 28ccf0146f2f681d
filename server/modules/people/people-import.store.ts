import { sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.ts';
import type { ImportRow } from './people-import.ts';
import { teams } from './people.tables.ts';

// Rows travel as one JSON parameter per statement: no limit on the number of bind parameters,
// and a ten-thousand-person file is a handful of statements, not ten thousand.
const CHUNK = 2000;

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

export async function selectTeamIdsBySlug(db: Queryable): Promise<Map<string, string>> {
  const rows = await db.select({ id: teams.id, slug: teams.slug }).from(teams);
  return new Map(rows.map((row) => [row.slug, row.id]));
}

export async function selectExistingEmails(db: Queryable, emails: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < emails.length; start += CHUNK) {
    const chunk = JSON.stringify(emails.slice(start, start + CHUNK));
    const result = await db.execute(sql`
      select email from people where email in (select jsonb_array_elements_text(${chunk}::jsonb))`);
    for (const row of rowsOf<{ email: string }>(result)) found.add(row.email);
  }
  return found;
}

/**
 * Who each of these people reports to in the directory, and so on up their chains: e-mail to the
 * manager's e-mail, for everyone on those chains who has a manager.
 */
export async function selectManagerChains(db: Queryable, emails: string[]): Promise<Map<string, string>> {
  const managerOf = new Map<string, string>();
  for (let start = 0; start < emails.length; start += CHUNK) {
    const chunk = JSON.stringify(emails.slice(start, start + CHUNK));
    const result = await db.execute(sql`
      with recursive chain(id, email, manager_id) as (
        select id, email, manager_id from people
        where email in (select jsonb_array_elements_text(${chunk}::jsonb))
        union
        select p.id, p.email, p.manager_id from people p join chain c on p.id = c.manager_id
      )
      select c.email, m.email as manager_email from chain c join people m on m.id = c.manager_id`);
    for (const row of rowsOf<{ email: string; manager_email: string }>(result)) managerOf.set(row.email, row.manager_email);
  }
  return managerOf;
}

export async function writeImportedPeople(
  db: Queryable,
  rows: ImportRow[],
  teamIds: ReadonlyMap<string, string>,
  existingEmails: ReadonlySet<string>,
): Promise<{ created: number; updated: number }> {
  const records = rows.map((row) => ({
    email: row.email,
    name: row.name,
    title: row.title,
    home_team_id: row.team ? teamIds.get(row.team)! : null,
    location: row.location,
    time_zone: row.timeZone,
    phone: row.phone,
    is_admin: row.role === 'admin',
    manager_email: row.managerEmail,
    member_role: row.role === 'agent' || row.role === 'lead' ? row.role : null,
  }));
  const fresh = records.filter((record) => !existingEmails.has(record.email));
  const known = records.filter((record) => existingEmails.has(record.email));
  const columns = sql.raw(`r(email text, name text, title text, home_team_id uuid, location text, time_zone text,
    phone text, is_admin boolean, manager_email text, member_role text)`);

  for (let start = 0; start < fresh.length; start += CHUNK) {
    const chunk = JSON.stringify(fresh.slice(start, start + CHUNK));
    await db.execute(sql`
      insert into people (email, name, title, home_team_id, location, time_zone, phone, is_admin)
      select r.email, r.name, r.title, r.home_team_id, r.location, coalesce(r.time_zone, 'UTC'), r.phone, r.is_admin
      from jsonb_to_recordset(${chunk}::jsonb) as ${columns}`);
  }
  for (let start = 0; start < known.length; start += CHUNK) {
    const chunk = JSON.stringify(known.slice(start, start + CHUNK));
    // An empty cell keeps what the directory has; admin rights are only ever added.
    await db.execute(sql`
      update people p set
        name = r.name,
        title = coalesce(r.title, p.title),
        home_team_id = coalesce(r.home_team_id, p.home_team_id),
        location = coalesce(r.location, p.location),
        time_zone = coalesce(r.time_zone, p.time_zone),
        phone = coalesce(r.phone, p.phone),
        is_admin = p.is_admin or r.is_admin,
        updated_at = now()
      from jsonb_to_recordset(${chunk}::jsonb) as ${columns}
      where p.email = r.email`);
  }
  // Managers and memberships once everyone exists: a manager may appear later in the file.
  for (let start = 0; start < records.length; start += CHUNK) {
    const chunk = JSON.stringify(records.slice(start, start + CHUNK));
    await db.execute(sql`
      update people p set manager_id = m.id, updated_at = now()
      from jsonb_to_recordset(${chunk}::jsonb) as ${columns}
      join people m on m.email = r.manager_email
      where p.email = r.email and r.manager_email is not null`);
    await db.execute(sql`
      insert into team_memberships (team_id, person_id, role)
      select r.home_team_id, p.id, r.member_role
      from jsonb_to_recordset(${chunk}::jsonb) as ${columns}
      join people p on p.email = r.email
      where r.member_role is not null
      on conflict (team_id, person_id) do update set role = excluded.role
      -- An import only grants: agent becomes lead, a lead is never made an agent.
      where team_memberships.role = 'agent'`);
  }
  return { created: fresh.length, updated: known.length };
}
