// What the knowledge base's API sends to the desk, written from the contract (issue 5): articles,
// their versions and diffs, feedback, the links between requests and articles, search hits and the
// leads' reports. Kept beside the desk's knowledge pages, so the portal's reader does not load them.

export type ArticleStatus = 'draft' | 'in_review' | 'published' | 'archived';
export type ArticleVisibility = 'everyone' | 'agents' | 'team';

export const articleStatuses: readonly ArticleStatus[] = ['draft', 'in_review', 'published', 'archived'];
export const articleVisibilities: readonly ArticleVisibility[] = ['everyone', 'agents', 'team'];

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
  owner: { id: string; name: string };
  /** 'YYYY-MM-DD' */
  reviewBy: string | null;
  /** Published and past its review date. */
  stale: boolean;
  version: number;
  updatedAt: string;
  publishedAt: string | null;
  stats: ArticleStats;
}

export interface ArticleView extends ArticleSummary {
  /** Markdown. */
  body: string;
  /** Sanitised by the server; safe to put in the page as it is. */
  bodyHtml: string;
  createdAt: string;
  createdBy: { id: string; name: string };
  sourceRequestKey: string | null;
  myFeedback: { helpful: boolean; comment: string | null } | null;
  canEdit: boolean;
  canPublish: boolean;
}

/** POST /articles */
export interface NewArticleBody {
  teamId: string;
  title: string;
  body: string;
  visibility?: ArticleVisibility;
  category?: string | null;
  tags?: string[];
  ownerId?: string;
  reviewBy?: string | null;
}

/** PATCH /articles/{slug}: only what changed, and why. */
export interface ArticleChange {
  title?: string;
  body?: string;
  visibility?: ArticleVisibility;
  category?: string | null;
  tags?: string[];
  ownerId?: string;
  reviewBy?: string | null;
  note?: string;
}

export interface ArticleVersion {
  version: number;
  title: string;
  status: ArticleStatus;
  editedBy: { id: string; name: string };
  editedAt: string;
  note: string | null;
}

export type DiffKind = 'equal' | 'added' | 'removed';

export interface ArticleDiff {
  from: number;
  to: number;
  title: { before: string; after: string };
  /** Consecutive lines of one kind are joined into one change (with newlines). */
  changes: { kind: DiffKind; text: string }[];
}

export interface ArticleFeedback {
  helpful: boolean;
  comment: string | null;
  updatedAt: string;
}

export interface ArticleFile {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  url: string;
}

export interface SearchHit {
  type: 'article' | 'service' | 'team' | 'holiday';
  id: string;
  title: string;
  /** HTML whose only tags are <mark>…</mark>; everything else is escaped by the server. */
  snippet: string;
  link: string;
  teamId: string | null;
  teamName: string | null;
  updatedAt: string | null;
}

export interface SearchResult {
  query: string;
  searchId: number | null;
  total: number;
  hits: SearchHit[];
}

export interface DeflectionRow {
  solved: number;
  submittedAfterReading: number;
  filed: number;
  /** solved / (solved + filed); null when both are 0. */
  rate: number | null;
}

export interface DeflectionReport {
  from: string;
  to: string;
  teams: (DeflectionRow & { teamId: string; teamName: string })[];
  services: (DeflectionRow & { serviceId: string; serviceName: string; teamId: string })[];
}

export interface ContentGapGroup {
  wording: string;
  searches: number;
  noResults: number;
  requestedAnyway: number;
  lastSearchedAt: string;
  examples: { query: string; count: number }[];
}

export interface ContentGapsReport {
  groups: ContentGapGroup[];
}
