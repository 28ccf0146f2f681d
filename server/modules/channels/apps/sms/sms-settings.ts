import { z } from 'zod';
import type { ConnectionRow } from '../connections.service.ts';

/**
 * The non-secret settings of an SMS connection (`channel_connections.settings`, kind 'sms'); the
 * connection's `signing_secret` is the gateway's webhook secret (Twilio: the auth token), its
 * `external_id` our number in E.164, and `credential_env` names the variable holding the API token.
 */
export const smsSettingsSchema = z.object({
  /** 'twilio': X-Twilio-Signature and form calls to the API; 'generic': timestamped HMAC-SHA256 and JSON. */
  format: z.enum(['twilio', 'generic']).default('twilio'),
  /** The inbound URL exactly as configured at the gateway (Twilio signs it); default: HALLWAY_PUBLIC_URL + our path. */
  inboundUrl: z.url().optional(),
  /** Where replies are POSTed: Twilio's `.../Accounts/<sid>/Messages.json`, or the generic gateway's send URL. */
  sendUrl: z.url().optional(),
  /** The number replies are sent From (E.164); the connection's external id (the number called) when unset. */
  fromNumber: z.string().regex(/^\+[1-9][0-9]{6,14}$/).optional(),
  /** Twilio's account SID, the user name of its basic auth (the token is in credential_env). */
  accountSid: z.string().min(1).optional(),
  /** For numbers written without one, in the directory or from the gateway: `44`, `1`. */
  defaultCountryCode: z.string().regex(/^\+?[1-9][0-9]{0,2}$/).optional(),
  /** Generic format: the gateway's header names. */
  signatureHeader: z.string().min(1).default('x-signature'),
  timestampHeader: z.string().min(1).default('x-signature-timestamp'),
});
export type SmsSettings = z.infer<typeof smsSettingsSchema>;

/** The settings, or null when they are not usable (an admin's mistake; the endpoint then refuses calls). */
export function smsSettingsOf(connection: ConnectionRow): SmsSettings | null {
  const parsed = smsSettingsSchema.safeParse(connection.settings ?? {});
  return parsed.success ? parsed.data : null;
}
