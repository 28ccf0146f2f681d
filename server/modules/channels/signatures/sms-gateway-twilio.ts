import { createHmac } from 'node:crypto';
import type { ReplayGuard } from './replay-guard.ts';
import {
  accepted,
  bytesFromBase64,
  constantTimeEqual,
  rawBytes,
  refused,
  singleHeader,
  type HeaderValue,
  type SignatureCheck,
} from './signature-check.ts';
import { DEFAULT_TOLERANCE_SECONDS, systemClock, type Clock } from './timestamp-window.ts';

/**
 * The SMS webhook signature of Twilio and the gateways that copy it ("Webhooks security",
 * https://www.twilio.com/docs/usage/webhooks/webhooks-security, and "Security",
 * https://www.twilio.com/docs/usage/security#validating-requests): X-Twilio-Signature is the base64
 * HMAC-SHA1, keyed with the account's auth token, of the full URL the gateway called (query string
 * included) followed by every POST parameter, sorted by name, each as name then value with nothing
 * between.
 *
 * The URL is the one the gateway was given, not the one this process sees: behind a proxy or load
 * balancer the scheme, host and port differ. So the caller passes the configured public URL, never
 * one rebuilt from the request.
 */
export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';

export interface TwilioRequest {
  signature: HeaderValue;
  /** The application/x-www-form-urlencoded body as it arrived. */
  rawBody: Uint8Array | string;
}

export interface TwilioVerification {
  authToken: string;
  /** The exact URL configured at the gateway for this webhook, with its query string. */
  publicUrl: string;
  /**
   * When given, a message already accepted is refused as replayed, keyed by its MessageSid. The
   * format signs no timestamp, so the memory holds each message for `rememberForSeconds` after it
   * arrives; a later replay is caught only by the inbound store's de-duplication on MessageSid.
   */
  replayGuard?: ReplayGuard;
  rememberForSeconds?: number;
  now?: Clock;
}

/** The form parameters in signing order: names sorted, a repeated name's values sorted (as Twilio's SDKs do). */
export function twilioSigningString(publicUrl: string, form: URLSearchParams): string {
  const names = [...new Set(form.keys())].sort();
  let signed = publicUrl;
  for (const name of names) {
    for (const value of [...new Set(form.getAll(name))].sort()) signed += name + value;
  }
  return signed;
}

/** The X-Twilio-Signature the gateway would send; tests and local round trips use it. */
export function signTwilioRequest(authToken: string, publicUrl: string, rawBody: Uint8Array | string): string {
  return twilioDigest(authToken, publicUrl, formOf(rawBody)).toString('base64');
}

export function verifyTwilioRequest(request: TwilioRequest, options: TwilioVerification): SignatureCheck {
  const signature = singleHeader(request.signature);
  if (signature === 'missing' || signature === 'malformed') return refused(signature);
  const received = bytesFromBase64(signature);
  if (received === null) return refused('malformed');

  const form = formOf(request.rawBody);
  const matched = urlsTheGatewayMayHaveSigned(options.publicUrl)
    .map((url) => twilioDigest(options.authToken, url, form))
    .find((expected) => constantTimeEqual(expected, received));
  if (matched === undefined) return refused('mismatch');

  if (options.replayGuard) {
    const messageId = form.get('MessageSid') ?? form.get('SmsSid');
    const key = `sms:${messageId ?? matched.toString('base64')}`;
    const rememberForMs = (options.rememberForSeconds ?? DEFAULT_TOLERANCE_SECONDS) * 1000;
    if (!options.replayGuard.admit(key, (options.now ?? systemClock)() + rememberForMs)) return refused('replayed');
  }
  return accepted;
}

const ORIGIN_PARTS = /^(https?):\/\/([^/?#]*@)?([^/?#:@]+|\[[^\]/?#]+\])(?::(\d+))?([/?#].*)?$/i;

/**
 * The configured URL, and the same URL with its port left off (when it has one) or with the default
 * port written out (when it has none). Twilio has signed with and without the port depending on the
 * kind of request and over the years (twilio-node issue #411 and pull request #491, twilio-python
 * issue #392), and its SDKs try both; so does Hallway. Scheme, host, path and query must still be
 * exactly the configured ones, and the HMAC still needs the auth token.
 */
export function urlsTheGatewayMayHaveSigned(publicUrl: string): string[] {
  const parts = ORIGIN_PARTS.exec(publicUrl);
  if (parts === null) return [publicUrl];
  const [, scheme = '', userInfo = '', host = '', port, rest = ''] = parts;
  const prefix = `${scheme}://${userInfo}${host}`;
  if (port !== undefined) return [publicUrl, `${prefix}${rest}`];
  const defaultPort = scheme.toLowerCase() === 'https' ? '443' : '80';
  return [publicUrl, `${prefix}:${defaultPort}${rest}`];
}

function formOf(rawBody: Uint8Array | string): URLSearchParams {
  return new URLSearchParams(rawBytes(rawBody).toString('utf8'));
}

function twilioDigest(authToken: string, url: string, form: URLSearchParams): Buffer {
  return createHmac('sha1', authToken).update(twilioSigningString(url, form), 'utf8').digest();
}
