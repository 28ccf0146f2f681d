import { sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../../platform/db/database.ts';

// A read of another module's table that its service does not offer yet. A module should read
// another through that module's service (CONVENTIONS.md); this is a stopgap saying where it belongs:
// the requests module has no statistics read. Move it into requests.store.ts and call it through
// the requests service.

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
