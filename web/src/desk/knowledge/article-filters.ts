import { articleStatuses, type ArticleStatus, type ArticleSummary } from './api/types.ts';

// The team's article list as the URL holds it (?tab=&category=&tag=&q=), so a reload or a shared
// link shows the same list. Pure, tested in article-filters.test.ts.

/** A status, or "review": the published articles I own whose review date has passed. */
export type ArticleTab = ArticleStatus | 'review';

export interface ArticleListFilters {
  tab: ArticleTab;
  category: string;
  tag: string;
  text: string;
}

export const articleTabs: readonly ArticleTab[] = ['review', ...articleStatuses];
const DEFAULT_TAB: ArticleTab = 'published';

function isTab(value: string | null): value is ArticleTab {
  return value !== null && (articleTabs as readonly string[]).includes(value);
}

export function filtersFrom(search: URLSearchParams): ArticleListFilters {
  const tab = search.get('tab');
  return {
    tab: isTab(tab) ? tab : DEFAULT_TAB,
    category: search.get('category')?.trim() ?? '',
    tag: search.get('tag')?.trim() ?? '',
    text: search.get('q')?.trim() ?? '',
  };
}

export function searchFrom(filters: ArticleListFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.tab !== DEFAULT_TAB) search.set('tab', filters.tab);
  if (filters.category) search.set('category', filters.category);
  if (filters.tag) search.set('tag', filters.tag);
  if (filters.text) search.set('q', filters.text);
  return search;
}

/** What GET /articles filters on: the status (or stale + mine for "review") and the words. */
export function listQuery(teamId: string, filters: ArticleListFilters): Record<string, string | undefined> {
  const byTab = filters.tab === 'review' ? { status: 'published', stale: 'true', owner: 'me' } : { status: filters.tab };
  return { team: teamId, ...byTab, q: filters.text || undefined, category: filters.category || undefined, tag: filters.tag || undefined };
}

/**
 * Category and tag as the list endpoint filters them (case does not matter): rows kept from before a
 * filter changed are narrowed the same way while the new page loads.
 */
export function matchesLocally(article: ArticleSummary, filters: ArticleListFilters): boolean {
  const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
  if (filters.category && !(article.category !== null && same(article.category, filters.category))) return false;
  if (filters.tag && !article.tags.some((tag) => same(tag, filters.tag))) return false;
  return true;
}

/** The tags seen on the rows read, for the tag filter's suggestions, sorted and without repeats. */
export function tagsOf(articles: readonly ArticleSummary[]): string[] {
  return [...new Set(articles.flatMap((article) => article.tags))].sort((a, b) => a.localeCompare(b));
}
