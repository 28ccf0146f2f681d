import { isLeadOf, type Actor } from '../../platform/auth/actor.ts';
import { canReadArticle, type ArticleFacts } from './articles.policy.ts';

export type KnowledgeActor = Pick<Actor, 'personId' | 'isAdmin' | 'memberships'>;

/**
 * May this article count as what someone read at intake? Only a published one they may read by the
 * articles' own rule: a draft the team's agent can open is not an answer anybody was shown.
 */
export function mayReadPublishedArticle(actor: KnowledgeActor, article: ArticleFacts): boolean {
  return article.status === 'published' && canReadArticle(actor, article);
}

/**
 * The deflection and content-gap reports: leads of the team and admins; the all-teams view (no
 * team named) is for admins only, since it includes searches made outside any team.
 */
export function mayReadKnowledgeReports(actor: KnowledgeActor, teamId: string | undefined): boolean {
  if (actor.isAdmin) return true;
  return teamId !== undefined && isLeadOf(actor, teamId);
}
