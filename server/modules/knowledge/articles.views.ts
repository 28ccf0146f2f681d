import type { Queryable } from '../../platform/db/database.ts';
import { findRequestForHallway } from '../requests/requests.service.ts';
import { NameBook } from '../requests/requests.views.ts';
import { selectMyFeedback, selectStats, statsOr0, type ArticleStatsView } from './article-feedback.store.ts';
import { canPublishArticles, canWriteArticles, type ArticleActor } from './articles.policy.ts';
import type { ArticleSummary, ArticleView } from './articles.schema.ts';
import type { ArticleRow } from './articles.store.ts';
import { excerptOf } from './markdown.ts';

// Shaping articles for the API. Names of teams and people come through the people service (NameBook).

const iso = (at: Date | null) => (at === null ? null : at.toISOString());

/** Today's date in UTC, as the review-by dates are compared (a date has no zone of its own). */
export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);

export const isStale = (row: Pick<ArticleRow, 'status' | 'reviewBy'>, today = todayUtc()): boolean =>
  row.status === 'published' && row.reviewBy !== null && row.reviewBy < today;

export async function toArticleSummary(row: ArticleRow, names: NameBook, stats: ArticleStatsView): Promise<ArticleSummary> {
  const [team, owner] = await Promise.all([names.team(row.teamId), names.person(row.ownerId)]);
  return {
    id: row.id,
    slug: row.slug,
    teamId: row.teamId,
    teamName: team.name,
    title: row.title,
    excerpt: excerptOf(row.body),
    status: row.status,
    visibility: row.visibility,
    category: row.category,
    tags: row.tags,
    owner,
    reviewBy: row.reviewBy,
    stale: isStale(row),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: iso(row.publishedAt),
    stats,
  };
}

/** Summaries of many rows with one read of their counters. */
export async function toArticleSummaries(db: Queryable, rows: readonly ArticleRow[], names = new NameBook(db)): Promise<ArticleSummary[]> {
  const stats = await selectStats(db, rows.map((row) => row.id));
  return Promise.all(rows.map((row) => toArticleSummary(row, names, statsOr0(stats, row.id))));
}

export async function toArticleView(db: Queryable, actor: ArticleActor, row: ArticleRow): Promise<ArticleView> {
  const names = new NameBook(db);
  const [stats, myFeedback, createdBy, source] = await Promise.all([
    selectStats(db, [row.id]),
    selectMyFeedback(db, row.id, actor.personId),
    names.person(row.createdBy),
    row.sourceRequestId ? findRequestForHallway(db, { id: row.sourceRequestId }) : undefined,
  ]);
  const summary = await toArticleSummary(row, names, statsOr0(stats, row.id));
  return {
    ...summary,
    body: row.body,
    bodyHtml: row.bodyHtml,
    createdAt: row.createdAt.toISOString(),
    createdBy,
    sourceRequestKey: source?.key ?? null,
    myFeedback,
    canEdit: canWriteArticles(actor, row.teamId),
    canPublish: canPublishArticles(actor, row.teamId),
  };
}
