import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.ts';
import { articleFeedback, articleStats } from './knowledge.tables.ts';

// Views and "was this helpful?": the counters in article_stats and the answers behind them.

export interface ArticleStatsView {
  views: number;
  helpful: number;
  notHelpful: number;
}

const ZERO: ArticleStatsView = { views: 0, helpful: 0, notHelpful: 0 };

export async function selectStats(db: Queryable, articleIds: readonly string[]): Promise<Map<string, ArticleStatsView>> {
  const found = new Map<string, ArticleStatsView>();
  if (articleIds.length === 0) return found;
  const rows = await db
    .select({ articleId: articleStats.articleId, views: articleStats.views, helpful: articleStats.helpful, notHelpful: articleStats.notHelpful })
    .from(articleStats)
    .where(inArray(articleStats.articleId, [...articleIds]));
  for (const { articleId, ...stats } of rows) found.set(articleId, stats);
  return found;
}

export const statsOr0 = (stats: Map<string, ArticleStatsView>, articleId: string): ArticleStatsView => stats.get(articleId) ?? ZERO;

export async function countView(db: Queryable, articleId: string): Promise<void> {
  await db
    .insert(articleStats)
    .values({ articleId, views: 1, lastViewedAt: sql`now()` })
    .onConflictDoUpdate({ target: articleStats.articleId, set: { views: sql`${articleStats.views} + 1`, lastViewedAt: sql`now()` } });
}

/**
 * One person's answer, replacing their earlier one, and the counters moved by the difference in the
 * same transaction. The stats row is locked first, so answers on one article take turns and the
 * counters move exactly with the answers. (Counters move rather than being recounted so that a
 * history kept only as counts, such as the demo's, stays counted.)
 */
export async function saveFeedback(tx: Queryable, articleId: string, personId: string, helpful: boolean, comment: string | null): Promise<ArticleStatsView> {
  await tx
    .insert(articleStats)
    .values({ articleId })
    .onConflictDoUpdate({ target: articleStats.articleId, set: { articleId: sql`excluded.article_id` } });
  const previous = await selectMyFeedback(tx, articleId, personId);
  await tx
    .insert(articleFeedback)
    .values({ articleId, personId, helpful, comment })
    .onConflictDoUpdate({ target: [articleFeedback.articleId, articleFeedback.personId], set: { helpful, comment, updatedAt: sql`now()` } });
  const count = (answer: boolean | undefined, side: boolean) => (answer === side ? 1 : 0);
  const helpfulDelta = count(helpful, true) - count(previous?.helpful, true);
  const notHelpfulDelta = count(helpful, false) - count(previous?.helpful, false);
  const [stats] = await tx
    .update(articleStats)
    .set({ helpful: sql`${articleStats.helpful} + ${helpfulDelta}`, notHelpful: sql`${articleStats.notHelpful} + ${notHelpfulDelta}` })
    .where(eq(articleStats.articleId, articleId))
    .returning({ views: articleStats.views, helpful: articleStats.helpful, notHelpful: articleStats.notHelpful });
  if (!stats) throw new Error('article_stats row vanished inside its own transaction');
  return stats;
}

/** A history of views and answers kept only as counts (the demo's): set as they are. */
export async function setStats(tx: Queryable, articleId: string, stats: ArticleStatsView): Promise<void> {
  await tx
    .insert(articleStats)
    .values({ articleId, ...stats })
    .onConflictDoUpdate({ target: articleStats.articleId, set: stats });
}

export async function selectMyFeedback(db: Queryable, articleId: string, personId: string): Promise<{ helpful: boolean; comment: string | null } | null> {
  const [row] = await db
    .select({ helpful: articleFeedback.helpful, comment: articleFeedback.comment })
    .from(articleFeedback)
    .where(and(eq(articleFeedback.articleId, articleId), eq(articleFeedback.personId, personId)))
    .limit(1);
  return row ?? null;
}

/** What was said, newest first, without who said it. */
export async function selectFeedback(db: Queryable, articleId: string) {
  return db
    .select({ helpful: articleFeedback.helpful, comment: articleFeedback.comment, updatedAt: articleFeedback.updatedAt })
    .from(articleFeedback)
    .where(eq(articleFeedback.articleId, articleId))
    .orderBy(desc(articleFeedback.updatedAt), desc(articleFeedback.id))
    .limit(500);
}
