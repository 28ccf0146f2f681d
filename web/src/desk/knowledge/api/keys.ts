import type { ArticleListFilters } from '../article-filters.ts';

// The knowledge pages' query keys: everything about articles starts with 'articles', so one
// invalidation after a write refreshes lists, the article and its history together. The articles
// linked to a request sit under ['request', key], so a live update about the request refreshes them.
export const knowledgeKeys = {
  all: ['articles'] as const,
  list: (teamId: string, filters: ArticleListFilters) => ['articles', 'list', teamId, filters] as const,
  categories: (teamId: string) => ['articles', 'categories', teamId] as const,
  article: (slug: string) => ['articles', 'one', slug] as const,
  versions: (slug: string) => ['articles', 'one', slug, 'versions'] as const,
  diff: (slug: string, from: number, to: number) => ['articles', 'one', slug, 'diff', from, to] as const,
  feedback: (slug: string) => ['articles', 'one', slug, 'feedback'] as const,
  preview: (body: string) => ['articles', 'preview', body] as const,
  ofRequest: (key: string) => ['request', key, 'articles'] as const,
  search: (q: string) => ['articles', 'search', q] as const,
  deflection: (teamId: string, from: string, to: string) => ['reports', 'deflection', teamId, from, to] as const,
  gaps: (teamId: string, from: string, to: string) => ['reports', 'content-gaps', teamId, from, to] as const,
};
