import { sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../../platform/db/database.ts';
import { isHttpUrl } from './http-delivery-send.ts';

/** An HTTP call Hallway owes someone: a webhook event, a reply posted to Slack or Teams, an SMS. */
export interface HttpDeliveryToQueue {
  /** Who owns it: 'webhook', 'slack', 'teams', 'sms'. */
  purpose: string;
  url: string;
  method?: 'POST' | 'PUT';
  /** Sent as is, byte for byte on every attempt. */
  body: string;
  /** Non-secret headers (content type ...); signatures and credentials are added at send time. */
  headers?: Readonly<Record<string, string>>;
  subscriptionId?: string | null;
  connectionId?: string | null;
  requestId?: string | null;
  eventId?: number | null;
  eventType?: string | null;
  /** The same key twice queues one delivery: e.g. `webhook:<subscription>:<event id>`. */
  dedupeKey?: string | null;
}

/**
 * Queues an HTTP delivery in the caller's transaction, so it goes out only if the change that caused
 * it commits (decision 0022); the delivery worker sends it. The new delivery's id, or null when one
 * with the same dedupe key is already queued. Throws a RangeError for a URL that is not http(s):
 * callers validate URLs where people type them; this is the last guard.
 */
export async function queueHttpDelivery(tx: Queryable, delivery: HttpDeliveryToQueue): Promise<string | null> {
  if (!isHttpUrl(delivery.url)) throw new RangeError('An HTTP delivery goes to an http(s) URL');
  const result = await tx.execute(sql`
    insert into http_deliveries
      (purpose, subscription_id, connection_id, request_id, event_id, event_type, url, method, headers, body, dedupe_key)
    values (${delivery.purpose}, ${delivery.subscriptionId ?? null}, ${delivery.connectionId ?? null}, ${delivery.requestId ?? null},
            ${delivery.eventId ?? null}, ${delivery.eventType ?? null}, ${delivery.url}, ${delivery.method ?? 'POST'},
            ${JSON.stringify(delivery.headers ?? {})}::jsonb, ${delivery.body}, ${delivery.dedupeKey ?? null})
    on conflict (dedupe_key) do nothing
    returning id`);
  return rowsOf<{ id: string }>(result)[0]?.id ?? null;
}
