import type { DeliveryOwner } from '../../../domain-delivery-credentials.ts';

/** Placeholder registered in domain-delivery-credentials.ts ahead of its module (SMS). */
export const smsDeliveryOwner: DeliveryOwner = { credentials: async () => ({}) };
