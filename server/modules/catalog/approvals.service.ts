import { serverSecret } from '../../platform/auth/server-secrets.ts';
import type { Db, Queryable } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { appendRequestEvents, applyHallwayChange } from '../requests/request-changes.service.ts';
import { canView } from '../requests/requests.policy.ts';
import { REQUEST_KEY_PATTERN } from '../requests/requests.schema.ts';
import { findPersonById, membershipsOfPerson } from '../people/people.service.ts';
import { verifyApprovalLink } from './approval-links.ts';
import { NameBook } from '../requests/requests.views.ts';
import { findVisibleRequest } from '../requests/visible-request.ts';
import { findRequestForHallway } from '../requests/requests.service.ts';
import type { RequestRow } from '../requests/requests.store.ts';
import { canDecideApproval, type CatalogActor } from './catalog.policy.ts';
import * as store from './catalog.store.ts';
import { answersInFormOrder } from './catalog.views.ts';
import type { ApprovalView, DecisionBody, ListApprovalsQuery } from './request-work.schema.ts';

// Approvals a request waits for before work starts. The approver decides on what the approval shows
// (subject, description, answers) even when they may not open the request itself: a manager is not
// an agent of HR, yet approves the time off their report asks HR for.

/** `detail`: the request's description, answers and status (see approvalView in request-work.schema.ts). */
async function toApprovalView(row: store.ApprovalRow, request: RequestRow, names: NameBook, db: Queryable, detail = true): Promise<ApprovalView> {
  const [approver, approverTeam, decidedBy, team, requester, service] = await Promise.all([
    row.approverId === null ? null : names.person(row.approverId),
    row.approverTeamId === null ? null : names.team(row.approverTeamId),
    row.decidedBy === null ? null : names.person(row.decidedBy),
    names.team(request.teamId),
    names.person(request.requesterId),
    request.serviceId === null ? undefined : store.selectServiceById(db, request.serviceId),
  ]);
  const shown = detail ? await answersInFormOrder(db, request.serviceId, request.answers) : undefined;
  return {
    id: row.id,
    rule: row.rule,
    status: row.status,
    approver,
    approverTeam: approverTeam && { slug: approverTeam.slug, name: approverTeam.name },
    comment: row.comment,
    decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    request: {
      key: request.key,
      subject: request.subject,
      ...(detail ? { description: request.description, status: request.status } : {}),
      team: { slug: team.slug, name: team.name },
      requester,
      service: service ? { id: service.id, slug: service.slug, name: service.name } : null,
      ...(detail ? { answers: shown?.answers ?? [] } : {}),
    },
  };
}

/** Pending: the approvals the caller may decide now. Approved/rejected: the ones they decided. */
export async function listMyApprovals(db: Queryable, actor: CatalogActor, query: ListApprovalsQuery): Promise<{ items: ApprovalView[] }> {
  const leadTeamIds = actor.memberships.filter((membership) => membership.role === 'lead').map((membership) => membership.teamId);
  const names = new NameBook(db).knowPerson({ id: actor.personId, name: actor.name });
  // A lead does not decide their own requests, which only the requests tell: fetch more while those
  // leave the page short (the oldest first, so the ones skipped are always the same).
  for (let batch = query.limit + 10; ; batch *= 4) {
    const rows = await store.selectApprovalsFor(db, { personId: actor.personId, leadTeamIds }, query.status, batch);
    const items: ApprovalView[] = [];
    for (const row of rows) {
      const request = await findRequestForHallway(db, { id: row.requestId });
      if (!request) continue;
      if (query.status === 'pending' && !canDecideApproval(actor, row, request, await namedApproverMayDecide(db, row, request))) continue;
      items.push(await toApprovalView(row, request, names, db, query.status === 'pending' || canView(actor, request)));
      if (items.length === query.limit) return { items };
    }
    if (rows.length < batch || batch > 10_000) return { items };
  }
}

