import type { Queryable } from '../../platform/db/database.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { canSeeInternal, type RequestActor } from '../requests/requests.policy.ts';
import { getRequest } from '../requests/requests.service.ts';
import { findVisibleRequest } from '../requests/visible-request.ts';
import { canReadArticle, type ArticleActor } from './articles.policy.ts';
import type { ArticleSummary, ArticleView } from './articles.schema.ts';
import { createArticle } from './articles.service.ts';
import * as store from './articles.store.ts';
import { toArticleSummaries, toArticleView } from './articles.views.ts';
import * as links from './request-articles.store.ts';
import { draftFromRequest, type DraftSource } from './request-draft.ts';

// Requests and the articles that answer them: links made by the team's agents, and a first draft
// written from a resolved request. The request is read through the requests module (its service
// and policy): whoever may not see it is told it does not exist.

type Caller = RequestActor & ArticleActor;

/** The request, if the caller is one of its team's agents: 404 when they may not see it, 403 when they only see it. */
async function requestForAgent(db: Queryable, actor: Caller, key: string) {
  const request = await findVisibleRequest(db, actor, key);
  if (!canSeeInternal(actor, request)) throw new AppError('FORBIDDEN', "Only agents of the request's team link articles to it");
  return request;
}

export async function listRequestArticles(db: Queryable, actor: Caller, key: string): Promise<{ items: ArticleSummary[] }> {
  const request = await findVisibleRequest(db, actor, key);
  const rows = await store.selectArticlesByIds(db, await links.selectLinkedArticleIds(db, request.id));
  const readable = rows.filter((row) => canReadArticle(actor, row)).sort((a, b) => a.title.localeCompare(b.title));
  return { items: await toArticleSummaries(db, readable) };
}

export async function linkArticle(db: Queryable, actor: Caller, key: string, articleId: string): Promise<ArticleSummary> {
  return db.transaction(async (tx) => {
    const request = await requestForAgent(tx, actor, key);
    const article = await store.selectArticleById(tx, articleId);
    if (!article || !canReadArticle(actor, article)) throw fieldError('body.articleId', 'no article you can read has this id', 'ARTICLE_NOT_FOUND');
    await links.insertLink(tx, request.id, article.id, actor.personId);
    const [summary] = await toArticleSummaries(tx, [article]);
    return summary!;
  });
}

export async function unlinkArticle(db: Queryable, actor: Caller, key: string, articleId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await requestForAgent(tx, actor, key);
    if (!(await links.deleteLink(tx, request.id, articleId))) throw fieldError('params.articleId', 'is not linked to this request', 'NOT_FOUND');
  });
}

/** The facts a draft is written from, read from the request as its team's agent sees it (public entries only). */
async function draftSourceOf(db: Queryable, actor: Caller, key: string): Promise<DraftSource> {
  const detail = await getRequest(db, actor, key);
  const publicEntries = detail.timeline.filter((entry) => entry.visibility === 'public');
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    subject: detail.subject,
    description: detail.description,
    requesterName: detail.requester.name,
    otherNames: [detail.assignee?.name ?? '', ...detail.timeline.map((entry) => entry.actor?.name ?? '')].filter((name) => name !== ''),
    resolutions: publicEntries.filter((entry) => entry.kind === 'status_changed' && entry.data.to === 'resolved').map((entry) => text(entry.data.reason)),
    agentReplies: publicEntries
      .filter((entry) => entry.kind === 'commented' && entry.actor !== null && entry.actor.id !== detail.requester.id)
      .map((entry) => text(entry.data.body)),
  };
}

/** A draft in the request's team from a resolved or closed request, linked to it. */
export async function draftArticleFromRequest(db: Queryable, actor: Caller, key: string): Promise<ArticleView> {
  const request = await requestForAgent(db, actor, key);
  if (request.status !== 'resolved' && request.status !== 'closed') {
    throw new AppError('REQUEST_NOT_RESOLVED', `${request.key} is ${request.status.replaceAll('_', ' ')}; resolve it first`);
  }
  const draft = draftFromRequest(await draftSourceOf(db, actor, key));
  return db.transaction(async (tx) => {
    // A confidential case (HR's, say) starts as an article for its team only: someone must decide to widen it.
    const visibility = request.confidential ? 'team' : 'everyone';
    const article = await createArticle(tx, actor, { teamId: request.teamId, title: draft.title, body: draft.body, visibility }, { sourceRequestId: request.id });
    await links.insertLink(tx, request.id, article.id, actor.personId);
    return toArticleView(tx, actor, article);
  });
}
