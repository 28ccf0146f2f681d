import { isAgentOf, isLeadOf, type Actor } from '../../platform/auth/actor.ts';

// Who may do what with service-level policies and internal agreements. Each rule says who is
// allowed; everyone else is refused. A request's clocks are shown to whoever may see the request
// (requests.policy.ts decides that), so they need no rule here.

export type SlaActor = Pick<Actor, 'personId' | 'isAdmin' | 'memberships'>;

/** A team's commitments are set by its leads (who answer for them) and by admins. */
export function canManagePolicy(actor: SlaActor, teamId: string): boolean {
  return actor.isAdmin || isLeadOf(actor, teamId);
}

/** The list is for those who may manage some policy; it then shows only theirs (admins: all). */
export function canListPolicies(actor: SlaActor): boolean {
  return actor.isAdmin || actor.memberships.some((membership) => membership.role === 'lead');
}

export interface AgreementSides {
  providerTeamId: string;
  consumerTeamId: string;
  providerAcceptedAt: Date | null;
  consumerAcceptedAt: Date | null;
  withdrawnAt: Date | null;
}

/** A lead of either team proposes; an admin does not speak for a team. */
export function canProposeAgreement(actor: SlaActor, providerTeamId: string, consumerTeamId: string): boolean {
  return isLeadOf(actor, providerTeamId) || isLeadOf(actor, consumerTeamId);
}

/** The sides whose acceptance the actor may give now: a lead's own team's, if not given yet. */
export function sidesToAccept(actor: SlaActor, agreement: AgreementSides): Array<'provider' | 'consumer'> {
  const sides: Array<'provider' | 'consumer'> = [];
  if (agreement.withdrawnAt) return sides;
  if (!agreement.providerAcceptedAt && isLeadOf(actor, agreement.providerTeamId)) sides.push('provider');
  if (!agreement.consumerAcceptedAt && isLeadOf(actor, agreement.consumerTeamId)) sides.push('consumer');
  return sides;
}

/** Either side's lead may call an agreement off at any time; admins too, who run Hallway. */
export function canWithdrawAgreement(actor: SlaActor, agreement: AgreementSides): boolean {
  return actor.isAdmin || isLeadOf(actor, agreement.providerTeamId) || isLeadOf(actor, agreement.consumerTeamId);
}

/** Agreements are read by the two teams' agents and leads, and admins. */
export function canReadAgreement(actor: SlaActor, agreement: Pick<AgreementSides, 'providerTeamId' | 'consumerTeamId'>): boolean {
  return actor.isAdmin || isAgentOf(actor, agreement.providerTeamId) || isAgentOf(actor, agreement.consumerTeamId);
}

export function canListAgreements(actor: SlaActor): boolean {
  return actor.isAdmin || actor.memberships.length > 0;
}