/** The approvals of one request, for whoever may see the request (its requester follows them here). */
export async function listRequestApprovals(db: Queryable, actor: CatalogActor, key: string): Promise<{ items: ApprovalView[] }> {
  const request = await findVisibleRequest(db, actor, key);
  const names = new NameBook(db).knowPerson({ id: actor.personId, name: actor.name });
  const rows = await store.selectApprovalsOfRequest(db, request.id);
  return { items: await Promise.all(rows.map((row) => toApprovalView(row, request, names, db))) };
}

const approvalNotFound = () =>
  new AppError('APPROVAL_NOT_FOUND', 'No such approval that you can decide', [{ field: 'params.approvalId', reason: 'no approval of this request is yours to decide' }]);

/**
 * Approves (the request becomes `new` and work starts) or rejects (it is closed) in one transaction,
 * with an `approval_decided` event by the approver carrying their comment, then Hallway's status
 * change. Someone who is neither the approver nor able to see the request learns nothing (404);
 * someone who sees the request but is not the approver is refused (403); a decision is final (409).
 */
export async function decideApproval(
  db: Queryable,
  actor: CatalogActor,
  key: string,
  approvalId: string,
  body: DecisionBody,
  options: { at?: Date } = {},
): Promise<ApprovalView> {
  if (!REQUEST_KEY_PATTERN.test(key)) throw approvalNotFound();
  const names = new NameBook(db).knowPerson({ id: actor.personId, name: actor.name });
  const { approval, request } = await db.transaction(async (tx) => {
    // The request first, as every change to a request locks it first: no lock-order deadlocks.
    const locked = await findRequestForHallway(tx, { key }, { lock: true });
    const pending = locked ? await store.selectApproval(tx, approvalId, { lock: true }) : undefined;
    if (!locked || !pending || pending.requestId !== locked.id) throw approvalNotFound();
    return recordDecision(tx, actor, locked, pending, body, options);
  });
  return toApprovalView(approval, request, names, db);
}

/**
 * The same decision from a one-click link (see approval-links.ts): the token names the approval, the
 * decision and the person it was mailed to, whose rights are checked now, as if they had signed in
 * (a manager who has left, or a lead who is no longer one, cannot decide through an old link).
 */
/**
 * The secret approval links are signed with: one for the whole deployment, kept in the database, so
 * a link mailed by one app process works on every other one and after restarts.
 */
export function approvalLinkSecret(db: Db): Promise<string> {
  return serverSecret(db, 'approval-links');
}

export async function decideByLink(
  db: Queryable,
  secret: string,
  token: string,
  comment: string,
  options: { at?: Date } = {},
): Promise<ApprovalView> {
  const verified = verifyApprovalLink(secret, token, options.at ?? new Date());
  if (!verified.ok) throw new AppError('VALIDATION_FAILED', `body.token: ${verified.reason}`, [{ field: 'body.token', reason: verified.reason }]);
  const { approvalId, decision, deciderId } = verified.claims;
  const [person, memberships] = await Promise.all([findPersonById(db, deciderId), membershipsOfPerson(db, deciderId)]);
  if (!person?.active) throw approvalNotFound();
  const actor: CatalogActor = {
    personId: person.id,
    name: person.name,
    isAdmin: person.isAdmin,
    memberships: memberships.map((membership) => ({ teamId: membership.id, role: membership.role })),
  };
  const names = new NameBook(db).knowPerson({ id: actor.personId, name: actor.name });
  const { approval, request } = await db.transaction(async (tx) => {
    const found = await store.selectApproval(tx, approvalId);
    const locked = found ? await findRequestForHallway(tx, { id: found.requestId }, { lock: true }) : undefined;
    const pending = locked ? await store.selectApproval(tx, approvalId, { lock: true }) : undefined;
    if (!locked || !pending) throw approvalNotFound();
    return recordDecision(tx, actor, locked, pending, { decision, comment }, options);
  });
  return toApprovalView(approval, request, names, db);
}

/**
 * Whether the person an approval names may still decide it: they are active and, for a manager
 * rule, still the requester's manager in the directory (people move teams and managers change
 * while a request waits). Otherwise the owning team's leads decide (catalog.policy.ts).
 */
