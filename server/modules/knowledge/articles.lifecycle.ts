import type { ArticleStatus } from './knowledge.tables.ts';

/**
 * The article lifecycle, as a pure plan: draft -> in_review -> published -> archived, back to draft
 * from in_review (sent back for more work) and from archived (reworked). A published article is
 * never sent back to draft: it is edited in place, stays published and gains a version, so readers
 * never lose it while it is being improved. Publishing (from draft or from review) needs a lead of
 * the team or an admin; every other move any agent of the team.
 */
const MOVES: Readonly<Record<ArticleStatus, readonly ArticleStatus[]>> = {
  draft: ['in_review', 'published'],
  in_review: ['published', 'draft'],
  published: ['archived'],
  archived: ['draft'],
};

export interface ArticleStamps {
  publishedAt?: 'now' | null;
  archivedAt?: 'now' | null;
}

export type ArticleTransitionPlan =
  | { allowed: true; to: ArticleStatus; stamps: ArticleStamps }
  | { allowed: false; problem: 'illegal' | 'forbidden'; reason: string };

export function allowedMoves(from: ArticleStatus): readonly ArticleStatus[] {
  return MOVES[from];
}

export function planArticleTransition(from: ArticleStatus, to: ArticleStatus, mayPublish: boolean): ArticleTransitionPlan {
  if (!MOVES[from].includes(to)) {
    const options = MOVES[from].join(' or ');
    const hint = from === 'published' && to === 'draft' ? '; edit the published article instead, it stays published' : '';
    return { allowed: false, problem: 'illegal', reason: `a ${from.replace('_', ' ')} article moves only to ${options}${hint}` };
  }
  if (to === 'published' && !mayPublish) return { allowed: false, problem: 'forbidden', reason: "Only a lead of the article's team or an admin publishes it" };
  if (to === 'published') return { allowed: true, to, stamps: { publishedAt: 'now', archivedAt: null } };
  if (to === 'archived') return { allowed: true, to, stamps: { archivedAt: 'now' } };
  // Back to work: no longer published or archived.
  if (to === 'draft') return { allowed: true, to, stamps: { publishedAt: null, archivedAt: null } };
  return { allowed: true, to, stamps: {} };
}
