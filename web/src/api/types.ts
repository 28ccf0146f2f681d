// The JSON the web app reads from Hallway's public API (/api/openapi.json is the contract). Written
// by hand because the server's zod schemas sit in files that also import Node-only code; the type
// test in test/web/api-types.contract.ts fails `tsc` whenever the server's output stops fitting these.
// Forms are the one shape taken from the server directly: the intake-form schema is pure.
import type { FormField } from '../../../server/modules/catalog/intake-form.schema.ts';

export type { FormField };

export interface TeamRef {
  slug: string;
  name: string;
}

export interface PersonRef {
  id: string;
  name: string;
}

export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  memberships: { team: TeamRef & { id: string }; role: 'agent' | 'lead' }[];
  /** How they like to be thanked; null until asked (the portal asks once, after sign-in). */
  recognition: Recognition | null;
  via: 'session' | 'token';
  csrfToken?: string | undefined;
}

export type Recognition = 'public' | 'private';

export interface SignedIn {
  person: { id: string; email: string; name: string; isAdmin: boolean };
  csrfToken: string;
}

export interface Service {
  id: string;
  slug: string;
  name: string;
  description: string;
  team: TeamRef;
  requestType: string;
  defaultPriority: Priority;
  confidential: boolean;
  active: boolean;
  version: number;
  form: { version: number; fields: FormField[]; createdAt: string };
  approval: { approver: 'manager' | 'team_lead' | 'person'; person?: PersonRef | undefined } | null;
}

export interface ExpectedWait {
  openNow: boolean;
  nextOpenAt: string | null;
  closesAt?: string | undefined;
  timeZone: string;
  committedFirstResponseMinutes: number | null;
  recentMedianFirstResponseMinutes: number | null;
  basis: 'service' | 'team' | 'none';
  sampleSize: number;
}

export interface Availability {
  team: TeamRef;
  timeZone: string;
  openNow: boolean;
  nextOpenAt: string;
  closesAt?: string | undefined;
}

export type RequestStatus = 'pending_approval' | 'new' | 'acknowledged' | 'in_progress' | 'waiting_on_requester' | 'resolved' | 'closed';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';

export interface RequestSummary {
  key: string;
  team: TeamRef;
  subject: string;
  description: string;
  status: RequestStatus;
  priority: Priority;
  requester: PersonRef;
  assignee: PersonRef | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  firstRespondedAt: string | null;
  resolvedAt: string | null;
  /** The earliest running SLA clock's due instant; null when none runs. */
  dueAt: string | null;
  /** When that clock reaches its warning share: at or before now = breaching soon. */
  warnAt: string | null;
}

export type SlaMetric = 'first_response' | 'next_response' | 'resolution';

export interface SlaClock {
  metric: SlaMetric;
  targetMinutes: number;
  dueAt: string | null;
  paused: boolean;
  remainingMinutes: number;
  breachedAt: string | null;
  stoppedAt: string | null;
  met: 'met' | 'missed' | null;
  businessHours: boolean;
}

export interface TimelineEntry {
  id: number;
  actor: PersonRef | null;
  kind: string;
  visibility: 'public' | 'internal';
  data: Record<string, unknown>;
  occurredAt: string;
}

export interface RequestDetail extends RequestSummary {
  service: { id: string; slug: string; name: string } | null;
  parent: { key: string; subject: string } | null;
  sla: SlaClock[];
  timeline: TimelineEntry[];
}

/** A request's answers as they read when it was filed (GET /requests/{key}/answers). */
export interface RequestAnswers {
  service: { id: string; slug: string; name: string } | null;
  formVersion: number | null;
  /** Person answers' text is the person's id: the client names them. */
  answers: { name: string; label: string; type: FormField['type']; text: string }[];
}

export interface Person {
  id: string;
  email: string;
  name: string;
  title: string | null;
  homeTeam: TeamRef | null;
}

/** What a form holds while it is being filled in; the API's answer values plus "not answered". */
export type AnswerValue = string | number | string[];

/** What POST /requests/{key}/comments answers: the new timeline entry and the request after it. */
export interface CommentResult {
  event: TimelineEntry;
  request: RequestSummary;
}

export type ApprovalStatus = 'pending' | 'approved' | 'rejected';

/** A displayed answer of a request's form (also in RequestAnswers). */
export interface DisplayedAnswer {
  name: string;
  label: string;
  type: FormField['type'];
  text: string;
}

/**
 * An approval as its approver sees it (GET /approvals). The request's description, status and
 * answers come only while it is theirs to decide, or when they may see the request anyway.
 */
export interface Approval {
  id: string;
  rule: 'manager' | 'team_lead' | 'person';
  status: ApprovalStatus;
  approver: PersonRef | null;
  approverTeam: TeamRef | null;
  comment: string;
  decidedBy: PersonRef | null;
  decidedAt: string | null;
  createdAt: string;
  request: {
    key: string;
    subject: string;
    description?: string | undefined;
    status?: RequestStatus | undefined;
    team: TeamRef;
    requester: PersonRef;
    service: { id: string; slug: string; name: string } | null;
    answers?: DisplayedAnswer[] | undefined;
  };
}

/** A team's queue counts (GET /requests/counts?team=), over what the caller may see of the team. */
export interface QueueCounts {
  team: string;
  /** Not resolved or closed. */
  open: number;
  mine: number;
  unassigned: number;
  /** Open and at or past the earliest running clock's warning instant. */
  breachingSoon: number;
  waitingOnRequester: number;
  /** Every status, zero included. */
  byStatus: Record<RequestStatus, number>;
}

/** One change for many requests (POST /requests/bulk); at least one field. */
export interface BulkChange {
  status?: RequestStatus | undefined;
  priority?: Priority | undefined;
  /** Null unassigns. */
  assigneeId?: string | null | undefined;
}

/** Per key, in the order sent: the new version, or what a PATCH of that request alone would have answered. */
export type BulkResult = { key: string; ok: true; version: number } | { key: string; ok: false; status: number; code: string; detail: string };

/** One person as GET /people/{id} gives it: the profile page reads the signed-in person's own. */
export interface PersonDetail extends Person {
  manager: { id: string; name: string; email: string } | null;
  location: string | null;
  timeZone: string;
  memberships: { team: TeamRef; role: 'agent' | 'lead' }[];
}

/** A closure: whole days (startsOn..endsOn, inclusive) or a wall-clock range on the calendar's clock (endsAt exclusive). */
export type Closure =
  | { id: string; name: string; startsOn: string; endsOn: string }
  | { id: string; name: string; startsAt: string; endsAt: string };

export interface Calendar {
  id: string;
  name: string;
  kind: 'team' | 'company-holidays';
  teamId: string | null;
  timeZone: string;
  weekly: { weekday: number; start: string; end: string }[];
}

export interface CalendarDetail extends Calendar {
  closures: Closure[];
  openNow: boolean;
  nextOpen: string | null;
}
