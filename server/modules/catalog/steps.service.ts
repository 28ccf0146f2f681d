import type { Queryable } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { appendRequestEvents } from '../requests/request-changes.service.ts';
import { canSeeInternal } from '../requests/requests.policy.ts';
import { NameBook } from '../requests/requests.views.ts';
import { findVisibleRequest } from '../requests/visible-request.ts';
import { canTickSteps, type CatalogActor } from './catalog.policy.ts';
import * as store from './catalog.store.ts';
import type { StepView } from './request-work.schema.ts';

// The standard procedure copied onto a request. It is the owning team's working checklist, so it is
// shown to the team's agents (and its ticks are internal timeline events), like internal notes.
// Someone who may not see the request gets 404 (requests.policy.ts); its requester 403.

async function toStepView(row: store.StepRow, names: NameBook): Promise<StepView> {
  return {
    position: row.position,
    title: row.title,
    description: row.description,
    done: row.doneAt !== null,
    doneAt: row.doneAt?.toISOString() ?? null,
    doneBy: row.doneBy === null ? null : await names.person(row.doneBy),
  };
}

export async function listSteps(db: Queryable, actor: CatalogActor, key: string): Promise<{ items: StepView[] }> {
  const request = await findVisibleRequest(db, actor, key);
  if (!canSeeInternal(actor, request)) throw new AppError('FORBIDDEN', "The procedure is for the team's agents");
  const names = new NameBook(db).knowPerson({ id: actor.personId, name: actor.name });
  const rows = await store.selectSteps(db, request.id);
  return { items: await Promise.all(rows.map((row) => toStepView(row, names))) };
}

/**
 * Ticks or unticks a step, with a `step_done` / `step_undone` event naming who and when. Ticking a
 * step that is already ticked changes nothing (no event), so a double click is harmless. Work does
 * not start before approval, and a closed request is final.
 */
export async function setStepDone(
  db: Queryable,
  actor: CatalogActor,
  key: string,
  position: number,
  done: boolean,
  options: { at?: Date } = {},
): Promise<StepView> {
  const names = new NameBook(db).knowPerson({ id: actor.personId, name: actor.name });
  const row = await db.transaction(async (tx) => {
    const request = await findVisibleRequest(tx, actor, key, { lock: true });
    if (!canTickSteps(actor, request)) throw new AppError('FORBIDDEN', "Only the team's agents tick procedure steps");
    if (request.status === 'closed') throw new AppError('REQUEST_CLOSED');
    if (request.status === 'pending_approval') throw new AppError('REQUEST_AWAITING_APPROVAL');
    const step = await store.selectStep(tx, request.id, position);
    if (!step) throw new AppError('STEP_NOT_FOUND', undefined, [{ field: 'params.position', reason: 'the request has no step at this position' }]);
    if ((step.doneAt !== null) === done) return step;
    const marked = await store.markStep(tx, request.id, position, done ? actor.personId : null, options.at);
    await appendRequestEvents(
      tx,
      request.id,
      [{ actorId: actor.personId, kind: done ? 'step_done' : 'step_undone', visibility: 'internal', data: { position, title: step.title } }],
      options,
    );
    return marked;
  });
  return toStepView(row, names);
}