async function namedApproverMayDecide(db: Queryable, approval: store.ApprovalRow, request: RequestRow): Promise<boolean> {
  if (approval.approverId === null) return true;
  const [approver, requester] = await Promise.all([
    findPersonById(db, approval.approverId),
    approval.rule === 'manager' ? findPersonById(db, request.requesterId) : undefined,
  ]);
  if (!approver?.active) return false;
  return approval.rule !== 'manager' || requester?.managerId === approval.approverId;
}

async function recordDecision(
  tx: Queryable,
  actor: CatalogActor,
  locked: RequestRow,
  pending: store.ApprovalRow,
  body: DecisionBody,
  options: { at?: Date },
): Promise<{ approval: store.ApprovalRow; request: RequestRow }> {
  if (!canDecideApproval(actor, pending, locked, await namedApproverMayDecide(tx, pending, locked))) {
    if (!canView(actor, locked)) throw approvalNotFound();
    throw new AppError('FORBIDDEN', pending.approverId === null ? "Only a lead of the service's team decides this approval" : 'Only the named approver decides this approval');
  }
  if (pending.status !== 'pending') {
    throw new AppError('APPROVAL_ALREADY_DECIDED', `The approval was already ${pending.status}`, undefined, { approvalStatus: pending.status });
  }
  if (body.decision === 'reject' && body.comment.trim() === '') {
    throw new AppError('VALIDATION_FAILED', 'body.comment: a rejection needs a comment the requester can read', [
      { field: 'body.comment', reason: 'a rejection needs a comment the requester can read' },
    ]);
  }
  const status = body.decision === 'approve' ? 'approved' : 'rejected';
  const decided = await store.decideApprovalRow(tx, pending.id, { status, comment: body.comment, decidedBy: actor.personId, at: options.at });
  if (!decided) throw new AppError('APPROVAL_ALREADY_DECIDED');
  await appendRequestEvents(
    tx,
    locked.id,
    [{ actorId: actor.personId, kind: 'approval_decided', visibility: 'public', data: { approvalId: pending.id, decision: status, comment: body.comment } }],
    options,
  );
  const changed = await applyHallwayChange(
    tx,
    locked.id,
    { status: status === 'approved' ? 'new' : 'closed', reason: status === 'approved' ? 'approved' : 'approval rejected', data: { approvalId: pending.id } },
    options,
  );
  return { approval: decided, request: changed ?? locked };
}

/** Who is asked to decide a pending approval: a named person, or any lead of a team. */
export type ApprovalDecider = { approvalId: string } & ({ personId: string } | { leadsOfTeamId: string });

/**
 * The pending approvals of a request and who may decide each now, for the mail that asks them
 * (notifications): the named approver while they still may, otherwise the owning team's leads; an
 * approval for a team goes to that team's leads. The requester never decides their own (the caller
 * leaves them out of a team's leads).
 */
export async function pendingApprovalDeciders(db: Queryable, request: RequestRow): Promise<ApprovalDecider[]> {
  const pending = (await store.selectApprovalsOfRequest(db, request.id)).filter((row) => row.status === 'pending');
  const deciders: ApprovalDecider[] = [];
  for (const approval of pending) {
    if (approval.approverId !== null && (await namedApproverMayDecide(db, approval, request))) {
      if (approval.approverId !== request.requesterId) deciders.push({ approvalId: approval.id, personId: approval.approverId });
    } else {
      deciders.push({ approvalId: approval.id, leadsOfTeamId: approval.approverId !== null ? request.teamId : approval.approverTeamId! });
    }
  }
  return deciders;
}

/** The comment a decided approval carries (a rejection's reason), for the mail telling the requester; null when none. */
export async function decidedApprovalComment(db: Queryable, approvalId: string): Promise<string | null> {
  const approval = await store.selectApproval(db, approvalId);
  if (!approval || approval.status === 'pending') return null;
  return approval.comment.trim() === '' ? null : approval.comment;
}
