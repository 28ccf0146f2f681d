import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { findTeamById, requireTeamBySlug } from '../people/people.service.ts';
import { queueHttpDelivery } from './http-deliveries.ts';
import { pingPayload } from './webhook-payload.ts';
import { newWebhookSecret, SECRET_OVERLAP_MS } from './webhook-secrets.ts';
import type { CreateWebhookBody, DeliveryView, UpdateWebhookBody, WebhookView } from './webhooks.schema.ts';
import * as store from './webhooks.store.ts';

// Outgoing webhooks, for admins: subscriptions, their secret (shown once), the delivery log.

function requireAdmin(actor: Pick<Actor, 'isAdmin'>): void {
  if (!actor.isAdmin) throw new AppError('FORBIDDEN', 'Only admins manage webhooks');
}

async function requireSubscription(db: Queryable, id: string): Promise<store.SubscriptionRow> {
  const found = await store.selectSubscription(db, id);
  if (!found) throw new AppError('WEBHOOK_NOT_FOUND');
  return found;
}

async function teamIdOf(db: Queryable, slug: string | null | undefined): Promise<string | null> {
  if (!slug) return null;
  return (await requireTeamBySlug(db, slug, 'body.team')).id;
}

async function toView(db: Queryable, row: store.SubscriptionRow, now = new Date()): Promise<WebhookView> {
  const team = row.teamId ? await findTeamById(db, row.teamId) : undefined;
  const overlapping = row.previousSecretUntil && row.previousSecretUntil.getTime() > now.getTime() ? row.previousSecretUntil : null;
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    eventTypes: row.eventTypes as WebhookView['eventTypes'],
    team: team ? { id: team.id, slug: team.slug, name: team.name } : null,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    previousSecretValidUntil: overlapping?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listWebhooks(db: Queryable, actor: Actor): Promise<{ items: WebhookView[] }> {
  requireAdmin(actor);
  const rows = await store.selectSubscriptions(db);
  return { items: await Promise.all(rows.map((row) => toView(db, row))) };
}

export async function getWebhook(db: Queryable, actor: Actor, id: string): Promise<WebhookView> {
  requireAdmin(actor);
  return toView(db, await requireSubscription(db, id));
}

export async function createWebhook(db: Queryable, actor: Actor, input: CreateWebhookBody): Promise<WebhookView & { secret: string }> {
  requireAdmin(actor);
  const teamId = await teamIdOf(db, input.team);
  const secret = newWebhookSecret();
  const row = await store.insertSubscription(db, { name: input.name, url: input.url, eventTypes: input.eventTypes, teamId, secret, createdBy: actor.personId });
  return { ...(await toView(db, row)), secret };
}

export async function updateWebhook(db: Queryable, actor: Actor, id: string, input: UpdateWebhookBody): Promise<WebhookView> {
  requireAdmin(actor);
  await requireSubscription(db, id);
  const values: Parameters<typeof store.updateSubscription>[2] = {};
  if (input.name !== undefined) values.name = input.name;
  if (input.url !== undefined) values.url = input.url;
  if (input.eventTypes !== undefined) values.eventTypes = input.eventTypes;
  if (input.team !== undefined) values.teamId = await teamIdOf(db, input.team);
  if (input.enabled !== undefined) Object.assign(values, { enabled: input.enabled, disabledReason: null });
  const row = await store.updateSubscription(db, id, values);
  if (!row) throw new AppError('WEBHOOK_NOT_FOUND');
  return toView(db, row);
}

export async function deleteWebhook(db: Queryable, actor: Actor, id: string): Promise<void> {
  requireAdmin(actor);
  if (!(await store.deleteSubscription(db, id))) throw new AppError('WEBHOOK_NOT_FOUND');
}

/**
 * A new secret, shown once. The one it replaces keeps signing for 24 hours (each delivery then
 * carries both signatures), so the receiver can switch without losing a delivery.
 */
export async function rotateWebhookSecret(db: Queryable, actor: Actor, id: string, now = new Date()): Promise<WebhookView & { secret: string }> {
  requireAdmin(actor);
  return db.transaction(async (tx) => {
    const current = await requireSubscription(tx, id);
    const secret = newWebhookSecret();
    const row = await store.updateSubscription(tx, id, {
      secret,
      previousSecret: current.secret,
      previousSecretUntil: new Date(now.getTime() + SECRET_OVERLAP_MS),
    });
    return { ...(await toView(tx, row!, now)), secret };
  });
}

/** Queues a `ping` to the subscription's URL, so an admin can see the receiver answer. */
export async function pingWebhook(db: Queryable, actor: Actor, id: string): Promise<{ deliveryId: string }> {
  requireAdmin(actor);
  const subscription = await requireSubscription(db, id);
  const deliveryId = await queueHttpDelivery(db, {
    purpose: 'webhook',
    url: subscription.url,
    body: pingPayload(subscription.id, new Date()),
    headers: { 'content-type': 'application/json', 'hallway-event': 'ping' },
    subscriptionId: subscription.id,
    eventType: 'ping',
  });
  return { deliveryId: deliveryId! };
}

export async function listWebhookDeliveries(db: Queryable, actor: Actor, id: string, limit: number): Promise<{ items: DeliveryView[] }> {
  requireAdmin(actor);
  await requireSubscription(db, id);
  const deliveries = await store.selectDeliveriesOf(db, id, limit);
  const attempts = await store.selectAttemptsOf(db, deliveries.map((delivery) => delivery.id));
  return {
    items: deliveries.map((delivery) => ({
      id: delivery.id,
      eventType: delivery.eventType,
      status: delivery.status,
      attempts: delivery.attempts,
      nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt.toISOString() : null,
      lastStatusCode: delivery.lastStatusCode,
      lastError: delivery.lastError,
      createdAt: delivery.createdAt.toISOString(),
      deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
      attemptLog: attempts
        .filter((attempt) => attempt.deliveryId === delivery.id)
        .map((attempt) => ({
          attempt: attempt.attempt,
          startedAt: attempt.startedAt.toISOString(),
          durationMs: attempt.durationMs,
          statusCode: attempt.statusCode,
          error: attempt.error,
          responseExcerpt: attempt.responseExcerpt,
        })),
    })),
  };
}

/**
 * Sends a delivery again as a new delivery (its own id and log), whatever became of the first:
 * after a receiver's bug was fixed. Only outgoing webhooks' deliveries are redelivered here; a
 * chat reply posted twice would show twice in the chat.
 */
export async function redeliver(db: Queryable, actor: Actor, deliveryId: string): Promise<{ deliveryId: string }> {
  requireAdmin(actor);
  const delivery = await store.selectDelivery(db, deliveryId);
  if (!delivery || delivery.purpose !== 'webhook') throw new AppError('DELIVERY_NOT_FOUND');
  const copy = await store.copyDelivery(db, deliveryId);
  if (!copy) throw new AppError('DELIVERY_NOT_FOUND');
  return { deliveryId: copy };
}
