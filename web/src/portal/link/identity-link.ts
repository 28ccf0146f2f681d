import { decodeBase64Url } from '../approvals/decision-link.ts';

/**
 * What the link page reads from its address (`/link/teams#<token>`): the token Hallway gave an
 * unknown chat-app writer, in the fragment, which browsers never send to a server. Its first part
 * is readable JSON (connection, outside user, the name the app showed, expiry); only the server can
 * check its signature, so this reading only chooses the page's words and is never trusted otherwise.
 */
export type IdentityLink =
  | { ok: true; token: string; externalName: string | null; expiresAt: Date }
  | { ok: false; problem: 'incomplete' | 'expired' };

export function readIdentityLink(hash: string, now: Date = new Date()): IdentityLink {
  const token = hash.replace(/^#/, '').trim();
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, problem: 'incomplete' };
  let claims: unknown;
  try {
    claims = JSON.parse(decodeBase64Url(payload));
  } catch {
    return { ok: false, problem: 'incomplete' };
  }
  const { c, u, n, e } = (claims ?? {}) as Record<string, unknown>;
  if (typeof c !== 'string' || typeof u !== 'string' || u === '' || (n !== null && typeof n !== 'string') || typeof e !== 'number') {
    return { ok: false, problem: 'incomplete' };
  }
  const expiresAt = new Date(e * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, problem: 'expired' };
  return { ok: true, token, externalName: n, expiresAt };
}

/**
 * Where "Sign in" goes from the link page: back here afterwards with the fragment kept, so the
 * person does not have to open the link from the chat app again.
 */
export function signInToReturn(pathname: string, hash: string): string {
  return `/sign-in?next=${encodeURIComponent(`${pathname}${hash}`)}`;
}

/** The code as the page shows it: two groups of four, easier to read off and type (Hallway accepts it either way). */
export function codeForDisplay(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}

/** What the person writes in the chat app from the account being linked (and what the copy button copies). */
export function linkCodeMessage(code: string): string {
  return `link ${code}`;
}
