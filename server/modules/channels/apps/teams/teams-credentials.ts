import type { DeliveryOwner } from '../../../domain-delivery-credentials.ts';

/**
 * A Teams incoming webhook takes no credential besides its URL, which carries the secret itself
 * (whoever holds the URL can post to the channel). So nothing is added at send time; the URL lives
 * in the connection's settings and in each queued delivery's row, and is never logged.
 */
export const teamsDeliveryOwner: DeliveryOwner = { credentials: async () => ({}) };
