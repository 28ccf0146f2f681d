import { sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../../platform/db/database.ts';

/** What an open stream's credential grants now: the facts its audience is judged on. */
export interface CurrentGrant {
  personId: string;
  isAdmin: boolean;
  memberships: Array<{ teamId: string; role: 'agent' | 'lead' }>;
}

export interface StreamCredentials {
  /** Session credential ids (the stored hash of the cookie's secret). */
  sessions: string[];
  /** API token ids. */
  tokens: string[];
}

interface GrantRow extends Record<string, unknown> {
  credential_id: string;
  person_id: string;
  is_admin: boolean;
  memberships: CurrentGrant['memberships'] | string;
}

/** Ids per statement: far below PostgreSQL's 65,535 parameters, and one statement per thousand streams. */
const CHUNK = 1_000;

/**
 * Which of these credentials still let someone in, and with what: a session unexpired, a token not
 * revoked, their person active (the same conditions as signing in with them, credentials.store.ts).
 * A credential absent from the answer no longer authenticates anyone.
 */
export async function currentGrants(db: Queryable, credentials: StreamCredentials): Promise<Map<string, CurrentGrant>> {
  const grants = new Map<string, CurrentGrant>();
  for (let start = 0; start < Math.max(credentials.sessions.length, credentials.tokens.length); start += CHUNK) {
    const sessions = credentials.sessions.slice(start, start + CHUNK);
    const tokens = credentials.tokens.slice(start, start + CHUNK);
    const parts = [];
    if (sessions.length > 0) {
      parts.push(sql`
        select s.token_hash as credential_id, p.id as person_id, p.is_admin, ${membershipsOf} as memberships
        from sessions s join people p on p.id = s.person_id
        where s.token_hash in (${sql.join(sessions.map((id) => sql`${id}`), sql`, `)}) and s.expires_at > now() and p.active`);
    }
    if (tokens.length > 0) {
      parts.push(sql`
        select t.id::text as credential_id, p.id as person_id, p.is_admin, ${membershipsOf} as memberships
        from api_tokens t join people p on p.id = t.person_id
        where t.id in (${sql.join(tokens.map((id) => sql`${id}::uuid`), sql`, `)}) and t.revoked_at is null and p.active`);
    }
    if (parts.length === 0) continue;
    const rows = rowsOf<GrantRow>(await db.execute(sql.join(parts, sql` union all `)));
    for (const row of rows) {
      grants.set(row.credential_id, {
        personId: row.person_id,
        isAdmin: row.is_admin,
        memberships: typeof row.memberships === 'string' ? JSON.parse(row.memberships) : row.memberships,
      });
    }
  }
  return grants;
}

const membershipsOf = sql.raw(`coalesce((
    select json_agg(json_build_object('teamId', m.team_id, 'role', m.role) order by m.team_id)
    from team_memberships m where m.person_id = p.id), '[]'::json)`);
