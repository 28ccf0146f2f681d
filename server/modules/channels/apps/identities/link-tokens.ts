import { createHmac } from 'node:crypto';
import { sameSecret } from '../../../../platform/auth/secrets.ts';

/**
 * The one-click link an unknown chat-app writer is given ("link your Teams account"): a token naming
 * the connection, the app's user id and the name the app showed, signed with HMAC-SHA256 under a
 * server secret and expiring after 30 minutes. Pure functions over a secret; no I/O. The token says
 * which outside account is being linked. It proves nothing about who opens it (a channel's members
 * all see it): opening it signed in only gets a code, which must come back from that account
 * (link-codes.ts).
 */

export interface IdentityLinkClaims {
  connectionId: string;
  externalUserId: string;
  externalName: string | null;
  expiresAt: Date;
}

export const IDENTITY_LINK_LIFETIME_MS = 30 * 60 * 1000;
export const IDENTITY_LINK_SECRET_NAME = 'chat-identity-links';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MALFORMED = 'is not an account link token';

const signature = (secret: string, payload: string) => createHmac('sha256', secret).update(`hallway identity link\n${payload}`).digest('base64url');

export function signIdentityLink(secret: string, claims: IdentityLinkClaims): string {
  const payload = Buffer.from(
    JSON.stringify({ c: claims.connectionId, u: claims.externalUserId, n: claims.externalName, e: Math.floor(claims.expiresAt.getTime() / 1000) }),
  ).toString('base64url');
  return `${payload}.${signature(secret, payload)}`;
}

export type VerifiedIdentityLink = { ok: true; claims: IdentityLinkClaims } | { ok: false; reason: string };

/** The claims of a token this secret signed and that has not expired; otherwise why not. */
export function verifyIdentityLink(secret: string, token: string, now: Date): VerifiedIdentityLink {
  const [payload, signed, extra] = token.split('.');
  if (!payload || !signed || extra !== undefined) return { ok: false, reason: MALFORMED };
  if (!sameSecret(signed, signature(secret, payload))) return { ok: false, reason: 'is not a link Hallway signed, or it was changed' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: MALFORMED };
  }
  const { c, u, n, e } = (parsed ?? {}) as Record<string, unknown>;
  if (typeof c !== 'string' || !UUID.test(c) || typeof u !== 'string' || u === '' || (n !== null && typeof n !== 'string') || typeof e !== 'number') {
    return { ok: false, reason: MALFORMED };
  }
  const expiresAt = new Date(e * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'has expired; write to Hallway again in the chat app for a new link' };
  return { ok: true, claims: { connectionId: c, externalUserId: u, externalName: n, expiresAt } };
}
