import { createHmac } from 'node:crypto';
import { sameSecret } from '../../platform/auth/secrets.ts';

/**
 * One-click approval links for e-mail: a token per (approval, decision, decider) that proves
 * Hallway issued it, signed with HMAC-SHA256 and expiring. Pure functions over a secret; no I/O.
 *
 * The link opens a page that POSTs the token (POST /api/v1/approvals/decide-by-link): a GET must not
 * decide anything, because mail scanners and link previews fetch every link in a message.
 * A token is good once in effect: a decided approval refuses any further decision (409).
 */

export interface ApprovalLinkClaims {
  approvalId: string;
  decision: 'approve' | 'reject';
  /** The person the link was mailed to; they decide, with their current rights checked again. */
  deciderId: string;
  expiresAt: Date;
}

export const APPROVAL_LINK_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const signature = (secret: string, payload: string) => createHmac('sha256', secret).update(`hallway approval link\n${payload}`).digest('base64url');

export function signApprovalLink(secret: string, claims: ApprovalLinkClaims): string {
  const payload = Buffer.from(
    JSON.stringify({ a: claims.approvalId, d: claims.decision, p: claims.deciderId, e: Math.floor(claims.expiresAt.getTime() / 1000) }),
  ).toString('base64url');
  return `${payload}.${signature(secret, payload)}`;
}

export type VerifiedLink = { ok: true; claims: ApprovalLinkClaims } | { ok: false; reason: string };

/** The claims of a token this secret signed and that has not expired; otherwise why not. */
export function verifyApprovalLink(secret: string, token: string, now: Date): VerifiedLink {
  const [payload, signed, extra] = token.split('.');
  if (!payload || !signed || extra !== undefined) return { ok: false, reason: 'is not an approval link token' };
  if (!sameSecret(signed, signature(secret, payload))) return { ok: false, reason: 'is not a link Hallway signed, or it was changed' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'is not an approval link token' };
  }
  const { a, d, p, e } = (parsed ?? {}) as Record<string, unknown>;
  if (typeof a !== 'string' || !UUID.test(a) || (d !== 'approve' && d !== 'reject') || typeof p !== 'string' || !UUID.test(p) || typeof e !== 'number') {
    return { ok: false, reason: 'is not an approval link token' };
  }
  const expiresAt = new Date(e * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'has expired; decide in Hallway instead' };
  return { ok: true, claims: { approvalId: a, decision: d, deciderId: p, expiresAt } };
}


/** The two links one decider gets in a mail: approve and reject, expiring together. */
export function approvalLinkPair(secret: string, approvalId: string, deciderId: string, now: Date): { approve: string; reject: string } {
  const expiresAt = new Date(now.getTime() + APPROVAL_LINK_LIFETIME_MS);
  return {
    approve: signApprovalLink(secret, { approvalId, decision: 'approve', deciderId, expiresAt }),
    reject: signApprovalLink(secret, { approvalId, decision: 'reject', deciderId, expiresAt }),
  };
}
