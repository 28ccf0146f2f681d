import { and, asc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.ts';
import { internalAgreements, requestSlaClocks, slaPolicies, type SlaMetric } from './sla.tables.ts';

// The only place that writes SQL for the SLA tables: policies, internal agreements and clocks.

export type PolicyRow = typeof slaPolicies.$inferSelect;
export type NewPolicyRow = typeof slaPolicies.$inferInsert;
export type AgreementRow = typeof internalAgreements.$inferSelect;
export type NewAgreementRow = typeof internalAgreements.$inferInsert;
export type ClockRow = typeof requestSlaClocks.$inferSelect;
export type NewClockRow = typeof requestSlaClocks.$inferInsert;

export async function insertPolicy(tx: Queryable, row: NewPolicyRow): Promise<PolicyRow> {
  const [policy] = await tx.insert(slaPolicies).values(row).returning();
  if (!policy) throw new Error('insert returned no row');
  return policy;
}

export async function updatePolicy(tx: Queryable, id: string, changes: Partial<NewPolicyRow>): Promise<PolicyRow | undefined> {
  const [policy] = await tx
    .update(slaPolicies)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(slaPolicies.id, id))
    .returning();
  return policy;
}

export async function selectPolicyById(db: Queryable, id: string): Promise<PolicyRow | undefined> {
  const [policy] = await db.select().from(slaPolicies).where(eq(slaPolicies.id, id)).limit(1);
  return policy;
}

/** Every policy, or those of the given teams. */
export async function selectPolicies(db: Queryable, teamIds?: string[]): Promise<PolicyRow[]> {
  if (teamIds && teamIds.length === 0) return [];
  return db
    .select()
    .from(slaPolicies)
    .where(teamIds ? inArray(slaPolicies.teamId, teamIds) : undefined)
    .orderBy(asc(slaPolicies.name), asc(slaPolicies.id));
}

export async function insertAgreement(tx: Queryable, row: NewAgreementRow): Promise<AgreementRow> {
  const [agreement] = await tx.insert(internalAgreements).values(row).returning();
  if (!agreement) throw new Error('insert returned no row');
  return agreement;
}

export async function selectAgreementById(db: Queryable, id: string, options: { lock?: boolean } = {}): Promise<AgreementRow | undefined> {
  const query = db.select().from(internalAgreements).where(eq(internalAgreements.id, id)).limit(1);
  const [agreement] = options.lock ? await query.for('update') : await query;
  return agreement;
}

export async function updateAgreement(tx: Queryable, id: string, changes: Partial<NewAgreementRow>): Promise<AgreementRow> {
  const [agreement] = await tx.update(internalAgreements).set(changes).where(eq(internalAgreements.id, id)).returning();
  if (!agreement) throw new Error('update returned no row');
  return agreement;
}

/** Every agreement, or those where one of the teams is provider or consumer; newest first. */
export async function selectAgreements(db: Queryable, teamIds?: string[]): Promise<AgreementRow[]> {
  if (teamIds && teamIds.length === 0) return [];
  const ofTeams = teamIds
    ? or(inArray(internalAgreements.providerTeamId, teamIds), inArray(internalAgreements.consumerTeamId, teamIds))
    : undefined;
  return db.select().from(internalAgreements).where(ofTeams).orderBy(sql`${internalAgreements.createdAt} desc`, asc(internalAgreements.id));
}

/**
 * Agreements in force between two teams (or the provider and any team, consumerTeamId null) for a
 * service (or all the provider's services): both leads accepted, not withdrawn. Their dates are
 * checked by the caller, on the provider's day.
 */
export async function selectAgreementsInForce(
  db: Queryable,
  providerTeamId: string,
  consumerTeamId: string | null,
  serviceId: string | null,
): Promise<AgreementRow[]> {
  const a = internalAgreements;
  return db
    .select()
    .from(a)
    .where(
      and(
        eq(a.providerTeamId, providerTeamId),
        consumerTeamId === null ? undefined : eq(a.consumerTeamId, consumerTeamId),
        isNotNull(a.providerAcceptedAt),
        isNotNull(a.consumerAcceptedAt),
        isNull(a.withdrawnAt),
        serviceId ? or(isNull(a.serviceId), eq(a.serviceId, serviceId)) : isNull(a.serviceId),
      ),
    )
    .orderBy(sql`${a.createdAt} desc`, asc(a.id));
}

export async function insertClock(tx: Queryable, row: NewClockRow): Promise<ClockRow> {
  const [clock] = await tx.insert(requestSlaClocks).values(row).returning();
  if (!clock) throw new Error('insert returned no row');
  return clock;
}

/** Several clocks in one statement, returned in the order given. */
export async function insertClocks(tx: Queryable, rows: NewClockRow[]): Promise<ClockRow[]> {
  if (rows.length === 0) return [];
  const clocks = await tx.insert(requestSlaClocks).values(rows).returning();
  if (clocks.length !== rows.length) throw new Error('insert returned fewer rows');
  // RETURNING follows the VALUES list in practice; matched by metric all the same (unique per request).
  return rows.map((row) => clocks.find((clock) => clock.requestId === row.requestId && clock.metric === row.metric)!);
}

/** The request's clocks in a stable order; locked when a change is about to move them. */
export async function selectClocksOfRequest(db: Queryable, requestId: string, options: { lock?: boolean } = {}): Promise<ClockRow[]> {
  const query = db.select().from(requestSlaClocks).where(eq(requestSlaClocks.requestId, requestId)).orderBy(asc(requestSlaClocks.metric));
  return options.lock ? query.for('update') : query;
}

export async function selectClockById(db: Queryable, id: string, options: { lock?: boolean } = {}): Promise<ClockRow | undefined> {
  const query = db.select().from(requestSlaClocks).where(eq(requestSlaClocks.id, id)).limit(1);
  const [clock] = options.lock ? await query.for('update') : await query;
  return clock;
}

export async function updateClock(tx: Queryable, id: string, changes: Partial<NewClockRow>): Promise<ClockRow> {
  const [clock] = await tx.update(requestSlaClocks).set(changes).where(eq(requestSlaClocks.id, id)).returning();
  if (!clock) throw new Error('update returned no row');
  return clock;
}

export async function selectClock(db: Queryable, requestId: string, metric: SlaMetric): Promise<ClockRow | undefined> {
  const [clock] = await db
    .select()
    .from(requestSlaClocks)
    .where(and(eq(requestSlaClocks.requestId, requestId), eq(requestSlaClocks.metric, metric)))
    .limit(1);
  return clock;
}
