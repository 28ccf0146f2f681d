import { and, asc, eq, getTableColumns, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../../platform/db/database.ts';
import type { ReadScope } from './requests.policy.ts';
import {
  requestEvents,
  serviceRequests,
  type RequestPriority,
  type RequestStatus,
  requestChannels,
} from './requests.tables.ts';

// The only place that writes SQL for requests. It never reads the people tables: names and
// memberships come from the people module's service.

export type RequestRow = Omit<typeof serviceRequests.$inferSelect, 'searchText'>;
export type RequestEventRow = typeof requestEvents.$inferSelect;
export type RequestChannel = (typeof requestChannels)[number];

const r = serviceRequests;
/** Every column but the search vector, which no reader needs. */
const { searchText: _searchText, ...requestColumns } = getTableColumns(r);
export { requestColumns };

// Raw statements (the ones with data-modifying CTEs) return these; timestamps come back through
// to_json so both drivers hand over the same ISO text.
const rawRequestColumns = sql.raw(`id, key, team_id as "teamId", number, subject, description, status, priority,
  channel, confidential, requester_id as "requesterId", assignee_id as "assigneeId", version,
  service_id as "serviceId", answers, parent_id as "parentId",
  to_json(created_at) as "createdAt", to_json(updated_at) as "updatedAt",
  to_json(acknowledged_at) as "acknowledgedAt", to_json(first_responded_at) as "firstRespondedAt",
  to_json(resolved_at) as "resolvedAt", to_json(closed_at) as "closedAt",
  to_json(due_at) as "dueAt", to_json(warn_at) as "warnAt"`);

type RawRequestRow = Omit<
  RequestRow,
  'createdAt' | 'updatedAt' | 'acknowledgedAt' | 'firstRespondedAt' | 'resolvedAt' | 'closedAt' | 'dueAt' | 'warnAt'
> & {
  createdAt: string;
  updatedAt: string;
  acknowledgedAt: string | null;
  firstRespondedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  dueAt: string | null;
  warnAt: string | null;
};

function fromRaw(row: RawRequestRow): RequestRow {
  const at = (value: string | null) => (value === null ? null : new Date(value));
  return {
    ...row,
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
    acknowledgedAt: at(row.acknowledgedAt),
    firstRespondedAt: at(row.firstRespondedAt),
    resolvedAt: at(row.resolvedAt),
    closedAt: at(row.closedAt),
    dueAt: at(row.dueAt),
    warnAt: at(row.warnAt),
  };
}

async function rawRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return rowsOf<T>(result);
}

/** The instant of a change: the caller's (imports, demo history) or the database's clock. */
const instant = (at: Date | undefined) => sql`coalesce(${at?.toISOString() ?? null}::timestamptz, now())`;

export interface NewRequest {
  teamId: string;
  keyPrefix: string;
  subject: string;
  description: string;
  priority: RequestPriority;
  channel: RequestChannel;
  confidential: boolean;
  requesterId: string;
  actorId: string;
  createdEventData: Record<string, unknown>;
  /** Set for a request made through a catalog service. */
  intake?: { serviceId: string; answers: unknown; parentId: string | null; status: RequestStatus };
  at?: Date;
}

/**
 * Numbers the request, inserts it and its `created` event in ONE statement: a create is one round
 * trip. The number comes from the team's sequence (migration 0001), which never makes a create
 * wait for another's commit; a statement failing after nextval leaves a gap, never a twin.
 */
export async function insertRequest(db: Queryable, values: NewRequest): Promise<RequestRow> {
  const at = instant(values.at);
  const [row] = await rawRows<RawRequestRow>(
    db,
    sql`with numbered as (
          select nextval(request_number_sequence(${values.teamId})::regclass)::int as number
        ), created as (
          insert into requests (key, team_id, number, subject, description, priority, channel, confidential,
                                requester_id, created_at, updated_at, service_id, answers, parent_id, status)
          select ${values.keyPrefix} || '-' || numbered.number, ${values.teamId}, numbered.number,
                 ${values.subject}, ${values.description}, ${values.priority}, ${values.channel},
                 ${values.confidential}, ${values.requesterId}, ${at}, ${at},
                 ${values.intake?.serviceId ?? null}::uuid, ${values.intake?.answers ? JSON.stringify(values.intake.answers) : null}::jsonb,
                 ${values.intake?.parentId ?? null}::uuid, ${values.intake?.status ?? 'new'}
          from numbered
          returning *
        ), event as (
          insert into request_events (request_id, actor_id, kind, visibility, data, occurred_at)
          select created.id, ${values.actorId}, 'created', 'public', ${JSON.stringify(values.createdEventData)}::jsonb, ${at}
          from created
        )
        select ${rawRequestColumns} from created`,
  );
  return fromRaw(row!);
}

