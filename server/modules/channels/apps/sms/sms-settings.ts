import type { ConnectionRow } from '../connections.service.ts';
import { settingsSchemaOf, type SmsSettings as SavedSmsSettings } from '../connections.schema.ts';

/**
 * An SMS connection's settings as the endpoint uses them: the admin schema's (decision 0025), with
 * the generic format's header names defaulted to the ones Hallway suggests. The connection's
 * `signing_secret` is the gateway's webhook secret (Twilio: the auth token), `external_id` the number
 * people text, and `credential_env` names the variable holding the API token.
 */
export type SmsSettings = SavedSmsSettings & { signatureHeader: string; timestampHeader: string };

/** The settings, or null when they are not usable (written around the admin API); the endpoint then refuses calls. */
export function smsSettingsOf(connection: ConnectionRow): SmsSettings | null {
  const parsed = settingsSchemaOf.sms.safeParse(connection.settings ?? {});
  if (!parsed.success) return null;
  return {
    ...parsed.data,
    signatureHeader: parsed.data.signatureHeader ?? 'x-signature',
    timestampHeader: parsed.data.timestampHeader ?? 'x-signature-timestamp',
  };
}
