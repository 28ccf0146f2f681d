import type { DeliveryOwner } from '../../../domain-delivery-credentials.ts';

/** Placeholder registered in domain-delivery-credentials.ts ahead of its module (Slack). */
export const slackDeliveryOwner: DeliveryOwner = { credentials: async () => ({}) };
