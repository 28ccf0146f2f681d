import { HALLWAY_SIGNATURE_HEADER, signHallwayDelivery } from '../channels/signatures/hallway-delivery-signature.ts';
import type { DeliveryOwner } from '../domain-delivery-credentials.ts';
import { liveSecrets } from './webhook-secrets.ts';
import { selectSubscription } from './webhooks.store.ts';

/**
 * Signs an outgoing webhook delivery at send time with its subscription's live secrets: one v1 per
 * secret while a rotation's overlap lasts, so the receiver accepts it with either (decision 0021).
 */
export const webhookDeliveryOwner: DeliveryOwner = {
  credentials: async (db, delivery) => {
    if (!delivery.subscriptionId) throw new Error('a webhook delivery without its subscription');
    const subscription = await selectSubscription(db, delivery.subscriptionId);
    if (!subscription) throw new Error('the webhook subscription no longer exists');
    const secrets = liveSecrets(subscription, delivery.at);
    return { [HALLWAY_SIGNATURE_HEADER]: signHallwayDelivery(secrets, Math.floor(delivery.at.getTime() / 1000), delivery.body) };
  },
};
