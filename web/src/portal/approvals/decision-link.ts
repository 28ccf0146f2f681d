/**
 * What the one-click page reads from its address: the token Hallway mailed, in the fragment (after
 * `#`), which browsers never send to a server, so it stays out of access logs. The token's first
 * part is readable JSON (approval, decision, person, expiry); only the server can check its
 * signature, so this reading only chooses the page's words and is never trusted for anything else.
 */
export type DecisionLink =
  | { ok: true; token: string; decision: 'approve' | 'reject'; expiresAt: Date }
  | { ok: false; problem: 'incomplete' | 'expired' };

export function decodeBase64Url(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (character) => character.charCodeAt(0)));
}

export function readDecisionLink(hash: string, now: Date = new Date()): DecisionLink {
  const token = hash.replace(/^#/, '').trim();
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, problem: 'incomplete' };
  let claims: unknown;
  try {
    claims = JSON.parse(decodeBase64Url(payload));
  } catch {
    return { ok: false, problem: 'incomplete' };
  }
  const { d, e } = (claims ?? {}) as Record<string, unknown>;
  if ((d !== 'approve' && d !== 'reject') || typeof e !== 'number') return { ok: false, problem: 'incomplete' };
  const expiresAt = new Date(e * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, problem: 'expired' };
  return { ok: true, token, decision: d, expiresAt };
}
