import type { DeliveryOwner } from '../domain-delivery-credentials.ts';

/** Placeholder registered in domain-delivery-credentials.ts ahead of its module (outgoing webhooks). */
export const webhookDeliveryOwner: DeliveryOwner = { credentials: async () => ({}) };
