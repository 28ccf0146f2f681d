import { isAgentOf, isLeadOf, type Actor } from '../../platform/auth/actor.ts';
import type { ArticleVisibility } from './knowledge.tables.ts';

export type KnowledgeActor = Pick<Actor, 'personId' | 'isAdmin' | 'memberships'>;

export interface ArticleFacts {
  teamId: string;
  status: string;
  visibility: ArticleVisibility;
}

/**
 * May this person read the article as a solution? Published only, then by its visibility
 * (everyone; agents of any team; the owning team's agents). Admins read every published article.
 * Written here because articles.policy.ts has not landed; it should become a call to it when it does.
 */
export function mayReadPublishedArticle(actor: KnowledgeActor, article: ArticleFacts): boolean {
  if (article.status !== 'published') return false;
  if (actor.isAdmin || article.visibility === 'everyone') return true;
  if (article.visibility === 'agents') return actor.memberships.length > 0;
  return isAgentOf(actor, article.teamId);
}

/**
 * The deflection and content-gap reports: leads of the team and admins; the all-teams view (no
 * team named) is for admins only, since it includes searches made outside any team.
 */
export function mayReadKnowledgeReports(actor: KnowledgeActor, teamId: string | undefined): boolean {
  if (actor.isAdmin) return true;
  return teamId !== undefined && isLeadOf(actor, teamId);
}
