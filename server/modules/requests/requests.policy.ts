import { isAgentOf, isLeadOf, type Actor } from '../../platform/auth/actor.ts';
import type { RequestStatus } from './requests.tables.ts';

/**
 * Who may do what with a request. Plain functions over the actor and the request's facts.
 *
 * Reading:
 *  - everyone sees the requests they asked for, and the ones assigned to them;
 *  - agents (and leads) see their teams' requests;
 *  - a confidential request is seen only by its requester, its assignee while they are still an
 *    agent of the owning team, and that team's leads: not by the team's other agents, not by admins;
 *  - admins see every team's non-confidential requests (they support the desk and answer "where is
 *    my request?"), but reading is all: they change or comment only where another rule lets them.
 *    Admin rights are for running Hallway, not for reading HR's confidential cases.
 * Internal notes and internal events are shown only to agents of the owning team.
 *
 * The list endpoint applies the same rules in SQL through `readScopeOf` (see requests.store.ts);
 * `canView` is written over the same scope so that the two cannot drift apart.
 */
export type RequestActor = Pick<Actor, 'personId' | 'name' | 'isAdmin' | 'memberships'>;

export interface RequestFacts {
  teamId: string;
  requesterId: string;
  assigneeId: string | null;
  confidential: boolean;
  status: RequestStatus;
}

export interface ReadScope {
  personId: string;
  /** Teams whose confidential requests the actor sees too. */
  leadTeamIds: string[];
  /** Teams whose non-confidential requests the actor sees. */
  agentTeamIds: string[];
  /** Admins: every team's non-confidential requests. */
  everyOpenTeam: boolean;
}

export function readScopeOf(actor: RequestActor): ReadScope {
  return {
    personId: actor.personId,
    leadTeamIds: actor.memberships.filter((m) => m.role === 'lead').map((m) => m.teamId),
    agentTeamIds: actor.memberships.map((m) => m.teamId),
    everyOpenTeam: actor.isAdmin,
  };
}

export function canView(actor: RequestActor, request: RequestFacts): boolean {
  const scope = readScopeOf(actor);
  if (request.requesterId === scope.personId) return true;
  if (scope.leadTeamIds.includes(request.teamId)) return true;
  const isAgent = scope.agentTeamIds.includes(request.teamId);
  // Someone who left the team keeps no view of a confidential case they were once assigned.
  if (request.assigneeId === scope.personId && (!request.confidential || isAgent)) return true;
  if (request.confidential) return false;
  return scope.everyOpenTeam || isAgent;
}

export function canSeeInternal(actor: RequestActor, request: Pick<RequestFacts, 'teamId'>): boolean {
  return isAgentOfTeam(actor, request.teamId);
}

/** Anyone may ask any team for help for themselves; only the team's agents file for someone else. */
export function canFileFor(actor: RequestActor, teamId: string, requesterId: string): boolean {
  return requesterId === actor.personId || isAgentOfTeam(actor, teamId);
}

export interface RequestChange {
  status?: RequestStatus;
  priority?: unknown;
  assigneeId?: unknown;
  team?: unknown;
}

export type Decision = { allowed: true } | { allowed: false; reason: string };

/**
 * Agents and leads of the owning team change anything. The requester may only close or reopen a
 * request that was resolved (the lifecycle then checks the move itself). Nobody else changes it.
 */
export function canChange(actor: RequestActor, request: RequestFacts, change: RequestChange): Decision {
  // A handoff shows a confidential case to another team's leads: only the owning team's leads decide that.
  if (request.confidential && change.team !== undefined && !isLeadOf(actor, request.teamId)) {
    return { allowed: false, reason: "only the team's leads hand a confidential request to another team" };
  }
  if (isAgentOfTeam(actor, request.teamId)) return { allowed: true };
  if (request.requesterId !== actor.personId) {
    return { allowed: false, reason: "only the team's agents change a request" };
  }
  const onlyStatus = change.priority === undefined && change.assigneeId === undefined && change.team === undefined;
  const closeOrReopen = change.status === 'closed' || change.status === 'in_progress';
  if (onlyStatus && closeOrReopen && request.status === 'resolved') return { allowed: true };
  return { allowed: false, reason: 'as the requester you may only close or reopen a resolved request' };
}

/** The requester writes public replies; agents of the team write public replies and internal notes. */
export function canComment(actor: RequestActor, request: RequestFacts, visibility: 'public' | 'internal'): Decision {
  if (isAgentOfTeam(actor, request.teamId)) return { allowed: true };
  if (request.requesterId !== actor.personId) {
    return { allowed: false, reason: "only the requester and the team's agents comment on a request" };
  }
  if (visibility === 'internal') return { allowed: false, reason: "internal notes are for the team's agents" };
  return { allowed: true };
}

/**
 * A team's queue counts are for those who work it: its agents and leads, and admins (who see its
 * non-confidential requests anyway). Anyone else learns nothing of the team's load, not even zero.
 */
export function canCountQueue(actor: RequestActor, teamId: string): boolean {
  return actor.isAdmin || isAgentOfTeam(actor, teamId);
}

/** A lead is an agent too (see team_memberships). */
export const isAgentOfTeam = (actor: RequestActor, teamId: string): boolean => isAgentOf(actor, teamId);
