import type { Queryable } from '../../platform/db/database.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { findPersonById, requireTeamBySlug, membershipsOfPerson } from '../people/people.service.ts';
import { planTransition } from './lifecycle.ts';
import { canChange, canComment, isAgentOfTeam, type RequestActor } from './requests.policy.ts';
import type { CommentBody, CommentResult, RequestView } from './requests.schema.ts';
import { findVisibleRequest, type WriteOptions } from './visible-request.ts';
import * as store from './requests.store.ts';
import type { RequestPriority, RequestStatus } from './requests.tables.ts';
import { NameBook, toRequestView, toTimelineEntry } from './requests.views.ts';
import { reactToRequestChange } from './request-reactions.ts';

export interface ChangeRequestInput {
  status?: RequestStatus;
  priority?: RequestPriority;
  /** An agent of the (new) team; null unassigns. */
  assigneeId?: string | null;
  /** A team slug: hands the request over (needs a reason); the key stays. */
  team?: string;
  reason?: string;
  /** The version the change is based on (If-Match or body). Required. */
  expectedVersion?: number;
}

/**
 * Changes status, priority, assignee or team, guarded by the version the caller read: the UPDATE
 * carries `version = expected`, so of two writers on the same version exactly one wins, and the
 * other gets 412 with nothing written. Fields equal to their current value are not changes.
 */
export async function changeRequest(
  db: Queryable,
  actor: RequestActor,
  key: string,
  input: ChangeRequestInput,
  options: WriteOptions = {},
): Promise<RequestView> {
  const expected = input.expectedVersion;
  if (expected === undefined) throw new AppError('VERSION_REQUIRED');
  const request = await findVisibleRequest(db, actor, key);
  const decision = canChange(actor, request, input);
  if (!decision.allowed) throw new AppError('FORBIDDEN', decision.reason);
  if (request.version !== expected) throw versionConflict(request.version);

  const names = new NameBook(db).knowPerson({ id: actor.personId, name: actor.name });
  const change: store.RequestUpdate = {};
  const events: store.NewEvent[] = [];
  const event = (kind: string, data: Record<string, unknown>) =>
    events.push({ actorId: actor.personId, kind, visibility: 'public', data: input.reason ? { ...data, reason: input.reason } : data });
  if (request.status === 'closed') {
    // Closed is final: a status move says so as a transition, any other change as the closed request.
    if (input.status !== undefined && input.status !== 'closed') {
      throw fieldError('body.status', 'a closed request cannot change; open a new one', 'ILLEGAL_TRANSITION');
    }
    if ([input.priority, input.assigneeId, input.team].some((value) => value !== undefined)) {
      throw new AppError('REQUEST_CLOSED');
    }
  }

  if (input.status !== undefined && input.status !== request.status) {
    const plan = planTransition(request, input.status);
    if (!plan.allowed) throw fieldError('body.status', plan.reason, 'ILLEGAL_TRANSITION');
    Object.assign(change, { status: plan.to, stamp: plan.stamp, clear: plan.clear });
    event('status_changed', { from: request.status, to: plan.to });
  }

  if (input.priority !== undefined && input.priority !== request.priority) {
    change.priority = input.priority;
    event('priority_changed', { from: request.priority, to: input.priority });
  }

  let teamId = request.teamId;
  const fromTeam = await names.team(request.teamId);
  if (input.team !== undefined && input.team !== fromTeam.slug) {
    if (!input.reason) throw fieldError('body.reason', 'a handoff to another team needs a reason');
    const toTeam = await requireTeamBySlug(db, input.team, 'body.team');
    names.knowTeam(toTeam);
    teamId = change.teamId = toTeam.id;
    event('handoff', { fromTeam: fromTeam.slug, toTeam: toTeam.slug, fromTeamId: fromTeam.id, toTeamId: toTeam.id });
    // The new team decides who works on it, unless this same change names someone of theirs.
    if (input.assigneeId === undefined && request.assigneeId !== null) input = { ...input, assigneeId: null };
  }

  if (input.assigneeId !== undefined && input.assigneeId !== request.assigneeId) {
    if (input.assigneeId !== null) await assertAgentOf(db, input.assigneeId, teamId, names);
    change.assigneeId = input.assigneeId;
    event('assigned', { from: request.assigneeId, to: input.assigneeId });
  }

  if (events.length === 0) return toRequestView(request, names);
  const updated = await db.transaction(async (tx) => {
    const written = await store.updateRequest(tx, request.id, expected, change, events, options.at);
    if (!written) return undefined;
    const settled = await reactToRequestChange(tx, { before: request, after: written.request, events: written.events, actorId: actor.personId, at: written.request.updatedAt });
    return { ...written, request: settled };
  });
  if (!updated) throw versionConflict((await store.selectVersion(db, request.id)) ?? expected);
  return toRequestView(updated.request, names);
}

export interface HallwayChange {
  status?: RequestStatus;
  priority?: RequestPriority;
  assigneeId?: string | null;
  /** Why Hallway acted, recorded on each event (an approval, a breach's escalation, a workflow). */
  reason: string;
  /** Extra facts for the events, e.g. the approval's id. */
  data?: Record<string, unknown>;
}

/**
 * A change Hallway makes itself (actor null): an approval's consequence, an SLA escalation, a
 * workflow resolving its parent. No policy applies, the lifecycle does only where the move is a
 * person's kind of move (pending_approval is left only this way). Runs inside the caller's
 * transaction with the row locked, and the other modules react as to any change.
 */
