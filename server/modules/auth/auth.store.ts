import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { apiTokens, signInFailures } from '../../platform/auth/auth.tables.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP } from './sign-in-throttle.ts';

export async function selectRecentFailures(
  db: Queryable,
  email: string,
  ipAddress: string,
  since: Date,
): Promise<{ byEmail: Date[]; byIp: Date[] }> {
  // Only the newest `limit` failures matter to the lockout, so that is all that is read.
  const [byEmail, byIp] = await Promise.all([
    db
      .select({ failedAt: signInFailures.failedAt })
      .from(signInFailures)
      .where(and(eq(signInFailures.email, email), gt(signInFailures.failedAt, since)))
      .orderBy(desc(signInFailures.failedAt))
      .limit(MAX_FAILURES_PER_EMAIL),
    db
      .select({ failedAt: signInFailures.failedAt })
      .from(signInFailures)
      .where(and(eq(signInFailures.ipAddress, ipAddress), gt(signInFailures.failedAt, since)))
      .orderBy(desc(signInFailures.failedAt))
      .limit(MAX_FAILURES_PER_IP),
  ]);
  return { byEmail: byEmail.map((row) => row.failedAt), byIp: byIp.map((row) => row.failedAt) };
}

/** Serialises sign-in attempts for one address across every app process, until the transaction ends. */
export async function lockSignInsOf(db: Queryable, email: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-in:${email}`}))`);
}

export async function insertFailure(db: Queryable, email: string, ipAddress: string, failedAt: Date, expiredBefore: Date) {
  await db.insert(signInFailures).values({ email, ipAddress, failedAt });
  // Failures older than the window count for nothing; drop this address's and this IP's old ones.
  await db
    .delete(signInFailures)
    .where(
      and(
        or(eq(signInFailures.email, email), eq(signInFailures.ipAddress, ipAddress)),
        lt(signInFailures.failedAt, expiredBefore),
      ),
    );
}

/**
 * After a good sign-in, the failures of this address from this IP are forgiven. Failures from
 * other IPs stay: someone else guessing elsewhere is not excused by the owner getting in.
 */
export async function deleteFailuresOf(db: Queryable, email: string, ipAddress: string): Promise<void> {
  await db.delete(signInFailures).where(and(eq(signInFailures.email, email), eq(signInFailures.ipAddress, ipAddress)));
}

const tokenColumns = {
  id: apiTokens.id,
  personId: apiTokens.personId,
  name: apiTokens.name,
  displayPrefix: apiTokens.displayPrefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
  scopes: apiTokens.scopes,
};
/** A token as its owner may see it: never its hash. */
export type ApiTokenRow = Omit<typeof apiTokens.$inferSelect, 'tokenHash'>;

export async function selectTokensOf(db: Queryable, personId: string): Promise<ApiTokenRow[]> {
  return db.select(tokenColumns).from(apiTokens).where(eq(apiTokens.personId, personId)).orderBy(desc(apiTokens.createdAt));
}

export async function selectToken(db: Queryable, id: string): Promise<ApiTokenRow | undefined> {
  const [row] = await db.select(tokenColumns).from(apiTokens).where(eq(apiTokens.id, id)).limit(1);
  return row;
}

export async function markTokenRevoked(db: Queryable, id: string, at: Date): Promise<void> {
  // Revoking twice keeps the first instant.
  await db.update(apiTokens).set({ revokedAt: at }).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
}

/** Revokes every token of the person still in use; already revoked ones keep their first instant. */
export async function markTokensOfPersonRevoked(db: Queryable, personId: string, at: Date): Promise<number> {
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.personId, personId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return revoked.length;
}
