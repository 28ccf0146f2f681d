import type { RequestStatus } from './requests.tables.ts';

/**
 * The life of a request, as a pure function so the whole table can be tested without a database.
 *
 *   new -> acknowledged -> in_progress <-> waiting_on_requester -> resolved -> closed
 *   new -> in_progress, acknowledged -> waiting_on_requester, any open state -> resolved,
 *   resolved -> in_progress (reopen), resolved -> closed. Closed is final.
 *   pending_approval -> new | closed happens only through an approval decision (catalog approvals).
 */
const allowedMoves: Record<RequestStatus, readonly RequestStatus[]> = {
  // Left only by its approval's decision (approved -> new, rejected -> closed), never by hand.
  pending_approval: [],
  new: ['acknowledged', 'in_progress', 'resolved'],
  acknowledged: ['in_progress', 'waiting_on_requester', 'resolved'],
  in_progress: ['waiting_on_requester', 'resolved'],
  waiting_on_requester: ['in_progress', 'resolved'],
  resolved: ['in_progress', 'closed'],
  closed: [],
};

/** The milestones a transition writes; the store stamps them with the instant of the change. */
export type Milestone = 'acknowledgedAt' | 'resolvedAt' | 'closedAt';

export interface LifecycleState {
  status: RequestStatus;
  acknowledgedAt: Date | null;
}

export type TransitionPlan =
  | { allowed: true; to: RequestStatus; stamp: Milestone[]; clear: Milestone[]; reopened: boolean }
  | { allowed: false; reason: string };

export function planTransition(state: LifecycleState, to: RequestStatus): TransitionPlan {
  const from = state.status;
  if (from === 'closed') return refuse('a closed request cannot change; open a new one');
  if (from === to) return refuse(`the request is already ${label(to)}`);
  if (from === 'pending_approval') return refuse('the request is waiting for approval; it moves on when approved or rejected');
  if (to === 'pending_approval') return refuse('only a new request from a service that needs approval waits for approval');
  if (!allowedMoves[from].includes(to)) return refuse(whyNot(from, to));

  const stamp: Milestone[] = [];
  const clear: Milestone[] = [];
  // Acknowledgement is the team's first move on the status, whichever way it leaves `new`: the
  // time to acknowledge must exist even when an agent goes straight to work or resolves at once.
  if (state.acknowledgedAt === null) stamp.push('acknowledgedAt');
  if (to === 'resolved') stamp.push('resolvedAt');
  if (to === 'closed') stamp.push('closedAt');
  const reopened = from === 'resolved' && to === 'in_progress';
  // A reopened request is not resolved any more; its next resolution is stamped afresh.
  if (reopened) clear.push('resolvedAt');
  return { allowed: true, to, stamp, clear, reopened };
}

function whyNot(from: RequestStatus, to: RequestStatus): string {
  if (to === 'new') return 'a request cannot go back to new';
  if (to === 'closed') return 'only a resolved request can be closed; resolve it first';
  if (to === 'acknowledged') return 'a request is acknowledged only once, while it is new';
  if (from === 'resolved') return 'reopen a resolved request by moving it to in_progress';
  if (from === 'new' && to === 'waiting_on_requester') {
    return 'acknowledge the request before waiting on the requester';
  }
  return `a request cannot move from ${label(from)} to ${label(to)}`;
}

const label = (status: RequestStatus) => status.replaceAll('_', ' ');
const refuse = (reason: string): TransitionPlan => ({ allowed: false, reason });
