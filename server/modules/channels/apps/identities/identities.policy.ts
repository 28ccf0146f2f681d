import type { Actor } from '../../../../platform/auth/actor.ts';

// Who may link chat-app accounts. Anything not allowed here is refused.

/**
 * Linking, listing and unlinking one's own accounts need only that you are someone: the link is
 * always made to the caller, and only the caller's own links are listed or removed.
 */
export function canManageOwnIdentities(actor: Actor | null): boolean {
  return actor !== null;
}
