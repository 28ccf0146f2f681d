import type { Queryable } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { runIdempotently, type Answered } from '../../platform/http/idempotency.ts';
import { findPersonById, requireTeamBySlug } from '../people/people.service.ts';
import { canFileFor, canSeeInternal, type RequestActor } from './requests.policy.ts';
import {
  type RequestDetailView,
  type RequestView,
} from './requests.schema.ts';
import * as store from './requests.store.ts';
import type { RequestPriority } from './requests.tables.ts';
import { NameBook, toRequestView, toTimelineEntry } from './requests.views.ts';
import { findVisibleRequest, type WriteOptions } from './visible-request.ts';
import { plainFilingConcernsReactions, reactToRequestChange } from './request-reactions.ts';
import { detailsOf } from './request-details.ts';
import type { AnswerRecord } from '../catalog/intake-form.ts';

// Creating and reading requests. Changes and comments are in request-changes.service.ts, the list,
// a queue's counts and bulk changes in requests.queue.service.ts.
export { addComment, applyHallwayChange, changeRequest, type ChangeRequestInput } from './request-changes.service.ts';
export { bulkChangeRequests, countQueue, listRequests } from './requests.queue.service.ts';
export type { WriteOptions } from './visible-request.ts';

export interface CreateRequestInput {
  /** The team's slug. */
  team: string;
  subject: string;
  description?: string;
  priority?: RequestPriority;
  confidential?: boolean;
  /** A person id: someone else than the actor, which only an agent of the team may do. */
  requester?: string;
  channel?: store.RequestChannel;
}

/** What the catalog (and workflows) add when a request is made through a service; never from a client's body. */
export interface ServiceIntake {
  serviceId: string;
  answers: AnswerRecord | null;
  /** The request of a multi-team workflow that spawns this one. */
  parentId?: string;
  /** `pending_approval` when the service needs approval first. */
  status: 'new' | 'pending_approval';
  /** Facts for the `created` event (service slug, form version ...). */
  eventData: Record<string, unknown>;
}

export interface CreateOptions extends WriteOptions {
  /** The Idempotency-Key header: a retry with the same key and input gets the first answer back. */
  idempotencyKey?: string;
  /**
   * What the client sent, when the create input is derived from it (the catalog fills in a service's
   * name and priority): the key is matched against this, so a retry after the service was renamed
   * still gets its first answer. Defaults to the create input.
   */
  idempotencyInput?: unknown;
  intake?: ServiceIntake;
}

/** The idempotency operation of a create, so a caller can look for a finished first try (findAnswered). */
export function createRequestOperation(serviceId?: string): string {
  return serviceId ? `create request through service ${serviceId}` : 'create request';
}

export const requestLocation = (key: string) => `/api/v1/requests/${key}`;

/**
 * Files a request. One statement numbers it, inserts it and records `created` (see the store);
 * with an idempotency key, that statement and the key's row share a transaction.
 */
