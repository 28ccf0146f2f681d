import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../../platform/db/database.ts';
import { services } from '../catalog/catalog.tables.ts';

// Reads of other modules' tables that their services do not offer yet. A module should read another
// through that module's service (CONVENTIONS.md); these are stopgaps, each saying where it belongs:
// the catalog service was being written at the same time as this module, and the requests module
// has no statistics read. Move each into its owner's store and call it through the owner's service.

export interface ServiceForSla {
  id: string;
  teamId: string;
  name: string;
  slaPolicyId: string | null;
  defaultPriority: 'low' | 'normal' | 'high' | 'urgent';
  active: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Belongs in catalog.service.ts (a `findServiceById`); a slug is accepted too, as the catalog's URLs do. */
export async function selectServiceForSla(db: Queryable, idOrSlug: string): Promise<ServiceForSla | undefined> {
  const [service] = await db
    .select({
      id: services.id,
      teamId: services.teamId,
      name: services.name,
      slaPolicyId: services.slaPolicyId,
      defaultPriority: services.defaultPriority,
      active: services.active,
    })
    .from(services)
    .where(UUID.test(idOrSlug) ? eq(services.id, idOrSlug) : eq(services.slug, idOrSlug))
    .limit(1);
  return service;
}

export interface FirstResponseSample {
  /** Median wall-clock minutes from filing to first response; null with no sample. */
  medianMinutes: number | null;
  sampleSize: number;
}

/**
 * Belongs in requests.store.ts. The median wall-clock minutes from created_at to first_responded_at
 * of requests filed in [since, until) and answered, for one service or one team. The index on
 * (service_id, created_at) and (team_id, created_at) keeps it to the window's rows.
 */
export async function selectFirstResponseMedian(
  db: Queryable,
  scope: { serviceId: string } | { teamId: string },
  since: Date,
  until: Date,
): Promise<FirstResponseSample> {
  const of = 'serviceId' in scope ? sql`service_id = ${scope.serviceId}` : sql`team_id = ${scope.teamId}`;
  const [row] = rowsOf<{ median: number | string | null; sample: number | string }>(
    await db.execute(sql`
      select percentile_cont(0.5) within group (order by extract(epoch from first_responded_at - created_at) / 60) as median,
             count(*) as sample
      from requests
      where ${of} and first_responded_at is not null
        and created_at >= ${since.toISOString()}::timestamptz and created_at < ${until.toISOString()}::timestamptz`),
  );
  const sampleSize = Number(row?.sample ?? 0);
  return { medianMinutes: row?.median === null || row?.median === undefined ? null : Number(row.median), sampleSize };
}
