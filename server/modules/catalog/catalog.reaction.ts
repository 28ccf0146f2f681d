import type { Queryable } from '../../platform/db/database.ts';
import { findPersonById, findTeamById } from '../people/people.service.ts';
import { appendRequestEvents } from '../requests/request-changes.service.ts';
import type { RequestReaction } from '../requests/request-reactions.ts';
import type { RequestRow } from '../requests/requests.store.ts';
import { findServiceOfChange } from './catalog.service.ts';
import type { ServiceRow } from './catalog.store.ts';
import * as store from './catalog.store.ts';

/**
 * What the catalog does when a request is filed through a service, in the filing's transaction:
 * the service's standard procedure is copied onto the request (later changes to the procedure do
 * not touch requests already filed), and a request waiting for approval gets its approval row and
 * an `approval_requested` event naming who decides.
 */
export const catalogReaction: RequestReaction = async (tx, change) => {
  const request = change.after;
  if (change.before !== null) return followHandoff(tx, change.before, request, change.at);
  if (request.serviceId === null) return;
  const service = await findServiceOfChange(tx, change);
  if (!service) return;
  await store.insertSteps(tx, request.id, service.procedure);
  if (request.status !== 'pending_approval') return;

  const approver = await approverFor(tx, service, request.requesterId, change.actorId);
  const approval = await store.insertApproval(tx, {
    requestId: request.id,
    rule: approver.rule,
    approverId: approver.person?.id ?? null,
    approverTeamId: approver.person ? null : service.teamId,
  });
  const team = approver.person ? undefined : await findTeamById(tx, service.teamId);
  await appendRequestEvents(
    tx,
    request.id,
    [
      {
        actorId: null,
        kind: 'approval_requested',
        visibility: 'public',
        data: {
          approvalId: approval.id,
          rule: approver.rule,
          // Names as they were, so the timeline reads the same after people move on.
          ...(approver.person ? { approver: approver.person } : { approverTeam: { id: service.teamId, slug: team?.slug, name: team?.name } }),
          ...(approver.fallback ? { fallback: approver.fallback } : {}),
        },
      },
    ],
    { at: change.at },
  );
};

/**
 * A request handed to another team while it waits for approval: an approval that any lead of the
 * owning team decides goes with it, to the new team's leads. Left behind, it would wait for leads
 * who no longer own the request (and who, for a confidential one, may no longer see it), while the
 * leads who own it now could not decide.
 */
async function followHandoff(tx: Queryable, before: RequestRow, after: RequestRow, at: Date): Promise<void> {
  if (before.teamId === after.teamId || after.status !== 'pending_approval') return;
  const moved = await store.moveTeamApprovals(tx, after.id, after.teamId);
  if (moved.length === 0) return;
  const [from, to] = await Promise.all([findTeamById(tx, before.teamId), findTeamById(tx, after.teamId)]);
  await appendRequestEvents(
    tx,
    after.id,
    moved.map((approval) => ({
      actorId: null,
      kind: 'approval_moved',
      visibility: 'public' as const,
      data: {
        approvalId: approval.id,
        from: { id: before.teamId, slug: from?.slug, name: from?.name },
        approverTeam: { id: after.teamId, slug: to?.slug, name: to?.name },
      },
    })),
    { at },
  );
}

interface Approver {
  rule: 'manager' | 'person' | 'team_lead';
  /** The one person who decides; absent when any lead of the owning team does. */
  person?: { id: string; name: string };
  /** Why the service's rule could not be followed and the team's leads decide instead. */
  fallback?: string;
}

/**
 * Who decides. Nobody approves their own request, nor one they filed on someone's behalf (an agent
 * who is the requester's manager would otherwise approve what they asked for), and an approver who
 * has left cannot decide, so when the rule names no one else who is active, any lead of the owning
 * team decides, and the event says why: a request must never wait for someone who cannot answer.
 * (A lead who files on someone's behalf through a team-lead service is not excluded yet: the
 * approval does not record who filed it.)
 */
async function approverFor(tx: Queryable, service: ServiceRow, requesterId: string, filerId: string | null): Promise<Approver> {
  // The rule may have been removed between filing and this reaction (a concurrent edit): the team decides.
  const rule = service.approval ?? { approver: 'team_lead' as const };
  if (rule.approver === 'team_lead') return { rule: 'team_lead' };
  const asked = (id: string) => id === requesterId || id === filerId;
  const fallback = (why: string) => `${why}, so a lead of the service's team decides`;
  if (rule.approver === 'manager') {
    const requester = await findPersonById(tx, requesterId);
    const manager = requester?.managerId ? await findPersonById(tx, requester.managerId) : undefined;
    if (manager?.active && !asked(manager.id)) return { rule: 'manager', person: { id: manager.id, name: manager.name } };
    if (manager?.active && manager.id !== requesterId) return { rule: 'manager', fallback: fallback("the requester's manager filed it on their behalf") };
    return { rule: 'manager', fallback: "the requester has no active manager in the directory, so a lead of the service's team decides" };
  }
  const person = await findPersonById(tx, rule.personId);
  if (person?.active && !asked(person.id)) return { rule: 'person', person: { id: person.id, name: person.name } };
  if (person?.id === requesterId) return { rule: 'person', fallback: fallback('the named approver asked for it themselves') };
  if (person?.active) return { rule: 'person', fallback: fallback("the named approver filed it on the requester's behalf") };
  return { rule: 'person', fallback: fallback('the named approver is no longer active') };
}
