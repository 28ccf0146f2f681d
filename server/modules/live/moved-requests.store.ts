import { sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../../platform/db/database.ts';
import type { RequestAnnouncement } from './request-announcement.ts';

/**
 * One timeline event a poll read, with its request's facts as they are now; `internal` and
 * `fromTeamId` (the team a handoff left) are this event's own.
 */
export interface PolledEvent extends Omit<RequestAnnouncement, 'id' | 'last'> {
  eventId: number;
  /** The transaction that wrote it (xid8: 64 bits). */
  tx: bigint;
  requestId: string;
}

export interface PolledEvents {
  events: PolledEvent[];
  /**
   * The oldest transaction still running when this read's snapshot was taken: every transaction
   * before it had finished, so its events (if it committed) were visible to this read.
   */
  horizon: bigint;
}

interface EventRow extends Record<string, unknown> {
  horizon: string;
  id: string | number | null;
  tx: string | null;
  request_id: string;
  key: string;
  team_id: string;
  requester_id: string;
  assignee_id: string | null;
  confidential: boolean;
  internal: boolean;
  from_team_id: string | null;
}

/**
 * The events of transactions from `since` on that have committed, and the horizon to read from next
 * time, in one statement and therefore one snapshot (which is what makes the horizon safe to move
 * the cursor to). Events of transactions at or after the new horizon that were already visible come
 * back again next time: the caller drops the ones it has seen. Without `since`, from the horizon
 * itself: what a first read must remember as already there.
 */
export async function eventsSince(db: Queryable, since: bigint | undefined): Promise<PolledEvents> {
  const rows = rowsOf<EventRow>(
    await db.execute(sql`
      select h.horizon::text as horizon, e.id, e.tx::text as tx, e.request_id, r.key, r.team_id,
             r.requester_id, r.assignee_id, r.confidential, e.visibility = 'internal' as internal,
             case when e.kind = 'handoff' then e.data ->> 'fromTeamId' end as from_team_id
        from (select pg_snapshot_xmin(pg_current_snapshot()) as horizon) as h
        left join (request_events as e join requests as r on r.id = e.request_id)
          on e.tx >= coalesce(${since?.toString() ?? null}::xid8, h.horizon)
       order by e.id`),
  );
  const horizon = BigInt(rows[0]!.horizon);
  const events: PolledEvent[] = [];
  for (const row of rows) {
    if (row.id === null || row.tx === null) continue;
    events.push({
      eventId: Number(row.id),
      tx: BigInt(row.tx),
      requestId: row.request_id,
      key: row.key,
      teamId: row.team_id,
      requesterId: row.requester_id,
      assigneeId: row.assignee_id,
      confidential: row.confidential,
      internal: row.internal,
      fromTeamId: row.from_team_id,
    });
  }
  return { events, horizon };
}
