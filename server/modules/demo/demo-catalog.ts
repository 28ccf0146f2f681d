import { DateTime } from 'luxon';
import type { Queryable } from '../../platform/db/database.ts';
import { createService } from '../catalog/catalog.service.ts';
import { findTeamById } from '../people/people.service.ts';
import { setMembership } from '../people/teams.service.ts';
import { acceptAgreement, proposeAgreement } from '../sla/agreements.service.ts';
import { createSlaPolicy } from '../sla/sla.service.ts';
import { demoPolicies, demoServices } from './demo-catalog-data.ts';
import type { DemoDirectory } from './demo-directory.ts';

export interface DemoCatalog {
  serviceIdBySlug: Map<string, string>;
  policies: number;
  agreements: number;
}

/**
 * The catalog, through the catalog's and SLA module's services (the same checks an admin's input
 * gets): one SLA policy per serving team, its services on it, the onboarding workflow once the
 * services it opens exist, and the quarter-end agreement between IT and Sales.
 */
export async function seedDemoCatalog(tx: Queryable, directory: DemoDirectory, now: Date): Promise<DemoCatalog> {
  const policyIdByTeam = new Map<string, string>();
  for (const policy of demoPolicies) {
    const created = await createSlaPolicy(tx, { teamId: teamId(directory, policy.team), name: policy.name, targets: policy.targets });
    policyIdByTeam.set(policy.team, created.id);
  }

  const serviceIdBySlug = new Map<string, string>();
  // Services with a workflow come last: their steps name services by id.
  const ordered = [...demoServices].sort((a, b) => Number(Boolean(a.workflow)) - Number(Boolean(b.workflow)));
  for (const { workflow, ...service } of ordered) {
    const created = await createService(tx, 'system', {
      ...service,
      slaPolicyId: policyIdByTeam.get(service.team) ?? null,
      workflow: (workflow ?? []).map((step) => ({ key: step.key, serviceId: serviceIdBySlug.get(step.service)!, after: step.after ?? [] })),
    });
    serviceIdBySlug.set(created.slug, created.id);
  }

  await seedQuarterEndAgreement(tx, directory, now);
  return { serviceIdBySlug, policies: demoPolicies.length, agreements: 1 };
}

/** The last two weeks of the quarter `now` is in, on the London calendar: when Sales closes deals. */
export function quarterEndWindow(now: Date): { startsOn: string; endsOn: string } {
  const quarterEnd = DateTime.fromJSDate(now, { zone: 'Europe/London' }).endOf('quarter').startOf('day');
  return { startsOn: quarterEnd.minus({ days: 13 }).toISODate()!, endsOn: quarterEnd.toISODate()! };
}

/**
 * Sales gets a 30-minute first response from IT at quarter end, proposed by IT's service desk lead
 * and accepted by Sales' VP. Sales has no desk (it serves nobody), so nobody could speak for it in
 * an agreement: its VP is made the team's lead in Hallway, which is what a real Sales team would
 * do to sign one. That gives him no requests to work: nothing is offered by Sales.
 */
async function seedQuarterEndAgreement(tx: Queryable, directory: DemoDirectory, now: Date): Promise<void> {
  const [itId, salesId] = [teamId(directory, 'it'), teamId(directory, 'sales')];
  const sales = await findTeamById(tx, salesId);
  const vpSales = personId(directory, 'james.carter');
  await setMembership(tx, sales!, vpSales, 'lead');

  const itLead = { personId: personId(directory, 'tomasz.nowak'), isAdmin: false, memberships: [{ teamId: itId, role: 'lead' as const }] };
  const salesLead = { personId: vpSales, isAdmin: false, memberships: [{ teamId: salesId, role: 'lead' as const }] };
  const thirtyMinutes = { firstResponse: 30 };
  const proposed = await proposeAgreement(tx, itLead, {
    name: 'Quarter-end first response for Sales',
    providerTeamId: itId,
    consumerTeamId: salesId,
    targets: { low: thirtyMinutes, normal: thirtyMinutes, high: thirtyMinutes, urgent: thirtyMinutes },
    ...quarterEndWindow(now),
  });
  await acceptAgreement(tx, salesLead, proposed.id);
}

function teamId(directory: DemoDirectory, slug: string): string {
  const id = directory.teamIdBySlug.get(slug);
  if (!id) throw new Error(`the demo catalog names team ${slug}, which is not in the demo directory`);
  return id;
}

function personId(directory: DemoDirectory, handle: string): string {
  const id = directory.personIdByHandle.get(handle);
  if (!id) throw new Error(`the demo catalog names ${handle}, who is not in the demo directory`);
  return id;
}
