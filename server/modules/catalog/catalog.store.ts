import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.ts';
import { requestApprovals, requestSteps, serviceForms, services, type ApprovalStatus } from './catalog.tables.ts';
import type { IntakeForm } from './intake-form.schema.ts';

// The only place that writes SQL for the catalog's tables: services, their forms, the procedure
// steps copied onto requests and the approvals requests wait for. It never reads other modules' tables.

export type ServiceRow = typeof services.$inferSelect;
export type NewServiceRow = typeof services.$inferInsert;
export type FormRow = typeof serviceForms.$inferSelect;
export type StepRow = typeof requestSteps.$inferSelect;
export type ApprovalRow = typeof requestApprovals.$inferSelect;

export async function insertService(db: Queryable, values: NewServiceRow): Promise<ServiceRow> {
  const [row] = await db.insert(services).values(values).returning();
  return row!;
}

/** Writes only if the service is still at `expectedVersion`; undefined when someone changed it first. */
export async function updateServiceRow(
  db: Queryable,
  id: string,
  expectedVersion: number,
  values: Partial<NewServiceRow>,
): Promise<ServiceRow | undefined> {
  const [row] = await db
    .update(services)
    .set({ ...values, version: sql`${services.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(services.id, id), eq(services.version, expectedVersion)))
    .returning();
  return row;
}

export async function selectServiceById(db: Queryable, id: string, options: { lock?: boolean } = {}): Promise<ServiceRow | undefined> {
  const query = db.select().from(services).where(eq(services.id, id)).limit(1);
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function selectServiceBySlug(db: Queryable, slug: string): Promise<ServiceRow | undefined> {
  const [row] = await db.select().from(services).where(eq(services.slug, slug)).limit(1);
  return row;
}

/** A service by id or slug with its current form, in one statement (filing needs both). */
export async function selectServiceWithForm(
  db: Queryable,
  by: { id: string } | { slug: string },
): Promise<{ service: ServiceRow; form: FormRow | undefined } | undefined> {
  const [row] = await db
    .select({ service: services, form: serviceForms })
    .from(services)
    .leftJoin(serviceForms, and(eq(serviceForms.serviceId, services.id), eq(serviceForms.version, services.formVersion)))
    .where('id' in by ? eq(services.id, by.id) : eq(services.slug, by.slug))
    .limit(1);
  return row && { service: row.service, form: row.form ?? undefined };
}

export async function selectServicesByIds(db: Queryable, ids: string[]): Promise<ServiceRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(services).where(inArray(services.id, [...new Set(ids)]));
}

export interface ServiceFilter {
  /** The caller's home team, for audiences; null when they have none (then only open services). */
  homeTeamId: string | null;
  /** Services the caller manages, listed whatever their audience and state (include=inactive). */
  managedTeamIds?: string[] | 'all';
  teamId?: string;
}

/** Active services open to the caller's home team, plus (when asked) every service they manage. */
export async function selectServices(db: Queryable, filter: ServiceFilter): Promise<ServiceRow[]> {
  const audience = filter.homeTeamId === null
    ? isNull(services.audienceTeamIds)
    : or(isNull(services.audienceTeamIds), sql`${filter.homeTeamId}::uuid = any(${services.audienceTeamIds})`);
  const usable: SQL = and(eq(services.active, true), audience)!;
  let visible: SQL | undefined = usable;
  if (filter.managedTeamIds === 'all') visible = undefined;
  else if (filter.managedTeamIds && filter.managedTeamIds.length > 0) visible = or(usable, inArray(services.teamId, filter.managedTeamIds));
  return db
    .select()
    .from(services)
    .where(and(visible, filter.teamId ? eq(services.teamId, filter.teamId) : undefined))
    .orderBy(asc(services.name), asc(services.id));
}

export async function insertForm(db: Queryable, serviceId: string, form: IntakeForm): Promise<void> {
  await db.insert(serviceForms).values({ serviceId, version: form.version, form });
}

export async function selectForm(db: Queryable, serviceId: string, version: number): Promise<FormRow | undefined> {
  const [row] = await db
    .select()
    .from(serviceForms)
    .where(and(eq(serviceForms.serviceId, serviceId), eq(serviceForms.version, version)));
  return row;
}

/** The current form of each service, in one round trip. */
export async function selectCurrentForms(db: Queryable, rows: Pick<ServiceRow, 'id' | 'formVersion'>[]): Promise<Map<string, FormRow>> {
  if (rows.length === 0) return new Map();
  const pairs = rows.map((row) => sql`(${row.id}::uuid, ${row.formVersion}::int)`);
  const forms = await db
    .select()
    .from(serviceForms)
    .where(sql`(${serviceForms.serviceId}, ${serviceForms.version}) in (${sql.join(pairs, sql`, `)})`);
  return new Map(forms.map((form) => [form.serviceId, form]));
}

// Steps ------------------------------------------------------------------------------------------

export async function insertSteps(db: Queryable, requestId: string, steps: { title: string; description?: string }[]): Promise<void> {
  if (steps.length === 0) return;
  await db
    .insert(requestSteps)
    .values(steps.map((step, index) => ({ requestId, position: index + 1, title: step.title, description: step.description ?? '' })));
}

export async function selectSteps(db: Queryable, requestId: string): Promise<StepRow[]> {
  return db.select().from(requestSteps).where(eq(requestSteps.requestId, requestId)).orderBy(asc(requestSteps.position));
}

export async function selectStep(db: Queryable, requestId: string, position: number): Promise<StepRow | undefined> {
  const [row] = await db
    .select()
    .from(requestSteps)
    .where(and(eq(requestSteps.requestId, requestId), eq(requestSteps.position, position)));
  return row;
}

/** Ticks (doneBy set) or unticks (null) a step at the database's clock, or the caller's instant. */
export async function markStep(db: Queryable, requestId: string, position: number, doneBy: string | null, at?: Date): Promise<StepRow> {
  const doneAt = doneBy === null ? null : sql`coalesce(${at?.toISOString() ?? null}::timestamptz, now())`;
  const [row] = await db
    .update(requestSteps)
    .set({ doneBy, doneAt })
    .where(and(eq(requestSteps.requestId, requestId), eq(requestSteps.position, position)))
    .returning();
  return row!;
}

// Approvals --------------------------------------------------------------------------------------

export async function insertApproval(db: Queryable, values: typeof requestApprovals.$inferInsert): Promise<ApprovalRow> {
  const [row] = await db.insert(requestApprovals).values(values).returning();
  return row!;
}

export async function selectApproval(db: Queryable, id: string, options: { lock?: boolean } = {}): Promise<ApprovalRow | undefined> {
  const query = db.select().from(requestApprovals).where(eq(requestApprovals.id, id)).limit(1);
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function selectApprovalsOfRequest(db: Queryable, requestId: string): Promise<ApprovalRow[]> {
  return db
    .select()
    .from(requestApprovals)
    .where(eq(requestApprovals.requestId, requestId))
    .orderBy(asc(requestApprovals.createdAt), asc(requestApprovals.id));
}

/**
 * Approvals a person may decide (pending: named to them, or to a team they lead when nobody is
 * named) or has decided (approved/rejected), oldest first, at most `limit`.
 */
export async function selectApprovalsFor(
  db: Queryable,
  who: { personId: string; leadTeamIds: string[] },
  status: ApprovalStatus,
  limit: number,
): Promise<ApprovalRow[]> {
  const a = requestApprovals;
  const mine =
    status === 'pending'
      ? or(
          eq(a.approverId, who.personId),
          who.leadTeamIds.length > 0 ? and(isNull(a.approverId), inArray(a.approverTeamId, who.leadTeamIds)) : undefined,
        )
      : eq(a.decidedBy, who.personId);
  return db
    .select()
    .from(a)
    .where(and(eq(a.status, status), mine))
    .orderBy(status === 'pending' ? asc(a.createdAt) : sql`${a.decidedAt} desc`, asc(a.id))
    .limit(limit);
}

/** Hands the request's pending team approvals (nobody named) to another team's leads. */
export async function moveTeamApprovals(db: Queryable, requestId: string, teamId: string): Promise<ApprovalRow[]> {
  const a = requestApprovals;
  return db
    .update(a)
    .set({ approverTeamId: teamId })
    .where(and(eq(a.requestId, requestId), eq(a.status, 'pending'), isNull(a.approverId), sql`${a.approverTeamId} is distinct from ${teamId}::uuid`))
    .returning();
}

/** Records a decision only while the approval is pending: undefined when it was decided already. */
export async function decideApprovalRow(
  db: Queryable,
  id: string,
  decision: { status: 'approved' | 'rejected'; comment: string; decidedBy: string; at?: Date },
): Promise<ApprovalRow | undefined> {
  const [row] = await db
    .update(requestApprovals)
    .set({
      status: decision.status,
      comment: decision.comment,
      decidedBy: decision.decidedBy,
      decidedAt: sql`coalesce(${decision.at?.toISOString() ?? null}::timestamptz, now())`,
    })
    .where(and(eq(requestApprovals.id, id), eq(requestApprovals.status, 'pending')))
    .returning();
  return row;
}

/**
 * The answer stored for a person's Idempotency-Key, if it was given to exactly this fingerprint
 * (operation and input) and committed; undefined otherwise (unused, in flight, or another body).
 */
/** The foreign key or check a write broke, if that is why it failed (either driver, wrapped or not). */
export function violatedConstraint(error: unknown): { code: string; constraint: string } | undefined {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const details = current as Error & { code?: string; constraint?: string };
    if (details.code === '23503' || details.code === '23505') return { code: details.code, constraint: details.constraint ?? '' };
  }
  return undefined;
}
