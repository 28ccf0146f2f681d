import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../../platform/db/database.ts';
import { httpDeliveries, httpDeliveryAttempts, webhookSubscriptions } from './integrations.tables.ts';

export type SubscriptionRow = typeof webhookSubscriptions.$inferSelect;
export type DeliveryRow = typeof httpDeliveries.$inferSelect;
export type AttemptRow = typeof httpDeliveryAttempts.$inferSelect;

export async function insertSubscription(db: Queryable, values: typeof webhookSubscriptions.$inferInsert): Promise<SubscriptionRow> {
  const [row] = await db.insert(webhookSubscriptions).values(values).returning();
  return row!;
}

export async function selectSubscriptions(db: Queryable): Promise<SubscriptionRow[]> {
  return db.select().from(webhookSubscriptions).orderBy(webhookSubscriptions.createdAt, webhookSubscriptions.id);
}

export async function selectSubscription(db: Queryable, id: string): Promise<SubscriptionRow | undefined> {
  const [row] = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id)).limit(1);
  return row;
}

export async function updateSubscription(db: Queryable, id: string, values: Partial<typeof webhookSubscriptions.$inferInsert>): Promise<SubscriptionRow | undefined> {
  const [row] = await db
    .update(webhookSubscriptions)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(webhookSubscriptions.id, id))
    .returning();
  return row;
}

export async function deleteSubscription(db: Queryable, id: string): Promise<boolean> {
  const deleted = await db.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, id)).returning({ id: webhookSubscriptions.id });
  return deleted.length > 0;
}

/** The enabled subscriptions hearing about requests of these teams (or of every team). */
export async function selectEnabledSubscriptionsFor(db: Queryable, teamIds: readonly string[]): Promise<SubscriptionRow[]> {
  return db
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.enabled, true), or(isNull(webhookSubscriptions.teamId), inArray(webhookSubscriptions.teamId, [...teamIds]))))
    .orderBy(webhookSubscriptions.id);
}

/** A subscription's deliveries, newest first. */
export async function selectDeliveriesOf(db: Queryable, subscriptionId: string, limit: number): Promise<DeliveryRow[]> {
  return db
    .select()
    .from(httpDeliveries)
    .where(eq(httpDeliveries.subscriptionId, subscriptionId))
    .orderBy(desc(httpDeliveries.createdAt), desc(httpDeliveries.id))
    .limit(limit);
}

export async function selectAttemptsOf(db: Queryable, deliveryIds: readonly string[]): Promise<AttemptRow[]> {
  if (deliveryIds.length === 0) return [];
  return db
    .select()
    .from(httpDeliveryAttempts)
    .where(inArray(httpDeliveryAttempts.deliveryId, [...deliveryIds]))
    .orderBy(httpDeliveryAttempts.deliveryId, httpDeliveryAttempts.attempt);
}

export async function selectDelivery(db: Queryable, id: string): Promise<DeliveryRow | undefined> {
  const [row] = await db.select().from(httpDeliveries).where(eq(httpDeliveries.id, id)).limit(1);
  return row;
}

/**
 * A new delivery with the same body, target and headers as `id` (a redelivery has its own id and
 * log; the dedupe key stays with the original). Its id, or null when `id` does not exist.
 */
export async function copyDelivery(db: Queryable, id: string): Promise<string | null> {
  const result = await db.execute(sql`
    insert into http_deliveries (purpose, subscription_id, connection_id, request_id, event_id, event_type, url, method, headers, body)
    select purpose, subscription_id, connection_id, request_id, event_id, event_type, url, method, headers, body
    from http_deliveries where id = ${id}
    returning id`);
  return rowsOf<{ id: string }>(result)[0]?.id ?? null;
}
