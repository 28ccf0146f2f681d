import { isAgentOf, isLeadOf, type Actor } from '../../platform/auth/actor.ts';

/**
 * Who may do what with the catalog. Plain functions over the actor and a service's facts.
 *
 *  - Requesting: an active service whose audience is everyone (null) or includes the requester's
 *    home team (from the directory).
 *  - Seeing a service: those who may request it, and those who work for its team (agents, leads),
 *    and admins (they run the catalog). Anyone else is told it does not exist (404), as for
 *    requests: a service for one team's members ("Executive pay review") is not everyone's business.
 *  - Managing (create, change, retire): admins and leads of the owning team.
 *  - Steps: agents of the owning team tick them. Approvals: the named approver, or for a team rule
 *    any lead of that team; never the requester on their own request.
 */
export type CatalogActor = Pick<Actor, 'personId' | 'name' | 'isAdmin' | 'memberships'>;

export interface ServiceFacts {
  teamId: string;
  active: boolean;
  audienceTeamIds: string[] | null;
}

export function isInAudience(service: Pick<ServiceFacts, 'audienceTeamIds'>, homeTeamId: string | null): boolean {
  if (service.audienceTeamIds === null) return true;
  return homeTeamId !== null && service.audienceTeamIds.includes(homeTeamId);
}

/** May this person (by home team) file a request through the service for themselves? */
export function mayRequest(service: ServiceFacts, homeTeamId: string | null): boolean {
  return service.active && isInAudience(service, homeTeamId);
}

/** Works for the service's team, or runs Hallway: sees it whatever its audience or state. */
export function worksOnService(actor: CatalogActor, service: Pick<ServiceFacts, 'teamId'>): boolean {
  return actor.isAdmin || isAgentOf(actor, service.teamId);
}

export function canSeeService(actor: CatalogActor, service: ServiceFacts, homeTeamId: string | null): boolean {
  return mayRequest(service, homeTeamId) || worksOnService(actor, service);
}

/** Admins, and leads of the owning team (for a move, of both teams). */
export function canManageService(actor: CatalogActor, teamId: string): boolean {
  return actor.isAdmin || isLeadOf(actor, teamId);
}

/** `?include=inactive` is for people who work on services: agents, leads and admins. */
export function managedTeamsOf(actor: CatalogActor): string[] | 'all' {
  return actor.isAdmin ? 'all' : actor.memberships.map((membership) => membership.teamId);
}

export function canTickSteps(actor: CatalogActor, request: { teamId: string }): boolean {
  return isAgentOf(actor, request.teamId);
}

export interface ApprovalFacts {
  approverId: string | null;
  approverTeamId: string | null;
}

/**
 * The named approver decides; when nobody is named (team rule, or a manager rule that fell back to
 * the team), any lead of the approving team does. Nobody approves their own request.
 *
 * `namedApproverMayDecide` is false when the named person has left, or a manager is no longer the
 * requester's manager (see approvals.service.ts): they may not decide any more, and the leads of the
 * team that owns the request do instead, as when the rule named nobody at filing, so the request
 * never waits for someone who cannot answer and an ex-manager does not decide a former report's case.
 */
export function canDecideApproval(
  actor: CatalogActor,
  approval: ApprovalFacts,
  request: { requesterId: string; teamId: string },
  namedApproverMayDecide = true,
): boolean {
  if (request.requesterId === actor.personId) return false;
  if (approval.approverId !== null) return namedApproverMayDecide ? approval.approverId === actor.personId : isLeadOf(actor, request.teamId);
  return approval.approverTeamId !== null && isLeadOf(actor, approval.approverTeamId);
}
