import type { z } from 'zod';
import type { Queryable } from '../../platform/db/database.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { findPersonById, findTeamById, membershipsOfPerson } from '../people/people.service.ts';
import { canListPolicies, canManagePolicy, type SlaActor } from './sla.policy.ts';
import { escalationActions, slaTargetsByPriority, type PolicyView } from './sla.schema.ts';
import * as store from './sla.store.ts';
import type { EscalationActions, SlaTargetsByPriority } from './sla.tables.ts';

// Service-level policies: a team's targets per priority. Clocks are in sla-clocks.service.ts,
// agreements in agreements.service.ts.

export interface CreateSlaPolicyInput {
  teamId: string;
  name: string;
  targets: SlaTargetsByPriority;
  warnAtPercent?: number;
  escalation?: Partial<EscalationActions>;
}

export interface UpdateSlaPolicyInput {
  name?: string;
  targets?: SlaTargetsByPriority;
  warnAtPercent?: number;
  escalation?: Partial<EscalationActions>;
}

/** A zod refusal as the problem a client can act on, the field named as the API names it. */
export function parseOrRefuse<T extends z.ZodType>(schema: T, value: unknown, field: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw fieldError([field, ...issue.path.map(String)].join('.'), issue.message);
}

function validWarnAt(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1 || value > 99) throw fieldError('body.warnAtPercent', 'must be 1 to 99');
  return value;
}

/** The person named for reassignment must be an active agent of the policy's team (checked again on breach). */
async function validEscalation(db: Queryable, teamId: string, input: Partial<EscalationActions> | undefined): Promise<EscalationActions | undefined> {
  if (input === undefined) return undefined;
  const escalation = parseOrRefuse(escalationActions, input, 'body.escalation');
  if (escalation.reassignTo) {
    const [person, memberships] = await Promise.all([findPersonById(db, escalation.reassignTo), membershipsOfPerson(db, escalation.reassignTo)]);
    if (!person?.active || !memberships.some((membership) => membership.id === teamId)) {
      throw fieldError('body.escalation.reassignTo', "is not an agent of the policy's team");
    }
  }
  return { notifyLead: escalation.notifyLead, raisePriority: escalation.raisePriority, reassignTo: escalation.reassignTo ?? null };
}

async function toView(db: Queryable, row: store.PolicyRow): Promise<PolicyView> {
  const team = await findTeamById(db, row.teamId);
  return {
    id: row.id,
    team: { id: row.teamId, slug: team?.slug ?? '', name: team?.name ?? '' },
    name: row.name,
    targets: row.targets,
    warnAtPercent: row.warnAtPercent,
    escalation: row.escalation,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** For the API and for seeding (the demo catalog): validates everything the database cannot. */
export async function createSlaPolicy(tx: Queryable, input: CreateSlaPolicyInput): Promise<PolicyView> {
  const team = await findTeamById(tx, input.teamId);
  if (!team) throw new AppError('TEAM_NOT_FOUND', undefined, [{ field: 'body.team', reason: 'is not a team' }]);
  const name = input.name.trim();
  if (name.length === 0 || name.length > 200) throw fieldError('body.name', 'must be 1 to 200 characters');
  const row = await store.insertPolicy(tx, {
    teamId: team.id,
    name,
    targets: parseOrRefuse(slaTargetsByPriority, input.targets, 'body.targets'),
    warnAtPercent: validWarnAt(input.warnAtPercent) ?? 80,
    escalation: (await validEscalation(tx, team.id, input.escalation ?? {})) ?? { notifyLead: true, raisePriority: false },
  });
  return toView(tx, row);
}

async function requirePolicy(db: Queryable, id: string): Promise<store.PolicyRow> {
  const row = await store.selectPolicyById(db, id);
  if (!row) throw new AppError('SLA_POLICY_NOT_FOUND', undefined, [{ field: 'params.id', reason: 'is not an SLA policy' }]);
  return row;
}

const MANAGE_REFUSED = "Only an admin or a lead of the policy's team may see or change its SLA policy";

export async function getSlaPolicy(db: Queryable, actor: SlaActor, id: string): Promise<PolicyView> {
  const row = await requirePolicy(db, id);
  if (!canManagePolicy(actor, row.teamId)) throw new AppError('FORBIDDEN', MANAGE_REFUSED);
  return toView(db, row);
}

export async function updateSlaPolicy(tx: Queryable, actor: SlaActor, id: string, input: UpdateSlaPolicyInput): Promise<PolicyView> {
  const current = await requirePolicy(tx, id);
  if (!canManagePolicy(actor, current.teamId)) throw new AppError('FORBIDDEN', MANAGE_REFUSED);
  const changes: Partial<store.NewPolicyRow> = {};
  if (input.name !== undefined) {
    changes.name = input.name.trim();
    if (changes.name.length === 0 || changes.name.length > 200) throw fieldError('body.name', 'must be 1 to 200 characters');
  }
  // The escalation is replaced whole (absent flags take their defaults), like the targets.
  if (input.targets !== undefined) changes.targets = parseOrRefuse(slaTargetsByPriority, input.targets, 'body.targets');
  if (input.warnAtPercent !== undefined) changes.warnAtPercent = validWarnAt(input.warnAtPercent);
  if (input.escalation !== undefined) changes.escalation = await validEscalation(tx, current.teamId, input.escalation);
  // Running clocks keep the targets they started with; a new policy applies to requests filed from now on.
  const row = Object.keys(changes).length === 0 ? current : await store.updatePolicy(tx, id, changes);
  return toView(tx, row ?? current);
}

export async function listSlaPolicies(db: Queryable, actor: SlaActor): Promise<PolicyView[]> {
  if (!canListPolicies(actor)) throw new AppError('FORBIDDEN', 'Only admins and team leads see SLA policies');
  const leadOf = actor.memberships.filter((membership) => membership.role === 'lead').map((membership) => membership.teamId);
  const rows = await store.selectPolicies(db, actor.isAdmin ? undefined : leadOf);
  return Promise.all(rows.map((row) => toView(db, row)));
}

/** The policy a clock needs (no access rule: Hallway itself reads it). */
export const findSlaPolicy = (db: Queryable, id: string) => store.selectPolicyById(db, id);
