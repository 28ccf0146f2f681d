/** Who is making an HTTP call, as every policy function sees them. */
export interface Actor {
  personId: string;
  email: string;
  name: string;
  isAdmin: boolean;
  /** The teams this person works requests for, and their role there. */
  memberships: ReadonlyArray<{ teamId: string; role: 'agent' | 'lead' }>;
  /** How they proved it: a browser session (CSRF-checked) or a personal API token. */
  via: 'session' | 'token';
  /** The session's or token's identifier, for sign-out and revocation. */
  credentialId: string;
  /**
   * For a token: what it was made for (api-token-scopes.ts), checked before any route runs; null
   * for a token made before scopes existed (its person's rights). Absent for a browser session.
   */
  scopes?: readonly string[] | null;
}

export function isAgentOf(actor: Pick<Actor, 'memberships'>, teamId: string): boolean {
  return actor.memberships.some((membership) => membership.teamId === teamId);
}

export function isLeadOf(actor: Pick<Actor, 'memberships'>, teamId: string): boolean {
  return actor.memberships.some((membership) => membership.teamId === teamId && membership.role === 'lead');
}
