import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../../../platform/db/database.ts';
import { channelConnections, externalIdentities } from '../apps.tables.ts';

// The only place that writes SQL for people's own links to their chat-app accounts.

export type ExternalIdentityRow = typeof externalIdentities.$inferSelect;

/**
 * Links the outside account to the person, or refreshes the name of a link they already have.
 * One statement, so two people racing for the same account cannot both win: the row returned is
 * the one that holds, and it names someone else when the account was theirs already.
 */
export async function upsertIdentity(db: Queryable, identity: { connectionId: string; externalUserId: string; personId: string; externalName: string | null }): Promise<ExternalIdentityRow> {
  const [row] = await db
    .insert(externalIdentities)
    .values(identity)
    .onConflictDoUpdate({
      target: [externalIdentities.connectionId, externalIdentities.externalUserId],
      set: { externalName: sql`excluded.external_name` },
      setWhere: sql`${externalIdentities.personId} = excluded.person_id`,
    })
    .returning();
  if (row) return row;
  const holder = await selectIdentity(db, identity.connectionId, identity.externalUserId);
  if (!holder) throw new Error('an identity neither inserted nor found');
  return holder;
}

export async function selectIdentity(db: Queryable, connectionId: string, externalUserId: string): Promise<ExternalIdentityRow | undefined> {
  const [row] = await db
    .select()
    .from(externalIdentities)
    .where(and(eq(externalIdentities.connectionId, connectionId), eq(externalIdentities.externalUserId, externalUserId)));
  return row;
}

export function selectIdentitiesOfPerson(db: Queryable, personId: string) {
  return db
    .select({
      connectionId: externalIdentities.connectionId,
      kind: channelConnections.kind,
      connectionName: channelConnections.name,
      externalUserId: externalIdentities.externalUserId,
      externalName: externalIdentities.externalName,
      linkedAt: externalIdentities.linkedAt,
    })
    .from(externalIdentities)
    .innerJoin(channelConnections, eq(channelConnections.id, externalIdentities.connectionId))
    .where(eq(externalIdentities.personId, personId))
    .orderBy(asc(externalIdentities.linkedAt), asc(externalIdentities.externalUserId));
}

/** Removes the person's own link; false when they have no such link (someone else's is not theirs to remove). */
export async function deleteIdentityOfPerson(db: Queryable, personId: string, connectionId: string, externalUserId: string): Promise<boolean> {
  const removed = await db
    .delete(externalIdentities)
    .where(
      and(eq(externalIdentities.connectionId, connectionId), eq(externalIdentities.externalUserId, externalUserId), eq(externalIdentities.personId, personId)),
    )
    .returning({ personId: externalIdentities.personId });
  return removed.length > 0;
}