export async function applyHallwayChange(
  tx: Queryable,
  requestId: string,
  input: HallwayChange,
  options: WriteOptions = {},
): Promise<store.RequestRow | undefined> {
  const request = await store.selectRequestById(tx, requestId, { lock: true });
  if (!request || request.status === 'closed') return undefined;
  const change: store.RequestUpdate = {};
  const events: store.NewEvent[] = [];
  const event = (kind: string, data: Record<string, unknown>) =>
    events.push({ actorId: null, kind, visibility: 'public', data: { ...data, ...input.data, reason: input.reason } });
  if (input.status !== undefined && input.status !== request.status) {
    const leavingApproval = request.status === 'pending_approval';
    if (leavingApproval && input.status !== 'new' && input.status !== 'closed') {
      throw new Error(`applyHallwayChange: pending_approval moves only to new or closed, not ${input.status}`);
    }
    if (leavingApproval) {
      change.status = input.status;
      if (input.status === 'closed') change.stamp = ['closedAt'];
    } else {
      const plan = planTransition(request, input.status);
      if (!plan.allowed) throw new Error(`applyHallwayChange: ${plan.reason}`);
      Object.assign(change, { status: plan.to, stamp: plan.stamp, clear: plan.clear });
    }
    event('status_changed', { from: request.status, to: input.status });
  }
  if (input.priority !== undefined && input.priority !== request.priority) {
    change.priority = input.priority;
    event('priority_changed', { from: request.priority, to: input.priority });
  }
  if (input.assigneeId !== undefined && input.assigneeId !== request.assigneeId) {
    change.assigneeId = input.assigneeId;
    event('assigned', { from: request.assigneeId, to: input.assigneeId });
  }
  if (events.length === 0) return request;
  const updated = await store.updateRequest(tx, request.id, undefined, change, events, options.at);
  if (!updated) return undefined;
  return reactToRequestChange(tx, { before: request, after: updated.request, events: updated.events, actorId: null, at: updated.request.updatedAt });
}

/**
 * Appends events that change nothing a client can write on the request (an SLA warning, a ticked
 * step, an approval asked for). The version is left alone on purpose: it guards the request's own
 * fields, and a reaction's bookkeeping inside a client's change must not make the version that
 * change answers with stale (one change, one version).
 */
export async function appendRequestEvents(tx: Queryable, requestId: string, events: store.NewEvent[], options: WriteOptions = {}) {
  return store.insertEvents(tx, requestId, events, options.at);
}

/**
 * Adds a public reply or an internal note. The row is locked for the comment's short transaction
 * (no version needed: comments do not conflict), and the effects depend on who writes:
 *  - an agent's public reply, not the requester's own, is the first response if none came before;
 *  - the requester's public reply to a request waiting on them moves it back to in_progress.
 * Acknowledging or changing status is not a response: only words to the requester are.
 */
export async function addComment(
  db: Queryable,
  actor: RequestActor,
  key: string,
  input: CommentBody,
  options: WriteOptions = {},
): Promise<CommentResult> {
  const names = new NameBook(db).knowPerson({ id: actor.personId, name: actor.name });
  const { request, event } = await db.transaction(async (tx) => {
    const current = await findVisibleRequest(tx, actor, key, { lock: true });
    const decision = canComment(actor, current, input.visibility);
    if (!decision.allowed) throw new AppError('FORBIDDEN', decision.reason);
    if (current.status === 'closed') throw new AppError('REQUEST_CLOSED');

    const isPublic = input.visibility === 'public';
    const byRequester = current.requesterId === actor.personId;
    const change: store.RequestUpdate = {};
    const events: store.NewEvent[] = [
      { actorId: actor.personId, kind: 'commented', visibility: input.visibility, data: { body: input.body, visibility: input.visibility } },
    ];
    if (isPublic && !byRequester && isAgentOfTeam(actor, current.teamId)) change.stamp = ['firstRespondedAt'];
    if (isPublic && byRequester && current.status === 'waiting_on_requester') {
      change.status = 'in_progress';
      events.push({
        actorId: actor.personId,
        kind: 'status_changed',
        visibility: 'public',
        data: { from: current.status, to: 'in_progress', reason: 'the requester replied' },
      });
    }
    const updated = await store.updateRequest(tx, current.id, undefined, change, events, options.at);
    if (!updated?.events[0]) throw new AppError('INTERNAL', 'the comment was not recorded');
    const settled = await reactToRequestChange(tx, { before: current, after: updated.request, events: updated.events, actorId: actor.personId, at: updated.request.updatedAt });
    return { request: settled, event: updated.events[0] };
  });
  const [view, entry] = await Promise.all([toRequestView(request, names), toTimelineEntry(event, names)]);
  return { event: entry, request: view };
}

async function assertAgentOf(db: Queryable, personId: string, teamId: string, names: NameBook): Promise<void> {
  const [person, memberships] = await Promise.all([findPersonById(db, personId), membershipsOfPerson(db, personId)]);
  if (!person?.active || !memberships.some((membership) => membership.id === teamId)) {
    const team = await names.team(teamId);
    throw fieldError('body.assigneeId', `is not an agent of ${team.name}`);
  }
  names.knowPerson(person);
}

function versionConflict(currentVersion: number): AppError {
  return new AppError(
    'VERSION_CONFLICT',
    `The request is at version ${currentVersion}; read it again and reapply your change`,
    undefined,
    { currentVersion },
  );
}
