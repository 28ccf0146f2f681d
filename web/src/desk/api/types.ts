// What the desk reads from the public API beyond the portal's types (api/types.ts). Written from
// the server's zod schemas: requests.schema.ts (list, counts, bulk), request-work.schema.ts (steps,
// approvals), workflows.schema.ts, people.schema.ts (teams).
import type { PersonRef, Priority, RequestDetail, RequestStatus, RequestSummary, TeamRef } from '../../api/types.ts';

/** A request in a queue: the list item, whose dueAt/warnAt are its running clocks' earliest (null when none runs). */
export type QueueRequest = RequestSummary;

// Counts and bulk changes are the shared, contract-checked types in api/types.ts.
export type { BulkChange, BulkResult, QueueCounts } from '../../api/types.ts';

export interface TeamMember {
  person: { id: string; name: string; email: string; title: string | null };
  role: 'agent' | 'lead';
}

export interface TeamInfo {
  id: string;
  slug: string;
  name: string;
  description: string;
}

export interface TeamDetail extends TeamInfo {
  members: TeamMember[];
}

export interface ProcedureStep {
  position: number;
  title: string;
  description: string;
  done: boolean;
  doneAt: string | null;
  doneBy: PersonRef | null;
}

export interface Approval {
  id: string;
  rule: 'manager' | 'team_lead' | 'person';
  status: 'pending' | 'approved' | 'rejected';
  approver: PersonRef | null;
  approverTeam: TeamRef | null;
  comment: string;
  decidedBy: PersonRef | null;
  decidedAt: string | null;
  createdAt: string;
}

export interface WorkflowStep {
  step: string;
  name: string;
  team: TeamRef;
  state: 'waiting' | 'open' | 'done';
  status: RequestStatus | null;
  after: string[];
  waitingFor: string[];
  request: { key: string; subject: string } | null;
  hidden: boolean;
}

export interface WorkflowProgress {
  key: string;
  status: RequestStatus;
  done: number;
  total: number;
  steps: WorkflowStep[];
}

/** GET /requests/{key} as the desk reads it: the portal's type plus what only agents act on. */
export type DeskRequestDetail = RequestDetail & { confidential: boolean };
