import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/database.ts';
import { externalIdentityClaims } from '../apps.tables.ts';

// The only place that writes SQL for links to chat-app accounts asked for and waiting for their code.

export type IdentityClaimRow = typeof externalIdentityClaims.$inferSelect;
type Account = { connectionId: string; externalUserId: string };

const ofAccount = (account: Account) =>
  and(eq(externalIdentityClaims.connectionId, account.connectionId), eq(externalIdentityClaims.externalUserId, account.externalUserId));

/** The person's claim on the account, made or replaced: a repeat gets a new code and a new expiry. */
export async function upsertClaim(db: Queryable, claim: Account & { personId: string; externalName: string | null; codeHash: string; expiresAt: Date; now: Date }) {
  const { now, ...values } = claim;
  await db
    .insert(externalIdentityClaims)
    .values({ ...values, createdAt: now })
    .onConflictDoUpdate({
      target: [externalIdentityClaims.connectionId, externalIdentityClaims.externalUserId, externalIdentityClaims.personId],
      set: { externalName: values.externalName, codeHash: values.codeHash, expiresAt: values.expiresAt, createdAt: now },
    });
}

/** The live claims on the account whose code hashes to this. */
export function selectLiveClaimsWithCode(db: Queryable, account: Account, codeHash: string, now: Date): Promise<IdentityClaimRow[]> {
  return db
    .select()
    .from(externalIdentityClaims)
    .where(and(ofAccount(account), eq(externalIdentityClaims.codeHash, codeHash), gt(externalIdentityClaims.expiresAt, now)));
}

export async function countLiveClaims(db: Queryable, account: Account, now: Date): Promise<number> {
  const rows = await db
    .select({ personId: externalIdentityClaims.personId })
    .from(externalIdentityClaims)
    .where(and(ofAccount(account), gt(externalIdentityClaims.expiresAt, now)));
  return rows.length;
}

/**
 * A wrong code from the account: every claim on it loses `penaltyMs` of its life, and those with
 * none left are deleted. With the penalty a fifth of a claim's lifetime, five wrong codes end any
 * claim, counted in the rows themselves so every process sees the same count.
 */
export async function shortenClaims(db: Queryable, account: Account, penaltyMs: number, now: Date): Promise<void> {
  await db
    .update(externalIdentityClaims)
    .set({ expiresAt: sql`${externalIdentityClaims.expiresAt} - make_interval(secs => ${penaltyMs / 1000})` })
    .where(ofAccount(account));
  await deleteExpiredClaims(db, account, now);
}

export async function deleteExpiredClaims(db: Queryable, account: Account, now: Date): Promise<void> {
  await db.delete(externalIdentityClaims).where(and(ofAccount(account), lte(externalIdentityClaims.expiresAt, now)));
}

/** Once the account is linked, nobody's claim on it is waiting any more. */
export async function deleteClaimsOfAccount(db: Queryable, account: Account): Promise<void> {
  await db.delete(externalIdentityClaims).where(ofAccount(account));
}
