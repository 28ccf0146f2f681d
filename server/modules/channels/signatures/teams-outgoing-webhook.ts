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
import { DEFAULT_TOLERANCE_SECONDS, isWithinWindow, systemClock, type Clock } from './timestamp-window.ts';

/**
 * A Microsoft Teams outgoing webhook ("Create Outgoing Webhooks", Microsoft Learn,
 * https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-outgoing-webhook):
 * Teams sends `Authorization: HMAC <base64>`, the HMAC-SHA256 of the raw body bytes keyed with the
 * security token shown once when the webhook is created, the token being base64 and used decoded.
 *
 * Teams signs no timestamp. The body is a Bot Framework activity whose `timestamp` (UTC, ISO 8601)
 * and `id` are covered by the signature, so once the signature holds they are trusted for the
 * window and the replay memory.
 */
export const TEAMS_AUTHORIZATION_HEADER = 'authorization';
const HMAC_SCHEME = /^HMAC\s+(\S+)$/i; // auth-scheme names are case-insensitive (RFC 9110 section 11.1)
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

export interface TeamsRequest {
  authorization: HeaderValue;
  rawBody: Uint8Array | string;
}

export interface TeamsVerification {
  /** The security token exactly as Teams showed it (base64). */
  securityToken: string;
  toleranceSeconds?: number;
  now?: Clock;
  replayGuard?: ReplayGuard;
}

/** Whether an admin pasted something Teams could have issued; for validating the channel settings. */
export function isTeamsSecurityToken(token: string): boolean {
  return bytesFromBase64(token.trim()) !== null;
}

/** The Authorization header Teams would send; tests and local round trips use it to sign like Teams. */
export function signTeamsRequest(securityToken: string, rawBody: Uint8Array | string): string {
  return `HMAC ${teamsDigest(tokenKey(securityToken), rawBytes(rawBody)).toString('base64')}`;
}

export function verifyTeamsRequest(request: TeamsRequest, options: TeamsVerification): SignatureCheck {
  const authorization = singleHeader(request.authorization);
  if (authorization === 'missing' || authorization === 'malformed') return refused(authorization);
  const encoded = HMAC_SCHEME.exec(authorization)?.[1];
  const received = encoded === undefined ? null : bytesFromBase64(encoded);
  if (received === null) return refused('malformed');

  const body = rawBytes(request.rawBody);
  const expected = teamsDigest(tokenKey(options.securityToken), body);
  if (!constantTimeEqual(expected, received)) return refused('mismatch');

  const activity = activityStamp(body);
  if (activity === null) return refused('malformed');
  const toleranceSeconds = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (!isWithinWindow(activity.sentAtMs, (options.now ?? systemClock)(), toleranceSeconds)) return refused('expired');

  const key = `teams:${activity.id ?? expected.toString('base64')}`;
  if (options.replayGuard && !options.replayGuard.admit(key, activity.sentAtMs + toleranceSeconds * 1000)) {
    return refused('replayed');
  }
  return accepted;
}

/** The activity's id and send instant; null when the signed body is not an activity with a timestamp. */
function activityStamp(body: Buffer): { id: string | null; sentAtMs: number } | null {
  let activity: unknown;
  try {
    activity = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof activity !== 'object' || activity === null) return null;
  const { id, timestamp } = activity as { id?: unknown; timestamp?: unknown };
  if (typeof timestamp !== 'string' || !ISO_INSTANT.test(timestamp)) return null;
  const sentAtMs = Date.parse(timestamp);
  if (Number.isNaN(sentAtMs)) return null;
  return { id: typeof id === 'string' && id !== '' ? id : null, sentAtMs };
}

function tokenKey(securityToken: string): Buffer {
  const key = bytesFromBase64(securityToken.trim());
  // A token that is not base64 is a settings mistake, caught when the channel is saved (isTeamsSecurityToken).
  if (key === null) throw new TypeError('The Teams security token is not base64');
  return key;
}

function teamsDigest(key: Buffer, body: Buffer): Buffer {
  return createHmac('sha256', key).update(body).digest();
}
