import type { Queryable } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { runIdempotently, type Answered } from '../../platform/http/idempotency.ts';
import { findService } from '../catalog/catalog.service.ts';
import { canSeeService, mayRequest } from '../catalog/catalog.policy.ts';
import { findPersonById } from '../people/people.service.ts';
import { findRequestForHallway } from '../requests/requests.service.ts';
import type { CreateDeflectionInput, IntakeKnowledge } from './deflection.schema.ts';
import { mayReadPublishedArticle, type KnowledgeActor } from './deflection.policy.ts';
import * as store from './deflection.store.ts';
import { normalizeQuery } from '../search/search.query.ts';

// Intake deflection: what the knowledge base did for people about to file through a service.

export type DeflectionActor = KnowledgeActor & { name: string };

/** A portal search ties to a filing only if it was made this recently (the intake page is one sitting). */
const SEARCH_TIES_WITHIN_MS = 24 * 60 * 60 * 1000;

/**
 * "This solved it": the person was about to request the service and an article answered them. Logs
 * the deflection and the subject as a deflected search, and files nothing. Refused like a filing:
 * 404 for a service they may not see, 403 for one they see but may not request; 404 for an article
 * that is not published or not theirs to read (never 403, which would confirm it exists).
 */
export async function recordSolved(
  db: Queryable,
  actor: DeflectionActor,
  input: CreateDeflectionInput,
  idempotencyKey: string | undefined,
): Promise<Answered<{ id: string }>> {
  const scope = { personId: actor.personId, key: idempotencyKey, operation: 'POST /api/v1/deflections', input };
  const work = async (tx: Queryable) => {
    const service = await requireRequestableService(tx, actor, input.serviceId);
    const [article] = (await store.selectArticleFacts(tx, [input.articleId.toLowerCase()])).filter((facts) => mayReadPublishedArticle(actor, facts));
    if (!article) throw articleNotFound();
    const deflection = await store.insertDeflection(tx, {
      serviceId: service.id,
      teamId: service.teamId,
      personId: actor.personId,
      outcome: 'solved',
      articleId: article.id,
      subject: input.subject,
    });
    await store.insertSearch(tx, {
      source: 'intake',
      query: input.subject,
      normalized: normalizeQuery(input.subject),
      teamId: service.teamId,
      serviceId: service.id,
      hits: 1,
      outcome: 'deflected',
    });
    return { status: 201, body: { id: deflection.id } };
  };
  // Without a key runIdempotently runs the work as given: two writes need their own transaction.
  return runIdempotently(db, scope, (tx) => (idempotencyKey === undefined ? tx.transaction(work) : work(tx)));
}

async function requireRequestableService(db: Queryable, actor: DeflectionActor, serviceId: string) {
  const service = await findService(db, serviceId);
  const person = await findPersonById(db, actor.personId);
  const homeTeamId = person?.homeTeamId ?? null;
  if (!service || !canSeeService(actor, service, homeTeamId)) {
    throw new AppError('SERVICE_NOT_FOUND', 'No service with this id that you can see', [
      { field: 'body.serviceId', reason: 'no service you can see has this id' },
    ]);
  }
  if (!mayRequest(service, homeTeamId)) {
    throw new AppError('FORBIDDEN', `${service.name} is not a service you may request`, [
      { field: 'body.serviceId', reason: 'is retired or offered to other teams only' },
    ]);
  }
  return service;
}

const articleNotFound = () =>
  new AppError('ARTICLE_NOT_FOUND', 'No published article with this id that you can read', [
    { field: 'body.articleId', reason: 'no published article you can read has this id' },
  ]);

export interface FiledThroughService {
  serviceId: string;
  teamId: string;
  /** The key of the request just filed. */
  requestKey: string;
  subject: string;
}

/**
 * What the filer was shown before filing through a service, recorded in the filing's transaction:
 * the subject as an intake search that ended in a request (hits = the articles shown), a 'submitted'
 * deflection when they opened an article and filed anyway, and the portal search they came from
 * tied to the request. Article ids the filer may not read are ignored (see deflection.schema.ts).
 */
export async function recordFilingKnowledge(tx: Queryable, actor: DeflectionActor, filed: FiledThroughService, knowledge: IntakeKnowledge, at = new Date()): Promise<void> {
  const request = await findRequestForHallway(tx, { key: filed.requestKey });
  if (!request) throw new AppError('INTERNAL', `the request ${filed.requestKey} just filed is not there`);
  const shown = unique(knowledge.shownArticleIds);
  const opened = unique(knowledge.openedArticleIds);
  const facts = await store.selectArticleFacts(tx, unique([...shown, ...opened]));
  const readable = new Set(facts.filter((article) => mayReadPublishedArticle(actor, article)).map((article) => article.id));

  await store.insertSearch(tx, {
    source: 'intake',
    query: filed.subject,
    normalized: normalizeQuery(filed.subject),
    teamId: filed.teamId,
    serviceId: filed.serviceId,
    hits: shown.filter((id) => readable.has(id)).length,
    outcome: 'requested',
    requestId: request.id,
  });
  const firstOpened = opened.find((id) => readable.has(id));
  if (firstOpened !== undefined) {
    await store.insertDeflection(tx, {
      serviceId: filed.serviceId,
      teamId: filed.teamId,
      personId: actor.personId,
      outcome: 'submitted',
      articleId: firstOpened,
      requestId: request.id,
      subject: filed.subject,
    });
  }
  if (knowledge.searchId !== undefined) {
    await store.markSearchRequested(tx, knowledge.searchId, request.id, new Date(at.getTime() - SEARCH_TIES_WITHIN_MS));
  }
}

/** Lower-cased (ids are compared as the database writes them), first occurrence kept, order kept. */
function unique(ids: string[] | undefined): string[] {
  return [...new Set((ids ?? []).map((id) => id.toLowerCase()))];
}
