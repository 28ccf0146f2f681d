import type { DeliveryQueue } from '../../../../platform/jobs/delivery-worker.ts';

export interface MailDeliveryOptions {
  /** smtp:// or smtps:// URL of the relay; undefined keeps mail queued. */
  relayUrl?: string;
}

/** Placeholder registered in domain-workers.ts ahead of the outbox's sender; replaced by it. */
export function mailDeliveryQueue(options: MailDeliveryOptions): DeliveryQueue<never> {
  void options;
  return { name: 'mail', claim: async () => [], deliver: async () => {} };
}
