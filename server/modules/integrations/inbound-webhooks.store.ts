import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../../platform/db/database.ts';
import { inboundWebhooks } from './integrations.tables.ts';

export type InboundWebhookRow = typeof inboundWebhooks.$inferSelect;

export async function insertInboundWebhook(db: Queryable, values: typeof inboundWebhooks.$inferInsert): Promise<InboundWebhookRow> {
  const [row] = await db.insert(inboundWebhooks).values(values).returning();
  return row!;
}

export async function selectInboundWebhooks(db: Queryable): Promise<InboundWebhookRow[]> {
  return db.select().from(inboundWebhooks).orderBy(inboundWebhooks.createdAt, inboundWebhooks.id);
}

export async function selectInboundWebhook(db: Queryable, id: string): Promise<InboundWebhookRow | undefined> {
  const [row] = await db.select().from(inboundWebhooks).where(eq(inboundWebhooks.id, id)).limit(1);
  return row;
}

export async function updateInboundWebhook(db: Queryable, id: string, values: Partial<typeof inboundWebhooks.$inferInsert>): Promise<InboundWebhookRow | undefined> {
  const [row] = await db.update(inboundWebhooks).set(values).where(eq(inboundWebhooks.id, id)).returning();
  return row;
}

export async function deleteInboundWebhook(db: Queryable, id: string): Promise<boolean> {
  return (await db.delete(inboundWebhooks).where(eq(inboundWebhooks.id, id)).returning({ id: inboundWebhooks.id })).length > 0;
}

/**
 * Claims an external id for this hook, or finds who claimed it. On a conflict the insert waits for
 * a concurrent first call to commit, so two copies of one alert make one request.
 * `{ claimed: true }` when this call is the first; else the request the first one filed.
 */
export async function claimExternalId(db: Queryable, webhookId: string, externalId: string): Promise<{ claimed: true } | { claimed: false; requestId: string | null }> {
  const inserted = await db.execute(sql`
    insert into inbound_webhook_receipts (webhook_id, external_id) values (${webhookId}, ${externalId})
    on conflict (webhook_id, external_id) do nothing returning external_id`);
  if (rowsOf(inserted).length > 0) return { claimed: true };
  const found = await db.execute(sql`select request_id from inbound_webhook_receipts where webhook_id = ${webhookId} and external_id = ${externalId}`);
  return { claimed: false, requestId: rowsOf<{ request_id: string | null }>(found)[0]?.request_id ?? null };
}

export async function recordReceiptRequest(db: Queryable, webhookId: string, externalId: string, requestId: string): Promise<void> {
  await db.execute(sql`update inbound_webhook_receipts set request_id = ${requestId} where webhook_id = ${webhookId} and external_id = ${externalId}`);
}
