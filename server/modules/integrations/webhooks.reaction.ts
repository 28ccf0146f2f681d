import type { RequestReaction } from '../requests/request-reactions.ts';
import { queueHttpDelivery } from './http-deliveries.ts';
import { webhookEventsOf } from './webhook-events.ts';
import { eventPayload, summariseRequest } from './webhook-payload.ts';
import { selectEnabledSubscriptionsFor } from './webhooks.store.ts';

/**
 * Queues, in the change's transaction, one delivery per webhook event and enabled subscription that
 * asked for it (its team, or every team). A rolled-back change queues nothing; a replayed one
 * queues nothing twice (`webhook:<subscription>:<event>`). Confidential requests never leave.
 */
export const webhooksReaction: RequestReaction = async (tx, change) => {
  const events = webhookEventsOf(change);
  if (events.length === 0) return;
  // A handoff is heard by the team it left as well as the team it reached.
  const teamIds = [...new Set([change.after.teamId, change.before?.teamId].filter((id): id is string => Boolean(id)))];
  const subscriptions = await selectEnabledSubscriptionsFor(tx, teamIds);
  if (subscriptions.length === 0) return;
  const request = await summariseRequest(tx, change.after);
  for (const event of events) {
    for (const subscription of subscriptions) {
      if (!subscription.eventTypes.includes(event.type)) continue;
      await queueHttpDelivery(tx, {
        purpose: 'webhook',
        url: subscription.url,
        body: await eventPayload(tx, subscription.id, event, request, change.at),
        headers: { 'content-type': 'application/json', 'hallway-event': `request.${event.type}` },
        subscriptionId: subscription.id,
        requestId: change.after.id,
        eventId: event.eventId,
        eventType: `request.${event.type}`,
        dedupeKey: `webhook:${subscription.id}:${event.key}`,
      });
    }
  }
};
