import type { RequestStatus } from '../api/types.ts';

// Where a request may go next by hand, as server/modules/requests/lifecycle.ts allows, so the desk
// offers only moves that can succeed. The server stays the judge: a refused move still reports why.
const movesByHand: Record<RequestStatus, readonly RequestStatus[]> = {
  pending_approval: [],
  new: ['acknowledged', 'in_progress', 'resolved'],
  acknowledged: ['in_progress', 'waiting_on_requester', 'resolved'],
  in_progress: ['waiting_on_requester', 'resolved'],
  waiting_on_requester: ['in_progress', 'resolved'],
  resolved: ['in_progress', 'closed'],
  closed: [],
};

export function nextStatuses(from: RequestStatus): readonly RequestStatus[] {
  return movesByHand[from];
}
