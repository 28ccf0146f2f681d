// The JSON the console reads and sends, mirroring the server's schemas (catalog.schema.ts,
// people.schema.ts, sla.schema.ts, calendars.schema.ts, auth.schema.ts); /api/openapi.json is the contract.
import type { FormField, Priority, TeamRef } from '../../api/types.ts';
import type { Condition } from '../../../../server/modules/catalog/intake-form.schema.ts';

export type { Condition, FormField, Priority, TeamRef };

export const requestTypes = ['question', 'incident', 'task', 'access'] as const;
export type RequestType = (typeof requestTypes)[number];
export const priorities = ['low', 'normal', 'high', 'urgent'] as const satisfies readonly Priority[];

export type Approver = 'manager' | 'team_lead' | 'person';

export interface ProcedureStep {
  title: string;
  description?: string | undefined;
}

export interface WorkflowStep {
  key: string;
  serviceId: string;
  after: string[];
}

/** GET /services/{id} as those who manage the service see it (procedure and workflow included). */
export interface ManagedService {
  id: string;
  slug: string;
  name: string;
  description: string;
  team: TeamRef;
  requestType: RequestType;
  defaultPriority: Priority;
  confidential: boolean;
  audience: TeamRef[] | null;
  form: { version: number; fields: FormField[]; createdAt: string };
  procedure?: ProcedureStep[] | undefined;
  approval: { approver: Approver; person?: { id: string; name: string } | undefined } | null;
  slaPolicyId: string | null;
  workflow?: WorkflowStep[] | undefined;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type ApprovalRule = { approver: 'manager' } | { approver: 'team_lead' } | { approver: 'person'; personId: string };

/** POST /services; PATCH /services/{id} takes the same fields, each optional, plus `version`. */
export interface ServiceBody {
  slug: string;
  team: string;
  name: string;
  description: string;
  requestType: RequestType;
  defaultPriority: Priority;
  confidential: boolean;
  audience: string[] | null;
  form: { fields: FormField[] };
  procedure: ProcedureStep[];
  approval: ApprovalRule | null;
  slaPolicyId: string | null;
  workflow?: WorkflowStep[] | undefined;
  active: boolean;
}

export interface Team {
  id: string;
  slug: string;
  name: string;
  description: string;
  email: string | null;
  keyPrefix: string;
  createdAt: string;
  updatedAt: string;
}

export interface TeamMember {
  person: { id: string; name: string; email: string; title: string | null };
  role: 'agent' | 'lead';
}

export interface TeamDetail extends Team {
  members: TeamMember[];
}

export interface SlaTargets {
  firstResponse?: number | undefined;
  nextResponse?: number | undefined;
  resolution?: number | undefined;
}

export type TargetsByPriority = Partial<Record<Priority, SlaTargets>>;

export interface SlaPolicy {
  id: string;
  team: { id: string; slug: string; name: string };
  name: string;
  targets: TargetsByPriority;
  warnAtPercent: number;
  escalation: { notifyLead: boolean; raisePriority: boolean; reassignTo?: string | null | undefined };
  createdAt: string;
  updatedAt: string;
}

export interface DirectoryPerson {
  id: string;
  email: string;
  name: string;
  title: string | null;
  homeTeam: { id: string; slug: string; name: string } | null;
  manager: { id: string; name: string; email: string } | null;
  location: string | null;
  timeZone: string;
  phone: string | null;
  isAdmin: boolean;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface DirectoryPersonDetail extends DirectoryPerson {
  memberships: { team: { id: string; slug: string; name: string }; role: 'agent' | 'lead' }[];
}

/** POST /people; PATCH /people/{id} takes any of these. */
export interface PersonBody {
  email: string;
  name: string;
  title: string | null;
  homeTeam: string | null;
  manager: string | null;
  timeZone: string;
  isAdmin: boolean;
  active: boolean;
  password?: string | undefined;
}

export interface ImportSummary {
  created: number;
  updated: number;
  skipped: { line: number; reason: string }[];
}

export interface TeamBody {
  slug: string;
  name: string;
  description: string;
  email: string | null;
  keyPrefix: string;
}

export interface Agreement {
  id: string;
  name: string;
  providerTeam: { id: string; slug: string; name: string };
  consumerTeam: { id: string; slug: string; name: string };
  serviceId: string | null;
  targets: TargetsByPriority;
  startsOn: string | null;
  endsOn: string | null;
  proposedBy: string | null;
  providerAcceptedAt: string | null;
  consumerAcceptedAt: string | null;
  withdrawnAt: string | null;
  status: 'proposed' | 'in_force' | 'withdrawn';
  createdAt: string;
}

export interface WeeklyInterval {
  /** ISO weekday: 1 is Monday, 7 is Sunday. */
  weekday: number;
  start: string;
  end: string;
}

export type Closure = { id: string; name: string; startsOn: string; endsOn: string } | { id: string; name: string; startsAt: string; endsAt: string };

export interface Calendar {
  id: string;
  name: string;
  kind: 'team' | 'company-holidays';
  teamId: string | null;
  timeZone: string;
  weekly: WeeklyInterval[];
}

export interface CalendarDetail extends Calendar {
  closures: Closure[];
  openNow: boolean;
  nextOpen: string | null;
}

/** What a personal API token may be used for; the server's catalogue (api-token-scopes.ts). */
export type TokenScope =
  | 'requests:read'
  | 'requests:write'
  | 'catalog:read'
  | 'catalog:write'
  | 'knowledge:read'
  | 'knowledge:write'
  | 'people:read'
  | 'people:write'
  | 'sla:read'
  | 'sla:write'
  | 'reports:read'
  | 'account:read'
  | 'account:write'
  | 'admin';

export interface ApiToken {
  id: string;
  name: string;
  displayPrefix: string;
  /** Null for a token made before scopes: it has its person's rights. */
  scopes: string[] | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface IssuedToken extends ApiToken {
  token: string;
}
