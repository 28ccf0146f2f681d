import type { Queryable } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { findAnswered, type Answered } from '../../platform/http/idempotency.ts';
import { findPersonById, findTeamById, type PersonRow } from '../people/people.service.ts';
import { canFileFor } from '../requests/requests.policy.ts';
import type { RequestView } from '../requests/requests.schema.ts';
import { answeredBeforeDueTimes, createRequest, createRequestOperation } from '../requests/requests.service.ts';
import type { RequestPriority } from '../requests/requests.tables.ts';
import { canSeeService, isInAudience, type CatalogActor } from './catalog.policy.ts';
import * as store from './catalog.store.ts';
import { answerRecord, validateAnswers, type AnswerContext } from './intake-form.ts';
import { answersInFormOrder } from './catalog.views.ts';
import type { IntakeView } from './request-work.schema.ts';
import { findVisibleRequest } from '../requests/visible-request.ts';
import { selectUnlinkedUploads } from '../attachments/attachments.store.ts';
import type { IntakeForm } from './intake-form.schema.ts';
import type { IntakeKnowledge } from '../knowledge/deflection.schema.ts';
import { recordFilingKnowledge } from '../knowledge/deflection.service.ts';

export interface FileThroughServiceInput {
  /** Defaults to the service's name. */
  subject?: string;
  description?: string;
  /** Defaults to the service's default priority. */
  priority?: RequestPriority;
  /** Answers to the service's current form, by field name. */
  answers?: Record<string, unknown>;
  /** A person id: on someone's behalf, which only agents of the owning team may do. */
  requester?: string;
  channel?: 'api' | 'portal' | 'email' | 'chat' | 'slack' | 'sms' | 'phone' | 'webhook';
  /** The articles the filer was shown on the intake page (knowledge/deflection.service.ts). */
  knowledge?: IntakeKnowledge;
}

