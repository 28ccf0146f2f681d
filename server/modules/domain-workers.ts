import type { Config } from '../config.ts';
import type { DeliveryQueue } from '../platform/jobs/delivery-worker.ts';
import { mailDeliveryQueue } from './channels/email/outbound/mail-delivery.queue.ts';
import { httpDeliveryQueue } from './integrations/http-delivery.queue.ts';

/**
 * Every outbox a delivery worker drains (decision 0022): main.ts starts one worker per queue; tests
 * drain a queue themselves (`drainDeliveries`). platform/jobs knows no domain.
 */
export function domainDeliveryQueues(config: Pick<Config, 'mailRelayUrl'>): DeliveryQueue<unknown>[] {
  return [
    // outbound_messages: notifications, replies, rejections and bounces, to the mail relay
    mailDeliveryQueue({ relayUrl: config.mailRelayUrl }) as DeliveryQueue<unknown>,
    // http_deliveries: outgoing webhooks, Slack and Teams posts, SMS gateway calls
    httpDeliveryQueue() as DeliveryQueue<unknown>,
  ];
}
