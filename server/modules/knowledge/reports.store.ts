import { sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../../platform/db/database.ts';

// The deflection report's counts. Filings are read from the requests table directly: a count per
// service over a period is not something the requests module offers yet.

export interface DeflectionScope {
  teamId: string | 'all';
  since: Date;
  until: Date;
}

export interface Counts {
  solved: number;
  submittedAfterReading: number;
  filed: number;
}

type CountRow = { solved: number | string; submitted: number | string; filed: number | string };
const countsOf = (row: CountRow): Counts => ({ solved: Number(row.solved), submittedAfterReading: Number(row.submitted), filed: Number(row.filed) });

const between = (column: ReturnType<typeof sql.raw>, scope: DeflectionScope) =>
  sql`${column} >= ${scope.since.toISOString()}::timestamptz and ${column} < ${scope.until.toISOString()}::timestamptz`;

/**
 * Per team: deflections by the team they were recorded for (the service's team then); filings by
 * the team that owns the service they were filed through. Workflow-spawned requests (a parent) are
 * not counted: nobody chose to file them, so nothing could have deflected them.
 */
export async function selectTeamCounts(db: Queryable, scope: DeflectionScope): Promise<({ teamId: string; teamName: string } & Counts)[]> {
  const which = scope.teamId === 'all' ? sql`true` : sql`t.id = ${scope.teamId}`;
  const rows = rowsOf<{ id: string; name: string } & CountRow>(
    await db.execute(sql`
      select t.id, t.name,
        (select count(*)::int from intake_deflections d where d.team_id = t.id and d.outcome = 'solved' and ${between(sql.raw('d.occurred_at'), scope)}) as solved,
        (select count(*)::int from intake_deflections d where d.team_id = t.id and d.outcome = 'submitted' and ${between(sql.raw('d.occurred_at'), scope)}) as submitted,
        (select count(*)::int from requests r join services s on s.id = r.service_id
          where s.team_id = t.id and r.parent_id is null and ${between(sql.raw('r.created_at'), scope)}) as filed
      from teams t
      where ${which}
      order by t.name, t.id`),
  );
  return rows.map((row) => ({ teamId: row.id, teamName: row.name, ...countsOf(row) }));
}

/** Per service of the team(s): every service, active or not, so a retired one still shows its period. */
export async function selectServiceCounts(db: Queryable, scope: DeflectionScope): Promise<({ serviceId: string; serviceName: string; teamId: string } & Counts)[]> {
  const which = scope.teamId === 'all' ? sql`true` : sql`s.team_id = ${scope.teamId}`;
  const rows = rowsOf<{ id: string; name: string; team_id: string } & CountRow>(
    await db.execute(sql`
      select s.id, s.name, s.team_id,
        (select count(*)::int from intake_deflections d where d.service_id = s.id and d.outcome = 'solved' and ${between(sql.raw('d.occurred_at'), scope)}) as solved,
        (select count(*)::int from intake_deflections d where d.service_id = s.id and d.outcome = 'submitted' and ${between(sql.raw('d.occurred_at'), scope)}) as submitted,
        (select count(*)::int from requests r where r.service_id = s.id and r.parent_id is null and ${between(sql.raw('r.created_at'), scope)}) as filed
      from services s
      where ${which}
      order by s.name, s.id`),
  );
  return rows.map((row) => ({ serviceId: row.id, serviceName: row.name, teamId: row.team_id, ...countsOf(row) }));
}