export interface FileThroughServiceOptions {
  idempotencyKey?: string;
  /** The request of a multi-team workflow that spawns this one. */
  parentId?: string;
  /**
   * Hallway files it (a workflow's linked request): the service's audience is not checked, since
   * the team that designed the workflow decided who gets it. Pass the parent's requester as actor.
   */
  asWorkflow?: boolean;
  at?: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Files a request through a catalog service: checks who may use it, validates the answers against
 * the service's current form (every problem at once, at `body.answers.<field>`, nothing written),
 * stores them with the form version, and files the request with the service's team, priority,
 * confidentiality and, when it needs approval, status `pending_approval`. The catalog's reaction
 * (catalog.reaction.ts) then copies the procedure and asks for approval in the same transaction.
 *
 * Refusals: a service the caller may not see is 404, exactly as GET /services/{id} says, so its
 * existence is not confirmed to people outside its audience. A service the caller sees but may not
 * use for this requester (retired, or the requester is outside its audience: an IT agent looking at
 * an HR-only service) is 403, because they already know it exists and need to know why not.
 */
export async function fileRequestThroughService(
  db: Queryable,
  actor: CatalogActor,
  idOrSlug: string,
  input: FileThroughServiceInput,
  options: FileThroughServiceOptions = {},
): Promise<Answered<RequestView>> {
  const found = await findServiceForFiling(db, idOrSlug);
  if (!found) throw serviceNotFound(idOrSlug);
  const { service, form: formRow } = found;
  const team = await findTeamById(db, service.teamId);
  if (!team) throw new AppError('INTERNAL', `service ${service.id} has no team`);
  // A retry is matched on what the client sent (answers as sent, not as checked) and the service's
  // id: other answers or another service with the same key are refused (IDEMPOTENCY_KEY_REUSED),
  // and a service renamed or repriced since does not make a retry look like another request.
  const sent = {
    serviceId: service.id,
    subject: input.subject,
    description: input.description,
    priority: input.priority,
    requester: input.requester,
    channel: input.channel,
    answers: input.answers ?? {},
    knowledge: input.knowledge,
  };
  const createInput = {
    team: team.slug,
    subject: input.subject ?? service.name,
    description: input.description ?? '',
    priority: input.priority ?? service.defaultPriority,
    confidential: service.confidential,
    requester: input.requester,
    channel: input.channel,
    answers: input.answers ?? {},
  };
  // A retry of a request that was filed gets its first answer before any check: the form may have
  // a new version, the service may be retired or the requester out of its audience by now, and a
  // 400 or 403 would tell a client whose request exists that it does not (so it files a twin).
  const idempotency = { personId: actor.personId, key: options.idempotencyKey, operation: createRequestOperation(service.id), input: sent };
  const earlier = await findAnswered<RequestView>(db, idempotency);
  if (earlier) return answeredBeforeDueTimes(earlier);

  const actorPerson = await findPersonById(db, actor.personId);
  if (!options.asWorkflow && !canSeeService(actor, service, actorPerson?.homeTeamId ?? null)) throw serviceNotFound(idOrSlug);

  const requester = await requesterOf(db, actor, actorPerson, service.teamId, input.requester);
  if (!service.active) throw new AppError('FORBIDDEN', `${service.name} is not offered any more`);
  if (!options.asWorkflow && !isInAudience(service, requester.homeTeamId)) {
    const whose = requester.id === actor.personId ? 'you are' : 'the requester is';
    throw new AppError('FORBIDDEN', `${service.name} is offered to certain teams only, and ${whose} not in them`, [
      { field: input.requester ? 'body.requester' : 'params.idOrSlug', reason: 'is not in the audience of this service' },
    ]);
  }

  if (!formRow) throw new AppError('INTERNAL', `service ${service.id} has no form version ${service.formVersion}`);
  const form = formRow.form;
  const checked = validateAnswers(form, input.answers ?? {}, await answerContext(db, form, input.answers, requester, actor.personId, options.at));
  if (!checked.ok) {
    // Named as the body's fields, like every other body problem: `body.answers.<field>`.
    const problems = checked.problems.map((problem) => ({ ...problem, field: `body.${problem.field}` }));
    throw new AppError(
      'VALIDATION_FAILED',
      problems.map((problem) => `${problem.field}: ${problem.reason}`).join('; '),
      problems,
    );
  }

  const record = answerRecord(form, checked.answers);
  const file = (tx: Queryable) => createRequest(tx, actor, createInput, {
    idempotencyKey: options.idempotencyKey,
    idempotencyInput: sent,
    at: options.at,
    intake: {
      serviceId: service.id,
      answers: record,
      parentId: options.parentId,
      status: service.approval ? 'pending_approval' : 'new',
      eventData: {
        service: service.slug,
        formVersion: record.formVersion,
        ...(checked.dropped.length > 0 ? { droppedAnswers: checked.dropped } : {}),
      },
    },
  });
  const knowledge = input.knowledge;
  if (!knowledge) return file(db);
  // What the intake page showed is logged with the filing or not at all; a replay logs nothing again.
  return db.transaction(async (tx) => {
    const answer = await file(tx);
    if (!answer.replayed) {
      await recordFilingKnowledge(tx, actor, { serviceId: service.id, teamId: service.teamId, requestKey: answer.body.key, subject: createInput.subject }, knowledge, options.at);
    }
    return answer;
  });
}

const serviceNotFound = (idOrSlug: string) =>
  new AppError('SERVICE_NOT_FOUND', `No service ${idOrSlug.slice(0, 64)} that you can see`, [
    { field: 'params.idOrSlug', reason: 'no service you can see has this id or slug' },
  ]);

/** The service and its current form in one statement: the form is read with the service it belongs to. */
async function findServiceForFiling(db: Queryable, idOrSlug: string) {
  if (UUID.test(idOrSlug)) return store.selectServiceWithForm(db, { id: idOrSlug.toLowerCase() });
  return /^[a-z0-9][a-z0-9-]{0,62}$/.test(idOrSlug) ? store.selectServiceWithForm(db, { slug: idOrSlug }) : undefined;
}

async function requesterOf(
  db: Queryable,
  actor: CatalogActor,
  actorPerson: PersonRow | undefined,
  teamId: string,
  requesterId: string | undefined,
): Promise<PersonRow> {
  if (requesterId === undefined || requesterId === actor.personId) {
    if (!actorPerson) throw new AppError('INTERNAL', 'the caller is not in the directory');
    return actorPerson;
  }
  if (!canFileFor(actor, teamId, requesterId)) {
    throw new AppError('FORBIDDEN', "Only agents of the service's team file requests on someone's behalf", [
      { field: 'body.requester', reason: "only the team's agents may file for someone else" },
    ]);
  }
  const requester = await findPersonById(db, requesterId);
  if (!requester?.active) throw new AppError('PERSON_NOT_FOUND', undefined, [{ field: 'body.requester', reason: 'no active person has this id' }]);
  return requester;
}

/**
 * The engine's lookups are synchronous, so the people and files a form's answers name are looked up
 * first. A file answer is the id of an upload (POST /uploads) that the filer made and no request has
 * claimed yet; the filing then claims it (attachments.reaction.ts).
 */
async function answerContext(
  db: Queryable,
  form: IntakeForm,
  answers: Record<string, unknown> | undefined,
  requester: PersonRow,
  filerId: string,
  at: Date | undefined,
): Promise<AnswerContext> {
  const named = new Set<string>();
  const files = new Set<string>();
  for (const field of form.fields) {
    const raw = answers && Object.hasOwn(answers, field.name) ? answers[field.name] : undefined;
    if (typeof raw !== 'string' || !UUID.test(raw.trim())) continue;
    if (field.type === 'person') named.add(raw.trim().toLowerCase());
    if (field.type === 'file') files.add(raw.trim().toLowerCase());
  }
  const [found, uploads] = await Promise.all([
    Promise.all([...named].map((id) => findPersonById(db, id))),
    selectUnlinkedUploads(db, filerId, [...files]),
  ]);
  const active = new Set(found.filter((person) => person?.active).map((person) => person!.id));
  const usable = new Set(uploads.map((upload) => upload.id));
  return {
    today: dayIn(requester.timeZone, at ?? new Date()),
    personExists: (id) => active.has(id),
    fileExists: (id) => usable.has(id.toLowerCase()),
  };
}

/** The requester's calendar day in their own zone: "not before today" means their today. */
export function dayIn(timeZone: string, at: Date): string {
  try {
    return dayFormatIn(timeZone).format(at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
}

// A formatter costs more to build than to use (it was a visible share of a filing's CPU): one per
// zone, kept. Only zones Intl accepts are kept (a bad one throws first); spellings of them are
// bounded all the same.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormatIn(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    if (dayFormats.size >= 1000) dayFormats.clear();
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** The answers a request was filed with, as they read then (the form may have changed since). */
export async function getRequestIntake(db: Queryable, actor: CatalogActor, key: string): Promise<IntakeView> {
  const request = await findVisibleRequest(db, actor, key);
  const service = request.serviceId === null ? undefined : await store.selectServiceById(db, request.serviceId);
  const shown = await answersInFormOrder(db, request.serviceId, request.answers);
  return {
    service: service ? { id: service.id, slug: service.slug, name: service.name } : null,
    formVersion: shown?.formVersion ?? null,
    answers: shown?.answers ?? [],
    values: shown?.values ?? {},
  };
}