export async function createRequest(
  db: Queryable,
  actor: RequestActor,
  input: CreateRequestInput,
  options: CreateOptions = {},
): Promise<Answered<RequestView>> {
  const team = await requireTeamBySlug(db, input.team, 'body.team', { cached: true });
  const names = new NameBook(db).knowTeam(team).knowPerson({ id: actor.personId, name: actor.name });

  const requesterId = input.requester ?? actor.personId;
  if (requesterId !== actor.personId) {
    if (!canFileFor(actor, team.id, requesterId)) {
      throw new AppError('FORBIDDEN', `Only agents of ${team.name} file requests on someone's behalf`, [
        { field: 'body.requester', reason: "only the team's agents may file for someone else" },
      ]);
    }
    const requester = await findPersonById(db, requesterId);
    if (!requester?.active) {
      throw new AppError('PERSON_NOT_FOUND', undefined, [{ field: 'body.requester', reason: 'no active person has this id' }]);
    }
    names.knowPerson(requester);
  }

  const intake = options.intake;
  const operation = createRequestOperation(intake?.serviceId);
  const scope = { personId: actor.personId, key: options.idempotencyKey, operation, input: options.idempotencyInput ?? input };
  const create = async (tx: Queryable) => {
    const priority = input.priority ?? 'normal';
    const channel = input.channel ?? 'api';
    const confidential = input.confidential ?? false;
    const row = await store.insertRequest(tx, {
      teamId: team.id,
      keyPrefix: team.keyPrefix,
      subject: input.subject,
      description: input.description ?? '',
      priority,
      channel,
      confidential,
      requesterId,
      actorId: actor.personId,
      // The starting state, so metrics can be recomputed from the timeline alone.
      createdEventData: {
        team: team.slug,
        teamId: team.id,
        requesterId,
        priority,
        channel,
        confidential,
        ...(intake ? { status: intake.status, serviceId: intake.serviceId, ...intake.eventData } : {}),
        ...(intake?.parentId ? { parentId: intake.parentId } : {}),
      },
      intake: intake ? { serviceId: intake.serviceId, answers: intake.answers, parentId: intake.parentId ?? null, status: intake.status } : undefined,
      at: options.at,
    });
    const filed = reacts ? await reactToRequestChange(tx, { before: null, after: row, events: [], actorId: actor.personId, at: row.createdAt }) : row;
    return { status: 201, body: await toRequestView(filed, names), location: requestLocation(row.key) };
  };
  // A filing through a service is reacted to in full (procedure, approvals, clocks, workflow); a plain
  // one only when a reaction may act on it (an acknowledgement from a team that sends mail, a webhook
  // listening), asked from memory before the insert. Reactions share the insert's transaction, so the
  // request exists with all of them or not at all; without any, the filing stays one statement.
  const reacts = intake !== undefined || (await plainFilingConcernsReactions(db, { teamId: team.id, channel: input.channel ?? 'api', requesterId }));
  const answer = await runIdempotently(db, scope, (tx) => (options.idempotencyKey || !reacts ? create(tx) : tx.transaction(create)));
  return answeredBeforeDueTimes(answer);
}

/**
 * A first answer stored before request views carried `dueAt`/`warnAt` (migration 0006) is replayed
 * with them as null (not known then), so a retry across the upgrade gets its answer, not a 500.
 */
export function answeredBeforeDueTimes<Answer extends { body: RequestView }>(answer: Answer): Answer {
  return { ...answer, body: { ...answer.body, dueAt: answer.body.dueAt ?? null, warnAt: answer.body.warnAt ?? null } };
}

/** The request with its timeline; internal notes only for the team's agents. */
export async function getRequest(db: Queryable, actor: RequestActor, key: string): Promise<RequestDetailView> {
  const row = await findVisibleRequest(db, actor, key);
  const events = await store.selectTimeline(db, row.id, canSeeInternal(actor, row));
  const names = new NameBook(db).knowPerson({ id: actor.personId, name: actor.name });
  const [view, details, timeline] = await Promise.all([
    toRequestView(row, names),
    detailsOf(db, actor, row),
    Promise.all(events.map((event) => toTimelineEntry(event, names))),
  ]);
  return { ...view, ...details, timeline };
}

/**
 * A request by id or key for Hallway's own rules, with no policy: an approver who may not see the
 * request they decide, a timer escalating a breach. Never hand the row to a caller unfiltered.
 */
export function findRequestForHallway(db: Queryable, by: { id: string } | { key: string }, options: { lock?: boolean } = {}) {
  return 'id' in by ? store.selectRequestById(db, by.id, options) : store.selectRequestByKey(db, by.key, options);
}

export type { FirstResponseSample } from './requests.store.ts';

/** The median wall-clock minutes to first response of requests filed in [since, until), for a service or a team. */
export function firstResponseMedian(db: Queryable, scope: { serviceId: string } | { teamId: string }, since: Date, until: Date) {
  return store.selectFirstResponseMedian(db, scope, since, until);
}
