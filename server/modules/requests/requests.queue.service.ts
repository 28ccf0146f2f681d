import type { Queryable } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { pageFrom, type Page } from '../../platform/http/pagination.ts';
import { requireTeamBySlug } from '../people/people.service.ts';
import { changeRequest } from './request-changes.service.ts';
import { canCountQueue, readScopeOf, type RequestActor } from './requests.policy.ts';
import type { BulkChangeBody, BulkResultItem, QueueCounts } from './requests.queue.schema.ts';
import * as queueStore from './requests.queue.store.ts';
import type { ListPosition, ListRequestsQuery, RequestView } from './requests.schema.ts';
import { NameBook, toRequestView } from './requests.views.ts';
import { findVisibleRequest } from './visible-request.ts';

// The agent desk's queue: the list in either order, a team's counts, one change to many requests.

export async function listRequests(db: Queryable, actor: RequestActor, query: ListRequestsQuery): Promise<Page<RequestView>> {
  let teamId: string | undefined;
  if (query.team) {
    teamId = (await requireTeamBySlug(db, query.team, 'query.team', { cached: true })).id;
  }
  const me = actor.personId;
  const filters: queueStore.RequestFilters = {
    teamId,
    statuses: query.status,
    priorities: query.priority,
    assignee: query.assignee === undefined || query.assignee === 'none' ? query.assignee : { personId: query.assignee === 'me' ? me : query.assignee },
    requesterId: query.requester === 'me' ? me : query.requester,
    text: query.text,
    breachingSoon: query.breaching === 'soon',
  };
  const rows = await queueStore.selectRequestsPage(db, readScopeOf(actor), filters, {
    sort: query.sort,
    after: query.cursor ? afterPosition(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const page = pageFrom(rows, query.limit, (row): ListPosition =>
    query.sort === 'due' ? ['due', row.duePosition, row.createdPosition, row.id] : [row.createdPosition, row.id],
  );
  const names = new NameBook(db).knowPerson({ id: actor.personId, name: actor.name });
  return { items: await Promise.all(page.items.map((row) => toRequestView(row, names))), nextCursor: page.nextCursor };
}

function afterPosition(position: ListPosition): queueStore.ListAfter {
  // A due position has four members (see duePosition); its first is the literal 'due'.
  if (position.length === 4) {
    const [, dueAt, createdAt, id] = position;
    return { sort: 'due', dueAt, createdAt, id };
  }
  const [createdAt, id] = position;
  return { sort: 'newest', createdAt, id };
}

/** A team's queue counts, over what the caller may see of it; for its agents, its leads and admins. */
export async function countQueue(db: Queryable, actor: RequestActor, teamSlug: string): Promise<QueueCounts> {
  const team = await requireTeamBySlug(db, teamSlug, 'query.team', { cached: true });
  if (!canCountQueue(actor, team.id)) {
    throw new AppError('FORBIDDEN', `Only agents and leads of ${team.name}, and admins, see its queue`, [
      { field: 'query.team', reason: 'you are not an agent or lead of this team' },
    ]);
  }
  return { team: team.slug, ...(await queueStore.countTeamQueue(db, readScopeOf(actor), team.id)) };
}

/**
 * One change to many requests, each as PATCH /requests/{key} would make it (policy, lifecycle,
 * other modules' reactions, events) in its own transaction, so one refusal leaves the others done.
 * The row is locked first and the change is made against the version read under that lock: a bulk
 * action means "whatever it is now", and nobody can slip a change in between.
 */
export async function bulkChangeRequests(db: Queryable, actor: RequestActor, body: BulkChangeBody): Promise<{ results: BulkResultItem[] }> {
  const results: BulkResultItem[] = [];
  // One after another: each transaction holds one row lock at a time, so two bulk calls never deadlock.
  for (const key of body.keys) results.push(await changeOne(db, actor, key, body.change));
  return { results };
}

async function changeOne(db: Queryable, actor: RequestActor, key: string, change: BulkChangeBody['change']): Promise<BulkResultItem> {
  try {
    const view = await db.transaction(async (tx) => {
      const current = await findVisibleRequest(tx, actor, key, { lock: true });
      return changeRequest(tx, actor, key, { ...change, expectedVersion: current.version });
    });
    return { key, ok: true, version: view.version };
  } catch (error) {
    // Refusals are the answer for this key; anything else is a fault and fails the call.
    if (!(error instanceof AppError)) throw error;
    return { key, ok: false, status: error.status, code: error.code, detail: detailOf(error) };
  }
}

/** The refusal in the bulk body's terms: `change.assigneeId`, not PATCH's `body.assigneeId`. */
function detailOf(error: AppError): string {
  if (error.errors?.length) return error.errors.map((problem) => `${problem.field.replace(/^body\./, 'change.')}: ${problem.reason}`).join('; ');
  return error.detail ?? error.title;
}