export async function selectRequestByKey(
  db: Queryable,
  key: string,
  options: { lock?: boolean } = {},
): Promise<RequestRow | undefined> {
  const query = db.select(requestColumns).from(r).where(eq(r.key, key)).limit(1);
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function selectRequestById(
  db: Queryable,
  id: string,
  options: { lock?: boolean } = {},
): Promise<RequestRow | undefined> {
  const query = db.select(requestColumns).from(r).where(eq(r.id, id)).limit(1);
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

/** The earliest due and warning instants of the request's running clocks (kept by a trigger). */
export async function selectDueTimes(db: Queryable, id: string): Promise<Pick<RequestRow, 'dueAt' | 'warnAt'>> {
  const [row] = await db.select({ dueAt: r.dueAt, warnAt: r.warnAt }).from(r).where(eq(r.id, id));
  return row ?? { dueAt: null, warnAt: null };
}

export async function selectVersion(db: Queryable, id: string): Promise<number | undefined> {
  const [row] = await db.select({ version: r.version }).from(r).where(eq(r.id, id));
  return row?.version;
}

/** The read rules of requests.policy.ts as a WHERE clause, so a list never fetches what it may not show. */
export function visibleTo(scope: ReadScope): SQL {
  // The assignee sees a confidential case only while still an agent of its team (see canView).
  const assigned =
    scope.agentTeamIds.length > 0
      ? and(eq(r.assigneeId, scope.personId), or(eq(r.confidential, false), inArray(r.teamId, scope.agentTeamIds)))!
      : and(eq(r.assigneeId, scope.personId), eq(r.confidential, false))!;
  const ownOrLead = [eq(r.requesterId, scope.personId), assigned];
  if (scope.leadTeamIds.length > 0) ownOrLead.push(inArray(r.teamId, scope.leadTeamIds));
  if (scope.everyOpenTeam) ownOrLead.push(eq(r.confidential, false));
  else if (scope.agentTeamIds.length > 0) {
    ownOrLead.push(and(eq(r.confidential, false), inArray(r.teamId, scope.agentTeamIds))!);
  }
  return or(...ownOrLead)!;
}

export type Stampable = 'acknowledgedAt' | 'firstRespondedAt' | 'resolvedAt' | 'closedAt';

export interface RequestUpdate {
  status?: RequestStatus;
  priority?: RequestPriority;
  assigneeId?: string | null;
  teamId?: string;
  /** Set to the change's instant; acknowledgement and first response keep their first value. */
  stamp?: Stampable[];
  clear?: Stampable[];
}

export interface NewEvent {
  actorId: string | null;
  kind: string;
  visibility: 'public' | 'internal';
  data: Record<string, unknown>;
}

const stampColumn: Record<Stampable, string> = {
  acknowledgedAt: 'acknowledged_at',
  firstRespondedAt: 'first_responded_at',
  resolvedAt: 'resolved_at',
  closedAt: 'closed_at',
};
const keepsFirstValue = new Set<Stampable>(['acknowledgedAt', 'firstRespondedAt']);

/**
 * Applies a change and appends its events in ONE statement, bumping the version. With
 * `expectedVersion` the update only happens if nobody changed the request since it was read
 * (optimistic concurrency): undefined comes back when they did, and nothing was written.
 */
export async function updateRequest(
  db: Queryable,
  id: string,
  expectedVersion: number | undefined,
  change: RequestUpdate,
  events: NewEvent[],
  at?: Date,
): Promise<{ request: RequestRow; events: RequestEventRow[] } | undefined> {
  const now = instant(at);
  const sets: SQL[] = [sql`version = version + 1`, sql`updated_at = ${now}`];
  if (change.status !== undefined) sets.push(sql`status = ${change.status}`);
  if (change.priority !== undefined) sets.push(sql`priority = ${change.priority}`);
  if (change.assigneeId !== undefined) sets.push(sql`assignee_id = ${change.assigneeId}`);
  if (change.teamId !== undefined) sets.push(sql`team_id = ${change.teamId}`);
  for (const milestone of change.stamp ?? []) {
    const column = sql.raw(stampColumn[milestone]);
    sets.push(keepsFirstValue.has(milestone) ? sql`${column} = coalesce(${column}, ${now})` : sql`${column} = ${now}`);
  }
  for (const milestone of change.clear ?? []) sets.push(sql`${sql.raw(stampColumn[milestone])} = null`);
  const guard = expectedVersion === undefined ? sql`` : sql` and version = ${expectedVersion}`;

  const eventRows = events.map(
    (event, ordinal) =>
      sql`(${ordinal}::int, ${event.actorId}::uuid, ${event.kind}::text, ${event.visibility}::text, ${JSON.stringify(event.data)}::jsonb)`,
  );
  const appendEvents =
    eventRows.length === 0
      ? sql``
      : sql`, appended as (
          insert into request_events (request_id, actor_id, kind, visibility, data, occurred_at)
          select updated.id, e.actor_id, e.kind, e.visibility, e.data, ${now}
          from updated cross join (values ${sql.join(eventRows, sql`, `)}) as e(ordinal, actor_id, kind, visibility, data)
          order by e.ordinal
          returning id, request_id as "requestId", actor_id as "actorId", kind, visibility, data,
                    to_json(occurred_at) as "occurredAt"
        )`;
  const appendedEvents =
    eventRows.length === 0 ? sql`'[]'::json` : sql`(select json_agg(appended order by appended.id) from appended)`;
  const [row] = await rawRows<RawRequestRow & { appendedEvents: RawEventRow[] | string }>(
    db,
    sql`with updated as (
          update requests set ${sql.join(sets, sql`, `)} where id = ${id}${guard} returning *
        )${appendEvents}
        select ${rawRequestColumns}, ${appendedEvents} as "appendedEvents" from updated`,
  );
  if (!row) return undefined;
  const { appendedEvents: appended, ...request } = row;
  const parsed: RawEventRow[] = typeof appended === 'string' ? JSON.parse(appended) : appended;
  return {
    request: fromRaw(request),
    events: parsed.map((event) => ({ ...event, occurredAt: new Date(event.occurredAt) })),
  };
}

type RawEventRow = Omit<RequestEventRow, 'occurredAt'> & { occurredAt: string };

/** Appends events to a request's timeline without touching the request row. */
export async function insertEvents(db: Queryable, requestId: string, events: NewEvent[], at?: Date): Promise<RequestEventRow[]> {
  if (events.length === 0) return [];
  const rows = events.map(
    (event, ordinal) =>
      sql`(${ordinal}::int, ${event.actorId}::uuid, ${event.kind}::text, ${event.visibility}::text, ${JSON.stringify(event.data)}::jsonb)`,
  );
  const inserted = await rawRows<RawEventRow>(
    db,
    sql`insert into request_events (request_id, actor_id, kind, visibility, data, occurred_at)
        select ${requestId}::uuid, e.actor_id, e.kind, e.visibility, e.data, ${instant(at)}
        from (values ${sql.join(rows, sql`, `)}) as e(ordinal, actor_id, kind, visibility, data)
        order by e.ordinal
        returning id, request_id as "requestId", actor_id as "actorId", kind, visibility, data, to_json(occurred_at) as "occurredAt"`,
  );
  return inserted.sort((a, b) => Number(a.id) - Number(b.id)).map((event) => ({ ...event, occurredAt: new Date(event.occurredAt) }));
}

export async function selectTimeline(db: Queryable, requestId: string, includeInternal: boolean): Promise<RequestEventRow[]> {
  return db
    .select()
    .from(requestEvents)
    .where(and(eq(requestEvents.requestId, requestId), includeInternal ? undefined : ne(requestEvents.visibility, 'internal')))
    .orderBy(asc(requestEvents.occurredAt), asc(requestEvents.id));
}

export interface FirstResponseSample {
  /** Median wall-clock minutes from filing to first response; null with no sample. */
  medianMinutes: number | null;
  sampleSize: number;
}

/**
 * Confidential requests are left out: the figure is shown to every employee who may use the service,
 * and a count that moves by one would tell them that someone's HR case was filed and answered.
 * The median wall-clock minutes from created_at to first_responded_at
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
      where ${of} and first_responded_at is not null and not confidential
        and created_at >= ${since.toISOString()}::timestamptz and created_at < ${until.toISOString()}::timestamptz`),
  );
  const sampleSize = Number(row?.sample ?? 0);
  return { medianMinutes: row?.median === null || row?.median === undefined ? null : Number(row.median), sampleSize };
}
