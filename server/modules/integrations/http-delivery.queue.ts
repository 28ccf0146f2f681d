import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../../platform/db/database.ts';
import type { DeliveryQueue } from '../../platform/jobs/delivery-worker.ts';
import { DEFAULT_RETRY_POLICY, type RandomSource, type RetryPolicy } from '../channels/signatures/delivery-retry-schedule.ts';
import { deliveryOwners, type DeliveryOwner, type DeliveryToSign } from '../domain-delivery-credentials.ts';
import { outcomeOf, type AttemptOutcome } from './http-delivery-outcome.ts';
import { callHttp, isHttpUrl, type HttpCallResult } from './http-delivery-send.ts';

/** A leased `http_deliveries` row, as the worker needs it. */
export interface ClaimedHttpDelivery {
  id: string;
  purpose: string;
  subscriptionId: string | null;
  connectionId: string | null;
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

export interface HttpDeliveryQueueOptions {
  /** The whole exchange (answer and body) must fit in this; 10 s unless a test says otherwise. */
  timeoutMs?: number;
  retryPolicy?: RetryPolicy;
  random?: RandomSource;
  /** The owners by purpose; `deliveryOwners` unless a test brings its own. */
  owners?: Readonly<Record<string, DeliveryOwner>>;
  /** The attempt's instant (signatures, backoff); the clock unless a test sets it. */
  now?: () => Date;
}

export const HTTP_DELIVERY_TIMEOUT_MS = 10_000;
export const HALLWAY_USER_AGENT = 'Hallway-Delivery/1 (+https://github.com/hallway-desk/hallway)';

/**
 * The worker's side of `http_deliveries` (decision 0022): claims due rows under a lease, asks the
 * purpose's owner for its credentials (a signature, a token), sends, and records each attempt in
 * `http_delivery_attempts`. Nothing here logs a body, header value or secret.
 */
export function httpDeliveryQueue(options: HttpDeliveryQueueOptions = {}): DeliveryQueue<ClaimedHttpDelivery> {
  const owners = options.owners ?? deliveryOwners;
  const policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  const random = options.random ?? Math.random;
  const clock = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? HTTP_DELIVERY_TIMEOUT_MS;

  return {
    name: 'http',
    claim: async (database, now, limit, leaseUntil) => {
      // One statement: the lock, the lease and the answer commit together.
      const claimed = await database.db.execute(sql`
        update http_deliveries set leased_until = ${leaseUntil.toISOString()}::timestamptz
        where id in (
          select id from http_deliveries
          where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
            and (leased_until is null or leased_until <= ${now.toISOString()}::timestamptz)
          order by next_attempt_at, id
          limit ${limit}
          for update skip locked)
        returning id, purpose, subscription_id as "subscriptionId", connection_id as "connectionId", url, method, headers, body`);
      return rowsOf<ClaimedHttpDelivery>(claimed);
    },
    deliver: async (database, delivery) => {
      const at = clock();
      const owner = Object.hasOwn(owners, delivery.purpose) ? owners[delivery.purpose] : undefined;
      const toSign: DeliveryToSign = {
        id: delivery.id,
        purpose: delivery.purpose,
        connectionId: delivery.connectionId,
        subscriptionId: delivery.subscriptionId,
        url: delivery.url,
        body: delivery.body,
        at,
      };
      const started = performance.now();
      const result = await attempt(database, delivery, owner, toSign, timeoutMs);
      const durationMs = Math.round(performance.now() - started);
      const answered2xx = result.kind === 'answered' && result.status >= 200 && result.status < 300;
      const refusal = answered2xx && owner?.refusalIn ? owner.refusalIn({ status: result.status, body: result.body }) : null;
      const outcome = await recordAttempt(database, delivery.id, at, durationMs, (attemptsMade) => outcomeOf(result, attemptsMade, at, policy, random, refusal));
      if (outcome?.next.status === 'delivered' && owner?.delivered && result.kind === 'answered') {
        // The owner's follow-up (Slack's thread ts) must not turn a delivered call into a failed one.
        await owner.delivered(database, toSign, { status: result.status, body: result.body }).catch(() => undefined);
      }
    },
  };
}

async function attempt(
  database: Database,
  delivery: ClaimedHttpDelivery,
  owner: DeliveryOwner | undefined,
  toSign: DeliveryToSign,
  timeoutMs: number,
): Promise<HttpCallResult> {
  if (!owner) return { kind: 'error', error: `unknown purpose '${delivery.purpose}': no owner to sign it`, permanent: true };
  if (!isHttpUrl(delivery.url)) return { kind: 'error', error: 'not an http(s) URL', permanent: true };
  let credentials: Record<string, string>;
  try {
    credentials = await owner.credentials(database.db, toSign);
  } catch (error) {
    // A missing credential (an unset environment variable) may be fixed: retried like a 5xx.
    return { kind: 'error', error: `credentials: ${error instanceof Error ? error.message : String(error)}`.slice(0, 200), permanent: false };
  }
  const headers: Record<string, string> = { 'content-type': 'application/json', ...lowerCased(delivery.headers), ...lowerCased(credentials) };
  headers['hallway-delivery'] = delivery.id;
  headers['user-agent'] = HALLWAY_USER_AGENT;
  return callHttp({ url: delivery.url, method: delivery.method, headers, body: delivery.body }, { timeoutMs });
}

function lowerCased(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/**
 * The attempt and the delivery's new state, in one short transaction. The attempt's number is taken
 * under the row's lock, so two workers that both tried (a lease ran out mid-call) log two attempts;
 * a delivery another worker already settled keeps that state.
 */
async function recordAttempt(
  database: Database,
  deliveryId: string,
  at: Date,
  durationMs: number,
  outcomeAfter: (attemptsMade: number) => AttemptOutcome,
): Promise<AttemptOutcome | null> {
  return database.db.transaction(async (tx) => {
    const locked = rowsOf<{ attempts: number; status: string }>(
      await tx.execute(sql`select attempts, status from http_deliveries where id = ${deliveryId} for update`),
    )[0];
    if (!locked) return null; // deleted meanwhile (its subscription was removed)
    const attemptNumber = locked.attempts + 1;
    const outcome = outcomeAfter(attemptNumber);
    await tx.execute(sql`
      insert into http_delivery_attempts (delivery_id, attempt, started_at, duration_ms, status_code, error, response_excerpt)
      values (${deliveryId}, ${attemptNumber}, ${at.toISOString()}::timestamptz, ${durationMs}, ${outcome.statusCode}, ${outcome.error}, ${outcome.responseExcerpt})`);
    const settled = locked.status !== 'pending';
    const next = outcome.next;
    const status = settled ? locked.status : next.status === 'retry' ? 'pending' : next.status;
    const nextAttemptAt = !settled && next.status === 'retry' ? next.nextAttemptAt.toISOString() : null;
    await tx.execute(sql`
      update http_deliveries set
        attempts = ${attemptNumber},
        status = ${status},
        leased_until = null,
        last_status_code = ${outcome.statusCode},
        last_error = ${outcome.error},
        next_attempt_at = coalesce(${nextAttemptAt}::timestamptz, next_attempt_at),
        delivered_at = case when ${status} = 'delivered' then coalesce(delivered_at, now()) else delivered_at end
      where id = ${deliveryId}`);
    return outcome;
  });
}
