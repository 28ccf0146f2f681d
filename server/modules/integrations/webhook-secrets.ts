import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';

/** How long a replaced secret still signs (outgoing) or is accepted (inbound) after a rotation. */
export const SECRET_OVERLAP_MS = 24 * 60 * 60_000;

/** 32 random bytes: a secret Hallway makes, shown once, never chosen by a person. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export interface RotatingSecret {
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: Date | null;
}

/** The secrets alive at `at`: the current one, and the previous one while its overlap lasts. */
export function liveSecrets(row: RotatingSecret, at: Date): string[] {
  const previousAlive = row.previousSecret !== null && row.previousSecretUntil !== null && row.previousSecretUntil.getTime() > at.getTime();
  return previousAlive ? [row.secret, row.previousSecret!] : [row.secret];
}

const PRIVATE_IPV4 = [/^10\./, /^127\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./];
const INTERNAL_SUFFIXES = ['.internal', '.local', '.lan', '.localhost', '.home.arpa'];

/**
 * Where an outgoing webhook may point: https anywhere; plain http only to a host that is plainly
 * inside the organisation (loopback, a private IPv4 range, a name without a dot or under an internal
 * suffix), because a signed body over http on the internet can be read by anyone on the way.
 * Null when acceptable, else the reason.
 */
export function webhookUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.username || url.password) return 'must not carry a user name or password';
  if (url.protocol === 'https:') return null;
  if (url.protocol !== 'http:') return 'must be https (or http to an internal host)';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const internal =
    host === 'localhost' ||
    host === '::1' ||
    (isIP(host) === 4 && PRIVATE_IPV4.some((range) => range.test(host))) ||
    (isIP(host) === 0 && !host.includes('.')) ||
    INTERNAL_SUFFIXES.some((suffix) => host.endsWith(suffix));
  return internal ? null : 'http is allowed only to internal hosts (loopback, private addresses, .internal/.local/.lan names); use https';
}
