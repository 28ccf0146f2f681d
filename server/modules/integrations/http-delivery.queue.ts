import type { DeliveryQueue } from '../../platform/jobs/delivery-worker.ts';

/** Placeholder registered in domain-workers.ts ahead of the HTTP delivery worker; replaced by it. */
export function httpDeliveryQueue(): DeliveryQueue<never> {
  return { name: 'http', claim: async () => [], deliver: async () => {} };
}
