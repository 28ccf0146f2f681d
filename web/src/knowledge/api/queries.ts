import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callApi, callApiNoContent, queryString } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import type { ArticleSummary, ArticleView, FeedbackResult, HitType, SearchResult, SearchSource, TeamPage } from './types.ts';

// The employee side of the knowledge base: reading articles, searching, voting, and "this solved it".

export const knowledgeKeys = {
  articles: ['articles'] as const,
  publishedArticles: ['articles', 'published'] as const,
  article: (slug: string) => ['articles', 'one', slug] as const,
  search: (params: SearchParams) => ['search', params] as const,
  teamPage: (slug: string) => ['teams', slug, 'page'] as const,
};

const path = encodeURIComponent;

/** Every published article the person may read, newest change first, a page at a time. */
export function usePublishedArticles() {
  return useInfiniteQuery({
    queryKey: knowledgeKeys.publishedArticles,
    queryFn: ({ pageParam, signal }) =>
      callApi<Page<ArticleSummary>>(`/articles${queryString({ status: 'published', limit: 100, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useArticle(slug: string | null) {
  return useQuery({
    queryKey: knowledgeKeys.article(slug ?? ''),
    queryFn: ({ signal }) => callApi<ArticleView>(`/articles/${path(slug ?? '')}`, { signal }),
    enabled: slug !== null,
  });
}

/** Counts one reading of an article; the page calls it once each time it is opened. */
export function useRecordView() {
  return useMutation({
    mutationFn: (slug: string) => callApiNoContent(`/articles/${path(slug)}/views`, { method: 'POST' }),
  });
}

export function useArticleFeedback(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (feedback: { helpful: boolean; comment?: string }) =>
      callApi<FeedbackResult>(`/articles/${path(slug)}/feedback`, { method: 'PUT', body: feedback }),
    onSuccess: (result) => {
      client.setQueryData<ArticleView>(knowledgeKeys.article(slug), (article) =>
        article ? { ...article, stats: result.stats, myFeedback: result.myFeedback } : article,
      );
    },
  });
}

export interface SearchParams {
  q: string;
  source: SearchSource;
  types?: HitType[] | undefined;
  service?: string | undefined;
  limit?: number | undefined;
}

function searchPath({ q, source, types, service, limit }: SearchParams): string {
  return `/search${queryString({ q, source, types: types && types.length > 0 ? types.join(',') : undefined, service, limit })}`;
}

/**
 * A search; null params ask nothing. A portal search is logged once per question: the result is not
 * asked for again on focus or after a while, so the log counts what people asked, not re-renders.
 */
export function useSearch(params: SearchParams | null) {
  return useQuery({
    queryKey: knowledgeKeys.search(params ?? { q: '', source: 'api' }),
    queryFn: ({ signal }) => callApi<SearchResult>(searchPath(params!), { signal }),
    enabled: params !== null,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    // While the next words are searched, the last suggestions stay instead of flickering away.
    placeholderData: params?.source === 'intake' ? keepPreviousData : undefined,
  });
}

/** "This solved it": the API notes the article answered the question; no request is filed. */
export function useDeflect() {
  return useMutation({
    mutationFn: (deflection: { serviceId: string; subject: string; articleId: string }) =>
      callApi<{ id: string }>('/deflections', { method: 'POST', body: deflection }),
  });
}

export function useTeamPage(slug: string) {
  return useQuery({
    queryKey: knowledgeKeys.teamPage(slug),
    queryFn: ({ signal }) => callApi<TeamPage>(`/teams/${path(slug)}/page`, { signal }),
    staleTime: 5 * 60_000,
  });
}
