import { isLeadOf, type Actor } from '../../platform/auth/actor.ts';

// Who may do what in the directory. Each rule says who is allowed; everyone else is refused.

/** The directory is for colleagues: anyone signed in may look people and teams up. */
export function canReadDirectory(actor: Actor | null): boolean {
  return actor !== null;
}

/** Adding, changing, deactivating and importing people is an admin's job. */
export function canManagePeople(actor: Actor | null): boolean {
  return actor?.isAdmin === true;
}

/** Creating teams and changing their names, slugs, key prefixes: admins only. */
export function canManageTeams(actor: Actor | null): boolean {
  return actor?.isAdmin === true;
}

/** Who works a team's requests: its leads decide for their own team, admins for every team. */
export function canManageTeamMembers(actor: Actor | null, teamId: string): boolean {
  if (!actor) return false;
  return actor.isAdmin || isLeadOf(actor, teamId);
}

/**
 * Giving someone a role on a team: as above, but never to oneself. A lead sees the team's
 * confidential cases, and admins must not read those (HR cases): an admin who could make
 * themselves HR's lead would read them in two calls. Another admin or the team's lead must do it.
 */
export function canSetTeamMembership(actor: Actor | null, teamId: string, personId: string): boolean {
  return canManageTeamMembers(actor, teamId) && actor?.personId !== personId;
}
