import { sql } from 'drizzle-orm';
import type { Database } from '../server/platform/db/database.ts';

// A team's queue of many requests in one INSERT (the API would take minutes for 10,000): for the
// queue benchmark (bench/queue.ts) and the test that holds the due sort to its index
// (server/modules/requests/requests.queue-plan.test.ts). No timeline events and no SLA clock rows:
// due_at/warn_at are written directly, as migration 0006's trigger would have kept them.

export interface SyntheticQueue {
  teamId: string;
  keyPrefix: string;
  /** Requesters take turns. */
  requesterIds: string[];
  /** Every third request is unassigned; the others take turns among these. */
  assigneeIds: string[];
  count: number;
  /** The oldest request's filing instant; one more every minute after it. */
  firstFiledAt: Date;
  /** Numbers start after this (keys must stay unique if the team already has requests). */
  numberedAfter?: number;
}

/**
 * Spread like a real queue: mostly open, a tenth resolved or closed; four in five open requests have
 * a running clock, due over the following week in an order unrelated to when they were filed, and
 * warned 20% of the way before; the waiting ones have none (their clocks pause); every fiftieth is
 * confidential.
 */
export async function insertSyntheticQueue(database: Database, queue: SyntheticQueue): Promise<void> {
  const after = queue.numberedAfter ?? 0;
  // Drizzle spreads a JS array into a parameter list, so the arrays are spelled out.
  const uuids = (ids: string[]) => sql`array[${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}]`;
  await database.rows(sql`
    with spread as (
      select g, ${after}::int + g as number,
             (array['new','acknowledged','in_progress','in_progress','waiting_on_requester','new','in_progress','acknowledged','new','resolved',
                    'new','in_progress','acknowledged','in_progress','waiting_on_requester','new','in_progress','new','in_progress','closed'])[1 + g % 20] as status,
             ${queue.firstFiledAt.toISOString()}::timestamptz + g * interval '1 minute' as filed
      from generate_series(1, ${queue.count}::int) as g
    ), clocked as (
      select spread.*,
             case when status in ('new', 'acknowledged', 'in_progress') and g % 5 <> 0
                  then filed + ((g * 7919) % 10080) * interval '1 minute' end as due
      from spread
    )
    insert into requests (key, team_id, number, subject, description, status, priority, confidential,
                          requester_id, assignee_id, created_at, updated_at, due_at, warn_at)
    select ${queue.keyPrefix} || '-' || number, ${queue.teamId}::uuid, number, 'Synthetic request ' || number, 'Made for the queue benchmark',
           status, (array['low','normal','normal','high','urgent'])[1 + g % 5], g % 50 = 0,
           (${uuids(queue.requesterIds)})[1 + g % ${queue.requesterIds.length}::int],
           case when g % 3 = 0 then null else (${uuids(queue.assigneeIds)})[1 + g % ${queue.assigneeIds.length}::int] end,
           filed, filed, due, due - (due - filed) * 0.2
    from clocked`);
  await database.rows(sql`analyze requests`);
}
