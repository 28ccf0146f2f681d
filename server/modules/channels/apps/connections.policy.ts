import type { Actor } from '../../../platform/auth/actor.ts';

/**
 * Channel connections are for admins only, not the team's leads: a connection names an environment
 * variable whose value Hallway sends, as a bearer token, to the API address the connection gives.
 * Whoever sets both decides where a secret of the server goes, which is running Hallway, not a team.
 */
export function canManageConnections(actor: Pick<Actor, 'isAdmin'> | null): boolean {
  return actor?.isAdmin === true;
}
