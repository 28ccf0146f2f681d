import { DateTime } from 'luxon';
import type { Queryable } from '../../platform/db/database.ts';
import { businessCalendarOfTeam } from '../calendars/calendars.service.ts';
import { findPersonById } from '../people/people.service.ts';
import type { RequestPriority } from '../requests/requests.tables.ts';
import { findService, type ServiceRow } from '../catalog/catalog.service.ts';
import { findSlaPolicy } from './sla.service.ts';
import * as store from './sla.store.ts';
import type { SlaMetric, SlaTargets } from './sla.tables.ts';

// Which targets a request gets: its service's policy for its priority, overridden metric by metric
// by an internal agreement in force between the service's team (provider) and the requester's home
// team (consumer) on the provider's calendar day.

export interface MetricTarget {
  targetMinutes: number;
  source: 'policy' | 'agreement';
  sourceId: string;
}

export interface ResolvedTargets {
  service: ServiceRow;
  policy: store.PolicyRow | undefined;
  warnAtPercent: number;
  byMetric: Partial<Record<SlaMetric, MetricTarget>>;
}

const metricKeys: Record<SlaMetric, keyof SlaTargets> = {
  first_response: 'firstResponse',
  next_response: 'nextResponse',
  resolution: 'resolution',
};

/** The warning share when only an agreement (no policy) sets targets. */
const DEFAULT_WARN_AT_PERCENT = 80;

export interface RequestForTargets {
  serviceId: string | null;
  requesterId: string;
  priority: RequestPriority;
}

/** `findServiceOf` lets a reaction pass the service its change already read (findServiceOfChange). */
export async function resolveTargets(
  db: Queryable,
  request: RequestForTargets,
  at: Date,
  findServiceOf: (serviceId: string) => Promise<ServiceRow | undefined> = (serviceId) => findService(db, serviceId),
): Promise<ResolvedTargets | undefined> {
  if (!request.serviceId) return undefined;
  const service = await findServiceOf(request.serviceId);
  if (!service) return undefined;
  const policy = service.slaPolicyId ? await findSlaPolicy(db, service.slaPolicyId) : undefined;
  const agreement = await agreementInForce(db, service, request.requesterId, at);
  const byMetric: ResolvedTargets['byMetric'] = {};
  for (const [metric, key] of Object.entries(metricKeys) as Array<[SlaMetric, keyof SlaTargets]>) {
    const agreed = agreement?.targets[request.priority]?.[key];
    const committed = policy?.targets[request.priority]?.[key];
    if (agreement && agreed !== undefined) byMetric[metric] = { targetMinutes: agreed, source: 'agreement', sourceId: agreement.id };
    else if (policy && committed !== undefined) byMetric[metric] = { targetMinutes: committed, source: 'policy', sourceId: policy.id };
  }
  return { service, policy, warnAtPercent: policy?.warnAtPercent ?? DEFAULT_WARN_AT_PERCENT, byMetric };
}

/**
 * The agreement that applies: accepted by both leads, not withdrawn, `at` within its dates on the
 * provider's calendar day (UTC for a team without a calendar), for this service or all the
 * provider's. One for the service wins over a general one; then the newest.
 */
async function agreementInForce(db: Queryable, service: ServiceRow, requesterId: string, at: Date): Promise<store.AgreementRow | undefined> {
  // The provider's agreements first: most teams have none, and then the requester is not looked up.
  const withAnyTeam = await store.selectAgreementsInForce(db, service.teamId, null, service.id);
  if (withAnyTeam.length === 0) return undefined;
  const requester = await findPersonById(db, requesterId);
  if (!requester?.homeTeamId || requester.homeTeamId === service.teamId) return undefined;
  const candidates = withAnyTeam.filter((agreement) => agreement.consumerTeamId === requester.homeTeamId);
  if (candidates.length === 0) return undefined;
  const zone = (await businessCalendarOfTeam(db, service.teamId))?.timeZone ?? 'UTC';
  const today = DateTime.fromJSDate(at, { zone }).toISODate() ?? at.toISOString().slice(0, 10);
  const current = candidates.filter((agreement) => (!agreement.startsOn || agreement.startsOn <= today) && (!agreement.endsOn || today <= agreement.endsOn));
  return current.find((agreement) => agreement.serviceId === service.id) ?? current[0];
}
