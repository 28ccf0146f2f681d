import { isAgentOf, isLeadOf, type Actor } from '../../platform/auth/actor.ts';
import type { ArticleStatus, ArticleVisibility } from './knowledge.tables.ts';

/**
 * Who may do what with an article, as plain functions over the actor and the article's facts.
 *
 * Reading a published article follows its visibility: `everyone` (anyone signed in), `agents`
 * (members of any team), `team` (members of the owning team). An article not published (a draft,
 * one in review, one archived) is read only by the owning team's agents and admins. Whoever may not
 * read it is told it does not exist (404), never that it is forbidden.
 *
 * Writing (create, edit, submit for review, archive, attach files) is for the owning team's agents
 * and admins; publishing for the team's leads and admins. The list endpoint applies the same
 * reading rule in SQL through `articleReadScopeOf` (articles.store.ts), written over the same facts.
 */
export type ArticleActor = Pick<Actor, 'personId' | 'isAdmin' | 'memberships'>;

export interface ArticleFacts {
  teamId: string;
  status: ArticleStatus;
  visibility: ArticleVisibility;
}

export function canWriteArticles(actor: ArticleActor, teamId: string): boolean {
  return actor.isAdmin || isAgentOf(actor, teamId);
}

export function canPublishArticles(actor: ArticleActor, teamId: string): boolean {
  return actor.isAdmin || isLeadOf(actor, teamId);
}

export function canReadArticle(actor: ArticleActor, article: ArticleFacts): boolean {
  if (canWriteArticles(actor, article.teamId)) return true;
  if (article.status !== 'published') return false;
  if (article.visibility === 'everyone') return true;
  if (article.visibility === 'agents') return actor.memberships.length > 0;
  return false;
}

/** What people said about an article, without their names: for those who keep it true. */
export const canReadFeedback = (actor: ArticleActor, article: Pick<ArticleFacts, 'teamId'>): boolean => canWriteArticles(actor, article.teamId);

/** The editor's preview: anyone who writes articles for some team. */
export const canPreviewArticles = (actor: ArticleActor): boolean => actor.isAdmin || actor.memberships.length > 0;

export interface ArticleReadScope {
  /** Admins read every article in every state. */
  everything: boolean;
  /** Teams whose articles the actor reads in every state and visibility. */
  teamIds: string[];
  /** Published articles for agents (members of any team). */
  isAgent: boolean;
}

export function articleReadScopeOf(actor: ArticleActor): ArticleReadScope {
  return {
    everything: actor.isAdmin,
    teamIds: actor.memberships.map((membership) => membership.teamId),
    isAgent: actor.memberships.length > 0,
  };
}
