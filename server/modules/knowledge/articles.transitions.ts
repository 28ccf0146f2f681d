import type { Queryable } from '../../platform/db/database.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import type { ArticleStatus } from './knowledge.tables.ts';
import { planArticleTransition } from './articles.lifecycle.ts';
import { canPublishArticles, type ArticleActor } from './articles.policy.ts';
import type { ArticleView } from './articles.schema.ts';
import { findWritableArticle, recordVersion, versionConflict } from './articles.service.ts';
import * as store from './articles.store.ts';
import { toArticleView } from './articles.views.ts';

/**
 * Moves an article along its lifecycle (articles.lifecycle.ts): submit for review, send back,
 * publish (leads and admins), archive, rework. Each move is a version, like an edit.
 */
export async function transitionArticle(
  db: Queryable,
  actor: ArticleActor,
  slug: string,
  input: { to: ArticleStatus; note?: string },
  expectedVersion: number | undefined,
): Promise<ArticleView> {
  if (expectedVersion === undefined) throw new AppError('VERSION_REQUIRED');
  return db.transaction(async (tx) => {
    const current = await findWritableArticle(tx, actor, slug);
    if (current.version !== expectedVersion) throw versionConflict(current.version);
    const saved = await moveArticle(tx, actor, current, input.to, input.note ?? null);
    return toArticleView(tx, actor, saved);
  });
}

/** The move itself, in the caller's transaction, the row already locked and checked. */
export async function moveArticle(tx: Queryable, actor: ArticleActor, current: store.ArticleRow, to: ArticleStatus, note: string | null, options: { asSystem?: boolean } = {}) {
  const plan = planArticleTransition(current.status, to, options.asSystem === true || canPublishArticles(actor, current.teamId));
  if (!plan.allowed && plan.problem === 'forbidden') throw new AppError('FORBIDDEN', plan.reason);
  if (!plan.allowed) throw fieldError('body.to', plan.reason, 'ILLEGAL_ARTICLE_TRANSITION');
  const saved = await store.updateArticle(tx, current, current.version, { status: plan.to, ...plan.stamps });
  if (!saved) throw versionConflict(current.version);
  await recordVersion(tx, saved, actor.personId, note);
  return saved;
}
