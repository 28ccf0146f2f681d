// The knowledge base's JSON as the web app reads it (the contract of issue 5: articles, search,
// intake deflection and team pages). Written by hand like web/src/api/types.ts, for the same reason:
// the server's zod schemas sit beside Node-only code.
import type { PersonRef } from '../../api/types.ts';

export type ArticleStatus = 'draft' | 'in_review' | 'published' | 'archived';
export type ArticleVisibility = 'everyone' | 'agents' | 'team';

export interface ArticleStats {
  views: number;
  helpful: number;
  notHelpful: number;
}

export interface ArticleSummary {
  id: string;
  slug: string;
  teamId: string;
  teamName: string;
  title: string;
  /** Plain text, at most 200 characters. */
  excerpt: string;
  status: ArticleStatus;
  visibility: ArticleVisibility;
  category: string | null;
  tags: string[];
  owner: PersonRef;
  reviewBy: string | null;
  stale: boolean;
  version: number;
  updatedAt: string;
  publishedAt: string | null;
  stats: ArticleStats;
}

export interface MyFeedback {
  helpful: boolean;
  comment: string | null;
}

export interface ArticleView extends ArticleSummary {
  body: string;
  /** Sanitised by the server when the article is saved (scripts, handlers and foreign frames removed). */
  bodyHtml: string;
  createdAt: string;
  createdBy: PersonRef;
  sourceRequestKey: string | null;
  myFeedback: MyFeedback | null;
  canEdit: boolean;
  canPublish: boolean;
}

export interface FeedbackResult {
  stats: ArticleStats;
  myFeedback: MyFeedback;
}

export const hitTypes = ['article', 'service', 'team', 'holiday'] as const;
export type HitType = (typeof hitTypes)[number];

export interface SearchHit {
  type: HitType;
  id: string;
  title: string;
  /** HTML whose only tags are <mark>…</mark> around matched words; everything else is escaped. */
  snippet: string;
  /** A path of this web app: /kb/<slug>, /services/<slug>, /teams/<slug or id>, /holidays. */
  link: string;
  teamId: string | null;
  teamName: string | null;
  updatedAt: string | null;
}

export interface SearchResult {
  query: string;
  /** The logged search (portal, desk and API searches); null for the intake's as-you-type searches. */
  searchId: number | null;
  total: number;
  hits: SearchHit[];
}

export type SearchSource = 'portal' | 'desk' | 'intake' | 'api';

export interface TeamPage {
  id: string;
  slug?: string | undefined;
  name: string;
  description?: string | null | undefined;
  /** From the team's calendar; absent or null when the team keeps none. */
  hours?: { timeZone: string; weekly: { weekday: number; start: string; end: string }[] } | null | undefined;
  services: { slug: string; name: string; description: string }[];
  /** SLA targets in words, e.g. "First answer within 4 working hours". */
  promises: { name: string; target: string }[];
  articles: ArticleSummary[];
}

/** What the service form tells the filing about the articles the employee was shown before filing. */
export interface KnowledgeOnFiling {
  shownArticleIds?: string[];
  openedArticleIds?: string[];
  searchId?: number;
}
