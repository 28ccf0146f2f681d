import type { DeliveryOwner } from '../../../domain-delivery-credentials.ts';

/** Placeholder registered in domain-delivery-credentials.ts ahead of its module (Teams). */
export const teamsDeliveryOwner: DeliveryOwner = { credentials: async () => ({}) };
