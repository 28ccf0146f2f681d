// What the knowledge base's API sends to the desk, written from the contract (issue 5): articles,
// their versions and diffs, feedback, the links between requests and articles, search hits and the
// leads' reports.

// The article and search shapes are the portal's (one definition for both sides of the contract);
// what only the writers' pages read is below.
import type { ArticleStatus, ArticleVisibility } from '../../../knowledge/api/types.ts';

export type { ArticleStats, ArticleStatus, ArticleSummary, ArticleView, ArticleVisibility, SearchHit, SearchResult } from '../../../knowledge/api/types.ts';

export const articleStatuses: readonly ArticleStatus[] = ['draft', 'in_review', 'published', 'archived'];
export const articleVisibilities: readonly ArticleVisibility[] = ['everyone', 'agents', 'team'];

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
