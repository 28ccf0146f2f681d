import { and, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.ts';
import type { ReadScope } from './requests.policy.ts';
import { requestColumns, visibleTo, type RequestRow } from './requests.store.ts';
import { requestStatuses, serviceRequests, type RequestPriority, type RequestStatus } from './requests.tables.ts';

// The queue's reads: the list in either order, and a team's counts. Same rules as requests.store.ts
// (the only SQL of this module besides that file); the read scope is always part of the WHERE.

const r = serviceRequests;

/** Microsecond-exact UTC text for a cursor: one rounded to milliseconds would skip or repeat rows. */
const exactText = (column: typeof r.createdAt | typeof r.dueAt) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export interface RequestFilters {
  teamId?: string;
  statuses?: RequestStatus[];
  priorities?: RequestPriority[];
  assignee?: { personId: string } | 'none';
  requesterId?: string;
  text?: string;
  /** Only requests at or past their warning instant (warn_at <= now). */
  breachingSoon?: boolean;
}

/** Where the previous page ended; a page starts strictly after it, in its own order. */
export type ListAfter =
  | { sort: 'newest'; createdAt: string; id: string }
  | { sort: 'due'; dueAt: string | null; createdAt: string; id: string };

export type ListedRequestRow = RequestRow & { createdPosition: string; duePosition: string | null };

const listedColumns = { ...requestColumns, createdPosition: exactText(r.createdAt), duePosition: exactText(r.dueAt) };

function filtered(scope: ReadScope, filters: RequestFilters): SQL[] {
  const conditions: SQL[] = [visibleTo(scope)];
  if (filters.teamId) conditions.push(eq(r.teamId, filters.teamId));
  if (filters.statuses) conditions.push(inArray(r.status, filters.statuses));
  if (filters.priorities) conditions.push(inArray(r.priority, filters.priorities));
  if (filters.assignee === 'none') conditions.push(isNull(r.assigneeId));
  else if (filters.assignee) conditions.push(eq(r.assigneeId, filters.assignee.personId));
  if (filters.requesterId) conditions.push(eq(r.requesterId, filters.requesterId));
  if (filters.text) conditions.push(sql`${r.searchText} @@ plainto_tsquery('simple', ${filters.text})`);
  if (filters.breachingSoon) conditions.push(sql`${r.warnAt} <= now()`);
  return conditions;
}

const beforeCreated = (after: { createdAt: string; id: string }) =>
  sql`(${r.createdAt}, ${r.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`;

/** Newest first. NULLS LAST matches the (…, created_at desc, id desc) indexes, so PostgreSQL reads one instead of sorting. */
export function newestPageQuery(db: Queryable, scope: ReadScope, filters: RequestFilters, after: { createdAt: string; id: string } | undefined, limit: number) {
  const conditions = filtered(scope, filters);
  if (after) conditions.push(beforeCreated(after));
  return db
    .select(listedColumns)
    .from(r)
    .where(and(...conditions))
    .orderBy(sql`${r.createdAt} desc nulls last`, sql`${r.id} desc nulls last`)
    .limit(limit);
}

/**
 * The requests with a running clock, earliest due first (ties newest first). `due_at >= d` is
 * redundant with the keyset condition but lets the (team_id, due_at, id) index start at the cursor
 * instead of at the queue's head: page 400 costs what page 1 does.
 */
export function clockedPageQuery(db: Queryable, scope: ReadScope, filters: RequestFilters, after: { dueAt: string; createdAt: string; id: string } | undefined, limit: number) {
  const conditions = [...filtered(scope, filters), isNotNull(r.dueAt)];
  if (after) {
    const due = sql`${after.dueAt}::timestamptz`;
    conditions.push(sql`${r.dueAt} >= ${due}`, sql`(${r.dueAt} > ${due} or ${beforeCreated(after)})`);
  }
  return db
    .select(listedColumns)
    .from(r)
    .where(and(...conditions))
    .orderBy(sql`${r.dueAt} asc`, sql`${r.createdAt} desc`, sql`${r.id} desc`)
    .limit(limit);
}

/** The requests with no running clock, newest first: they come after every clocked one. */
export function unclockedPageQuery(db: Queryable, scope: ReadScope, filters: RequestFilters, after: { createdAt: string; id: string } | undefined, limit: number) {
  const conditions = [...filtered(scope, filters), isNull(r.dueAt)];
  if (after) conditions.push(beforeCreated(after));
  return db
    .select(listedColumns)
    .from(r)
    .where(and(...conditions))
    .orderBy(sql`${r.createdAt} desc nulls last`, sql`${r.id} desc nulls last`)
    .limit(limit);
}

/**
 * One page of up to `limit` rows. Sorted by due, the clocked and the unclocked requests are two
 * queries, each in the order of an index; the second runs only on the page where the first runs out.
 * (One ORDER BY due_at NULLS LAST, created_at DESC would make PostgreSQL sort every unclocked
 * request of the queue on that page.)
 */
export async function selectRequestsPage(
  db: Queryable,
  scope: ReadScope,
  filters: RequestFilters,
  page: { after?: ListAfter; sort: 'newest' | 'due'; limit: number },
): Promise<ListedRequestRow[]> {
  const { after, limit } = page;
  if (page.sort === 'newest') return newestPageQuery(db, scope, filters, after, limit);
  const dueAfter = after?.sort === 'due' ? after : undefined;
  const pastClocked = dueAfter !== undefined && dueAfter.dueAt === null;
  const clocked = pastClocked
    ? []
    : await clockedPageQuery(db, scope, filters, dueAfter ? { dueAt: dueAfter.dueAt!, createdAt: dueAfter.createdAt, id: dueAfter.id } : undefined, limit);
  if (clocked.length >= limit) return clocked;
  const unclocked = await unclockedPageQuery(db, scope, filters, pastClocked ? dueAfter : undefined, limit - clocked.length);
  return [...clocked, ...unclocked];
}

export interface TeamQueueCounts {
  open: number;
  mine: number;
  unassigned: number;
  breachingSoon: number;
  waitingOnRequester: number;
  byStatus: Record<RequestStatus, number>;
}

/** A team's queue counted in one pass over what the scope may see of it. */
export async function countTeamQueue(db: Queryable, scope: ReadScope, teamId: string): Promise<TeamQueueCounts> {
  const open = sql`${r.status} not in ('resolved', 'closed')`;
  const counted = (condition: SQL) => sql<number>`(count(*) filter (where ${condition}))::int`;
  const byStatus = Object.fromEntries(requestStatuses.map((status) => [status, counted(sql`${r.status} = ${status}`)])) as Record<RequestStatus, SQL<number>>;
  const [row] = await db
    .select({
      open: counted(open),
      mine: counted(sql`${open} and ${r.assigneeId} = ${scope.personId}`),
      unassigned: counted(sql`${open} and ${r.assigneeId} is null`),
      breachingSoon: counted(sql`${open} and ${r.warnAt} <= now()`),
      waitingOnRequester: counted(sql`${r.status} = 'waiting_on_requester'`),
      ...byStatus,
    })
    .from(r)
    .where(and(eq(r.teamId, teamId), visibleTo(scope)));
  const { open: openCount, mine, unassigned, breachingSoon, waitingOnRequester, ...statuses } = row!;
  return { open: openCount, mine, unassigned, breachingSoon, waitingOnRequester, byStatus: statuses as Record<RequestStatus, number> };
}
