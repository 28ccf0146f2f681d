import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callApi, callApiNoContent, queryString } from '../../../api/client.ts';
import { knowledgeKeys } from './keys.ts';
import type { ArticleSummary, ArticleView, SearchResult } from './types.ts';

// The articles an agent used on a request: listed, linked and unlinked from the request page, and a
// new draft written from a resolved request.

const path = encodeURIComponent;

export function useRequestArticles(key: string) {
  return useQuery({
    queryKey: knowledgeKeys.ofRequest(key),
    queryFn: ({ signal }) => callApi<{ items: ArticleSummary[] }>(`/requests/${path(key)}/articles`, { signal }),
    select: (data) => data.items,
  });
}

export function useLinkArticle(key: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (articleId: string) => callApi<unknown>(`/requests/${path(key)}/articles`, { method: 'POST', body: { articleId } }),
    onSettled: () => client.invalidateQueries({ queryKey: knowledgeKeys.ofRequest(key) }),
  });
}

export function useUnlinkArticle(key: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (articleId: string) => callApiNoContent(`/requests/${path(key)}/articles/${path(articleId)}`, { method: 'DELETE' }),
    onSettled: () => client.invalidateQueries({ queryKey: knowledgeKeys.ofRequest(key) }),
  });
}

/** Writes a draft from a resolved or closed request (personal data left out by the server); the request is linked to it. */
export function useArticleDraftFromRequest(key: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => callApi<ArticleView>(`/requests/${path(key)}/article-draft`, { method: 'POST' }),
    onSuccess: async (draft) => {
      client.setQueryData(knowledgeKeys.article(draft.slug), draft);
      await Promise.all([
        client.invalidateQueries({ queryKey: knowledgeKeys.ofRequest(key) }),
        client.invalidateQueries({ queryKey: knowledgeKeys.all }),
      ]);
    },
  });
}

/** Published articles the agent may read, found by words (logged as a desk search, as the contract asks). */
export function useArticleSearch(words: string) {
  const q = words.trim();
  return useQuery({
    queryKey: knowledgeKeys.search(q),
    queryFn: ({ signal }) => callApi<SearchResult>(`/search${queryString({ q, types: 'article', source: 'desk', limit: 10 })}`, { signal }),
    enabled: q.length > 0,
    select: (data) => data.hits.filter((hit) => hit.type === 'article'),
    staleTime: 30_000,
  });
}
