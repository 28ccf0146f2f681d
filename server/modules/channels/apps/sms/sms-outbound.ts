import type { Queryable } from '../../../../platform/db/database.ts';
import { queueHttpDelivery } from '../../../integrations/http-deliveries.ts';
import type { ConnectionRow } from '../connections.service.ts';
import { smsSettingsOf } from './sms-settings.ts';

export interface SmsToQueue {
  to: string;
  text: string;
  requestId?: string | null;
  /** The same key twice queues one SMS (a replayed change, a stranger writing again the same day). */
  dedupeKey: string;
}

/**
 * Queues an SMS through the connection's gateway in the caller's transaction (decision 0022); the
 * HTTP delivery worker sends it and `sms-credentials.ts` adds the gateway's auth at send time.
 * Twilio: a form POST of To, From and Body; a generic gateway: JSON `{ to, from, text }`.
 * Returns false when the connection's settings are not usable (nothing can go out; no delivery is queued).
 */
export async function queueSms(tx: Queryable, connection: ConnectionRow, sms: SmsToQueue): Promise<boolean> {
  const settings = smsSettingsOf(connection);
  if (!settings?.sendUrl) return false;
  const from = settings.fromNumber;
  const twilio = settings.format === 'twilio';
  await queueHttpDelivery(tx, {
    purpose: 'sms',
    url: settings.sendUrl,
    connectionId: connection.id,
    requestId: sms.requestId ?? null,
    headers: { 'content-type': twilio ? 'application/x-www-form-urlencoded' : 'application/json' },
    body: twilio ? new URLSearchParams({ To: sms.to, From: from, Body: sms.text }).toString() : JSON.stringify({ to: sms.to, from, text: sms.text }),
    dedupeKey: sms.dedupeKey,
  });
  return true;
}
