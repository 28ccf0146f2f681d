import type { Queryable } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as feedback from './article-feedback.store.ts';
import { canReadFeedback, type ArticleActor } from './articles.policy.ts';
import { findReadableArticle } from './articles.service.ts';

// Views and "was this helpful?". Whoever may read an article may count a view and answer; the
// answers are read back by those who keep the article true, without the names of who gave them.

export async function recordView(db: Queryable, actor: ArticleActor, slug: string): Promise<void> {
  const article = await findReadableArticle(db, actor, slug);
  await feedback.countView(db, article.id);
}

export async function giveFeedback(db: Queryable, actor: ArticleActor, slug: string, input: { helpful: boolean; comment?: string }) {
  return db.transaction(async (tx) => {
    const article = await findReadableArticle(tx, actor, slug);
    const comment = input.comment === undefined || input.comment === '' ? null : input.comment;
    const stats = await feedback.saveFeedback(tx, article.id, actor.personId, input.helpful, comment);
    return { stats, myFeedback: { helpful: input.helpful, comment } };
  });
}

export async function listFeedback(db: Queryable, actor: ArticleActor, slug: string) {
  const article = await findReadableArticle(db, actor, slug);
  if (!canReadFeedback(actor, article)) throw new AppError('FORBIDDEN', "Only agents of the article's team and admins read its feedback");
  const rows = await feedback.selectFeedback(db, article.id);
  return { items: rows.map((row) => ({ helpful: row.helpful, comment: row.comment, updatedAt: row.updatedAt.toISOString() })) };
}
