import type { Actor } from '../../platform/auth/actor.ts';

// Who may do what with sign-in and personal tokens. Anything not allowed here is refused.

/** Reading who you are, signing out, and listing or making your own tokens need only that you are someone. */
export function canManageOwnAccess(actor: Actor | null): boolean {
  return actor !== null;
}

/** A token is revoked by its owner only; an admin who must cut someone off deactivates the person. */
export function canRevokeToken(actor: Actor | null, token: { personId: string }): boolean {
  return actor !== null && actor.personId === token.personId;
}
