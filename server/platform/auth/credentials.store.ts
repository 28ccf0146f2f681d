import { and, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../db/database.ts';
import { apiTokens, sessions } from './auth.tables.ts';
import type { Actor } from './actor.ts';

interface ActorRow extends Record<string, unknown> {
  person_id: string;
  email: string;
  name: string;
  is_admin: boolean;
  memberships: Array<{ teamId: string; role: 'agent' | 'lead' }>;
  csrf_token: string | null;
  last_used_at: Date | string | null;
  expires_at: Date | string | null;
}

interface TokenActorRow extends ActorRow {
  token_id: string;
  scopes: string[] | string | null;
}

// One round trip per authenticated call: the credential, its person and their memberships.
const membershipsOf = (personColumn: string) => sql.raw(`coalesce((
    select json_agg(json_build_object('teamId', m.team_id, 'role', m.role))
    from team_memberships m where m.person_id = ${personColumn}), '[]'::json)`);

export async function findActorBySession(
  db: Queryable,
  tokenHash: string,
): Promise<(Actor & { csrfToken: string; expiresAt: Date }) | undefined> {
  const result = await db.execute<ActorRow>(sql`
    select p.id as person_id, p.email, p.name, p.is_admin, s.csrf_token, null as last_used_at, s.expires_at,
           ${membershipsOf('p.id')} as memberships
    from sessions s join people p on p.id = s.person_id
    where s.token_hash = ${tokenHash} and s.expires_at > now() and p.active`);
  const row = rowsOf<ActorRow>(result)[0];
  if (!row) return undefined;
  return {
    ...toActor(row, 'session', tokenHash),
    csrfToken: row.csrf_token ?? '',
    // Kept with a cached session, so memory never outlives the session itself.
    expiresAt: new Date(row.expires_at ?? 0),
  };
}

export async function findActorByApiToken(
  db: Queryable,
  tokenHash: string,
): Promise<(Actor & { lastUsedAt: Date | null }) | undefined> {
  const result = await db.execute<TokenActorRow>(sql`
    select p.id as person_id, p.email, p.name, p.is_admin, null as csrf_token, t.last_used_at, null as expires_at,
           t.id as token_id, t.scopes,
           ${membershipsOf('p.id')} as memberships
    from api_tokens t join people p on p.id = t.person_id
    where t.token_hash = ${tokenHash} and t.revoked_at is null and p.active`);
  const row = rowsOf<TokenActorRow>(result)[0];
  if (!row) return undefined;
  return {
    ...toActor(row, 'token', row.token_id),
    scopes: typeof row.scopes === 'string' ? (JSON.parse(row.scopes) as string[]) : row.scopes,
    lastUsedAt: row.last_used_at ? new Date(row.last_used_at) : null,
  };
}

export async function touchApiToken(db: Queryable, tokenId: string): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)));
}

export async function insertSession(
  db: Queryable,
  values: { tokenHash: string; personId: string; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

function toActor(row: ActorRow, via: Actor['via'], credentialId: string): Actor {
  return {
    personId: row.person_id,
    email: row.email,
    name: row.name,
    isAdmin: row.is_admin,
    memberships: typeof row.memberships === 'string' ? JSON.parse(row.memberships) : row.memberships,
    via,
    credentialId,
  };
}

/** The CSRF token of a live session, so a reloaded page can recover it (GET /me). */
export async function selectSessionCsrfToken(db: Queryable, tokenHash: string): Promise<string | undefined> {
  const [row] = await db
    .select({ csrfToken: sessions.csrfToken })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`)))
    .limit(1);
  return row?.csrfToken;
}

/** Ends every session of a person, e.g. after an admin sets a new password for them. */
export async function deleteSessionsOfPerson(db: Queryable, personId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.personId, personId));
}

export async function deleteExpiredSessionsOfPerson(db: Queryable, personId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.personId, personId), lte(sessions.expiresAt, sql`now()`)));
}
