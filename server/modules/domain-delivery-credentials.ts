import type { Database, Queryable } from '../platform/db/database.ts';
import { smsDeliveryOwner } from './channels/apps/sms/sms-credentials.ts';
import { slackDeliveryOwner } from './channels/apps/slack/slack-credentials.ts';
import { teamsDeliveryOwner } from './channels/apps/teams/teams-credentials.ts';
import { webhookDeliveryOwner } from './integrations/webhook-signer.ts';

/** The delivery an owner is asked to sign or authorise, just before it is sent. */
export interface DeliveryToSign {
  id: string;
  purpose: string;
  connectionId: string | null;
  subscriptionId: string | null;
  url: string;
  body: string;
  /** This attempt's instant (signatures carry a timestamp). */
  at: Date;
}

/**
 * The headers that prove who sends a delivery (a Hallway-Signature, a bot token, a gateway's basic
 * auth), made at send time so secrets are never stored with the queued body and a rotated secret
 * applies to retries. Throws when the credential is missing (an unset environment variable): the
 * delivery then fails that attempt with the reason, and is retried.
 */
export type DeliveryCredentials = (db: Queryable, delivery: DeliveryToSign) => Promise<Record<string, string>>;

/** A 2xx answer whose body says the call did not do what it was for (Slack's `{"ok":false}`). */
export interface AnswerRefusal {
  /** For the delivery log: what the peer said, in a few words, never the body sent. */
  error: string;
  /** The peer asks to be tried later (rate limited, a passing fault); otherwise the delivery fails. */
  retryable: boolean;
}

/** What the owner of a purpose says about its deliveries. */
export interface DeliveryOwner {
  credentials: DeliveryCredentials;
  /**
   * Reads a 2xx answer for a failure the peer reports in its body: a peer that answers 200 to
   * everything must not have a message it dropped recorded as delivered. Null means delivered.
   */
  refusalIn?: (answer: { status: number; body: string }) => AnswerRefusal | null;
  /**
   * Called (no transaction open) after a 2xx answer was recorded, with the answer's body: Slack's
   * chat.postMessage answers with the message's `ts`, which becomes the request's thread. Should
   * not throw; a failure here does not make the delivery fail.
   */
  delivered?: (db: Database, delivery: DeliveryToSign, answer: { status: number; body: string }) => Promise<void>;
}

/** Each `http_deliveries.purpose` and its owner; the HTTP delivery worker refuses other purposes. */
export const deliveryOwners: Readonly<Record<string, DeliveryOwner>> = {
  webhook: webhookDeliveryOwner,
  slack: slackDeliveryOwner,
  teams: teamsDeliveryOwner,
  sms: smsDeliveryOwner,
};
