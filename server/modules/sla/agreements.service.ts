import type { Queryable } from '../../platform/db/database.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { findTeamById } from '../people/people.service.ts';
import { findService } from '../catalog/catalog.service.ts';
import { canListAgreements, canProposeAgreement, canReadAgreement, canWithdrawAgreement, sidesToAccept, type SlaActor } from './sla.policy.ts';
import type { AgreementView } from './sla.schema.ts';
import { slaTargetsByPriority } from './sla.schema.ts';
import { parseOrRefuse } from './sla.service.ts';
import * as store from './sla.store.ts';
import type { SlaTargetsByPriority } from './sla.tables.ts';

// Internal agreements: a provider team commits its own targets to a consumer team. Proposing
// counts as the proposer's side accepting; the agreement is in force once the other side's lead
// accepts too, until either side withdraws it. Which requests it covers: agreement-targets.ts.

export interface ProposeAgreementInput {
  name: string;
  providerTeamId: string;
  consumerTeamId: string;
  serviceId?: string | null;
  targets: SlaTargetsByPriority;
  startsOn?: string | null;
  endsOn?: string | null;
}

async function toView(db: Queryable, row: store.AgreementRow): Promise<AgreementView> {
  const [provider, consumer] = await Promise.all([findTeamById(db, row.providerTeamId), findTeamById(db, row.consumerTeamId)]);
  const iso = (value: Date | null) => value?.toISOString() ?? null;
  return {
    id: row.id,
    name: row.name,
    providerTeam: { id: row.providerTeamId, slug: provider?.slug ?? '', name: provider?.name ?? '' },
    consumerTeam: { id: row.consumerTeamId, slug: consumer?.slug ?? '', name: consumer?.name ?? '' },
    serviceId: row.serviceId,
    targets: row.targets,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    proposedBy: row.proposedBy,
    providerAcceptedAt: iso(row.providerAcceptedAt),
    consumerAcceptedAt: iso(row.consumerAcceptedAt),
    withdrawnAt: iso(row.withdrawnAt),
    status: row.withdrawnAt ? 'withdrawn' : row.providerAcceptedAt && row.consumerAcceptedAt ? 'in_force' : 'proposed',
    createdAt: row.createdAt.toISOString(),
  };
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(value: string | null | undefined, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (!LOCAL_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw fieldError(field, 'must be a date YYYY-MM-DD');
  return value;
}

/**
 * A lead of the provider or the consumer proposes; their side counts as accepted (both, should
 * they lead both teams). For the API and for seeding: the demo passes a lead as the actor.
 */
export async function proposeAgreement(tx: Queryable, actor: SlaActor, input: ProposeAgreementInput): Promise<AgreementView> {
  if (input.providerTeamId === input.consumerTeamId) throw fieldError('body.consumerTeam', 'must be another team than the provider');
  const [provider, consumer] = await Promise.all([findTeamById(tx, input.providerTeamId), findTeamById(tx, input.consumerTeamId)]);
  if (!provider) throw new AppError('TEAM_NOT_FOUND', undefined, [{ field: 'body.providerTeam', reason: 'is not a team' }]);
  if (!consumer) throw new AppError('TEAM_NOT_FOUND', undefined, [{ field: 'body.consumerTeam', reason: 'is not a team' }]);
  if (!canProposeAgreement(actor, provider.id, consumer.id)) {
    throw new AppError('FORBIDDEN', 'Only a lead of the provider or the consumer team proposes an agreement between them');
  }
  const name = input.name.trim();
  if (name.length === 0 || name.length > 200) throw fieldError('body.name', 'must be 1 to 200 characters');
  const targets = parseOrRefuse(slaTargetsByPriority, input.targets, 'body.targets');
  if (!Object.values(targets).some((byMetric) => byMetric && Object.keys(byMetric).length > 0)) {
    throw fieldError('body.targets', 'must commit to at least one target');
  }
  const startsOn = validDate(input.startsOn, 'body.startsOn');
  const endsOn = validDate(input.endsOn, 'body.endsOn');
  if (startsOn && endsOn && endsOn < startsOn) throw fieldError('body.endsOn', 'must not be before startsOn');
  if (input.serviceId) {
    const service = await findService(tx, input.serviceId);
    if (!service || service.teamId !== provider.id) throw fieldError('body.serviceId', 'is not a service of the provider team');
  }
  const now = new Date();
  const sides = sidesToAccept(actor, { providerTeamId: provider.id, consumerTeamId: consumer.id, providerAcceptedAt: null, consumerAcceptedAt: null, withdrawnAt: null });
  const row = await store.insertAgreement(tx, {
    name,
    providerTeamId: provider.id,
    consumerTeamId: consumer.id,
    serviceId: input.serviceId ?? null,
    targets,
    startsOn,
    endsOn,
    proposedBy: actor.personId,
    ...(sides.includes('provider') ? { providerAcceptedBy: actor.personId, providerAcceptedAt: now } : {}),
    ...(sides.includes('consumer') ? { consumerAcceptedBy: actor.personId, consumerAcceptedAt: now } : {}),
  });
  return toView(tx, row);
}

async function requireAgreement(tx: Queryable, actor: SlaActor, id: string): Promise<store.AgreementRow> {
  const row = await store.selectAgreementById(tx, id, { lock: true });
  // Someone outside both teams must not learn that two teams have an agreement.
  if (!row || !canReadAgreement(actor, row)) {
    throw new AppError('AGREEMENT_NOT_FOUND', undefined, [{ field: 'params.id', reason: 'is not an agreement you can see' }]);
  }
  return row;
}

/** A lead of the side that has not accepted yet accepts; with both sides accepted it is in force. */
export async function acceptAgreement(tx: Queryable, actor: SlaActor, id: string): Promise<AgreementView> {
  const row = await requireAgreement(tx, actor, id);
  if (row.withdrawnAt) throw new AppError('AGREEMENT_NOT_OPEN', 'The agreement was withdrawn; propose a new one');
  const sides = sidesToAccept(actor, row);
  if (sides.length === 0) {
    const leadsASide = canProposeAgreement(actor, row.providerTeamId, row.consumerTeamId);
    if (leadsASide) throw new AppError('AGREEMENT_NOT_OPEN', "Your team's side has accepted already; the other team's lead accepts theirs");
    throw new AppError('FORBIDDEN', 'Only a lead of the provider or the consumer team accepts for their side');
  }
  const now = new Date();
  const updated = await store.updateAgreement(tx, row.id, {
    ...(sides.includes('provider') ? { providerAcceptedBy: actor.personId, providerAcceptedAt: now } : {}),
    ...(sides.includes('consumer') ? { consumerAcceptedBy: actor.personId, consumerAcceptedAt: now } : {}),
  });
  return toView(tx, updated);
}

/** Requests filed from now on get the policy's targets again; clocks already running keep theirs. */
export async function withdrawAgreement(tx: Queryable, actor: SlaActor, id: string): Promise<AgreementView> {
  const row = await requireAgreement(tx, actor, id);
  if (!canWithdrawAgreement(actor, row)) throw new AppError('FORBIDDEN', 'Only a lead of either team, or an admin, withdraws an agreement');
  if (row.withdrawnAt) throw new AppError('AGREEMENT_NOT_OPEN', 'The agreement was withdrawn already');
  return toView(tx, await store.updateAgreement(tx, row.id, { withdrawnAt: new Date() }));
}

/** Admins see every agreement; agents and leads those of their teams. */
export async function listAgreements(db: Queryable, actor: SlaActor): Promise<AgreementView[]> {
  if (!canListAgreements(actor)) throw new AppError('FORBIDDEN', "Agreements are for the teams' agents and leads, and admins");
  const rows = await store.selectAgreements(db, actor.isAdmin ? undefined : actor.memberships.map((membership) => membership.teamId));
  return Promise.all(rows.map((row) => toView(db, row)));
}
