import { createHmac } from 'node:crypto';
import type { ReplayGuard } from './replay-guard.ts';
import {
  accepted,
  bytesFromHex,
  constantTimeEqual,
  rawBytes,
  refused,
  singleHeader,
  type HeaderValue,
  type SignatureCheck,
} from './signature-check.ts';
import { DEFAULT_TOLERANCE_SECONDS, isWithinWindow, parseUnixSeconds, systemClock, type Clock } from './timestamp-window.ts';

/**
 * Slack's request signing, version 0 ("Verifying requests from Slack",
 * https://api.slack.com/authentication/verifying-requests-from-slack): the signature is
 * `v0=` + hex HMAC-SHA256, keyed with the app's signing secret, of `v0:<timestamp>:<raw body>`,
 * sent in X-Slack-Signature; the timestamp (Unix seconds) in X-Slack-Request-Timestamp.
 */
export const SLACK_SIGNATURE_HEADER = 'x-slack-signature';
export const SLACK_TIMESTAMP_HEADER = 'x-slack-request-timestamp';
const VERSION_PREFIX = 'v0=';

export interface SlackRequest {
  /** The X-Slack-Signature header as received. */
  signature: HeaderValue;
  /** The X-Slack-Request-Timestamp header as received. */
  timestamp: HeaderValue;
  /** The body exactly as it arrived: form-encoded for slash commands and interactivity, JSON for events. */
  rawBody: Uint8Array | string;
}

export interface SlackVerification {
  signingSecret: string;
  toleranceSeconds?: number;
  now?: Clock;
  /** When given, a request already accepted within the window is refused as replayed. */
  replayGuard?: ReplayGuard;
}

/** The X-Slack-Signature Slack would send; tests and local round trips use it to sign like Slack. */
export function signSlackRequest(signingSecret: string, timestampSeconds: string, rawBody: Uint8Array | string): string {
  return VERSION_PREFIX + slackDigest(signingSecret, timestampSeconds, rawBytes(rawBody)).toString('hex');
}

export function verifySlackRequest(request: SlackRequest, options: SlackVerification): SignatureCheck {
  const signature = singleHeader(request.signature);
  const timestamp = singleHeader(request.timestamp);
  if (signature === 'missing' || timestamp === 'missing') return refused('missing');
  if (signature === 'malformed' || timestamp === 'malformed') return refused('malformed');

  const signedAtSeconds = parseUnixSeconds(timestamp);
  const received = signature.startsWith(VERSION_PREFIX) ? bytesFromHex(signature.slice(VERSION_PREFIX.length)) : null;
  if (signedAtSeconds === null || received === null) return refused('malformed');

  const nowMs = (options.now ?? systemClock)();
  const toleranceSeconds = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (!isWithinWindow(signedAtSeconds * 1000, nowMs, toleranceSeconds)) return refused('expired');

  const expected = slackDigest(options.signingSecret, timestamp, rawBytes(request.rawBody));
  if (!constantTimeEqual(expected, received)) return refused('mismatch');

  // The digest, not the header text, is the key: the same request with its hex upper-cased is the same request.
  const rememberUntilMs = (signedAtSeconds + toleranceSeconds) * 1000;
  if (options.replayGuard && !options.replayGuard.admit(`slack:${expected.toString('hex')}`, rememberUntilMs)) {
    return refused('replayed');
  }
  return accepted;
}

function slackDigest(signingSecret: string, timestamp: string, body: Buffer): Buffer {
  return createHmac('sha256', signingSecret).update(`v0:${timestamp}:`, 'utf8').update(body).digest();
}
