import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callApi, queryString } from '../../../api/client.ts';
import type { Page } from '../../../api/types.ts';
import { listQuery, type ArticleListFilters } from '../article-filters.ts';
import { knowledgeKeys } from './keys.ts';
import type { ArticleChange, ArticleDiff, ArticleFeedback, ArticleFile, ArticleStatus, ArticleSummary, ArticleVersion, ArticleView, NewArticleBody } from './types.ts';

// Articles as the team that writes them reads and changes them, one hook per endpoint.

const path = encodeURIComponent;
const PAGE_SIZE = 50;

export function useArticleList(teamId: string | undefined, filters: ArticleListFilters) {
  const query = listQuery(teamId ?? '', filters);
  return useInfiniteQuery({
    queryKey: knowledgeKeys.list(teamId ?? '', filters),
    queryFn: ({ pageParam, signal }) => callApi<Page<ArticleSummary>>(`/articles${queryString({ ...query, limit: PAGE_SIZE, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: Boolean(teamId),
    placeholderData: (previous) => previous,
  });
}

/** The published articles I own that are past their review date: asked for on their own, so they are flagged on every tab. */
export function useMineToReview(teamId: string | undefined) {
  return useQuery({
    queryKey: [...knowledgeKeys.all, 'review', teamId ?? ''],
    queryFn: ({ signal }) => callApi<Page<ArticleSummary>>(`/articles${queryString({ team: teamId, status: 'published', stale: 'true', owner: 'me', limit: PAGE_SIZE })}`, { signal }),
    enabled: Boolean(teamId),
    select: (data) => data.items,
  });
}

export function useCategories(teamId: string | undefined) {
  return useQuery({
    queryKey: knowledgeKeys.categories(teamId ?? ''),
    queryFn: ({ signal }) => callApi<{ categories: string[] }>(`/articles/categories${queryString({ team: teamId })}`, { signal }),
    enabled: Boolean(teamId),
    select: (data) => data.categories,
    staleTime: 5 * 60_000,
  });
}

export function useArticle(slug: string | undefined) {
  return useQuery({
    queryKey: knowledgeKeys.article(slug ?? ''),
    queryFn: ({ signal }) => callApi<ArticleView>(`/articles/${path(slug ?? '')}`, { signal }),
    enabled: Boolean(slug),
  });
}

export function useVersions(slug: string) {
  return useQuery({
    queryKey: knowledgeKeys.versions(slug),
    queryFn: ({ signal }) => callApi<{ items: ArticleVersion[] }>(`/articles/${path(slug)}/versions`, { signal }),
    select: (data) => data.items,
  });
}

export function useDiff(slug: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: knowledgeKeys.diff(slug, from ?? 0, to ?? 0),
    queryFn: ({ signal }) => callApi<ArticleDiff>(`/articles/${path(slug)}/diff${queryString({ from: from ?? undefined, to: to ?? undefined })}`, { signal }),
    enabled: from !== null && to !== null && from !== to,
    staleTime: Infinity, // two versions never change
  });
}

export function useFeedback(slug: string) {
  return useQuery({
    queryKey: knowledgeKeys.feedback(slug),
    queryFn: ({ signal }) => callApi<{ items: ArticleFeedback[] }>(`/articles/${path(slug)}/feedback`, { signal }),
    select: (data) => data.items,
  });
}

/** The server's rendering of a body, as saving would make it; the last one stays while the next is asked for. */
export function usePreview(body: string) {
  return useQuery({
    queryKey: knowledgeKeys.preview(body),
    queryFn: ({ signal }) => callApi<{ html: string }>('/articles/preview', { method: 'POST', body: { body }, signal }),
    select: (data) => data.html,
    enabled: body.trim() !== '',
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

export function useCreateArticle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewArticleBody) => callApi<ArticleView>('/articles', { method: 'POST', body }),
    onSuccess: async (created) => {
      client.setQueryData(knowledgeKeys.article(created.slug), created);
      await client.invalidateQueries({ queryKey: knowledgeKeys.all });
    },
  });
}

/** After a change the article's answer is the new truth; lists and its history are read again. */
function useArticleWrite<Input>(send: (input: Input) => Promise<ArticleView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (saved) => {
      client.setQueryData(knowledgeKeys.article(saved.slug), saved);
      const justSet = JSON.stringify(knowledgeKeys.article(saved.slug));
      await client.invalidateQueries({
        queryKey: knowledgeKeys.all,
        // Not the article just set from the answer, nor the previews (a body renders the same whatever changed).
        predicate: (query) => JSON.stringify(query.queryKey) !== justSet && query.queryKey[1] !== 'preview',
      });
    },
  });
}

export interface SaveArticleInput {
  slug: string;
  /** The version read: the API refuses the change (412) if someone saved meanwhile. */
  version: number;
  change: ArticleChange;
}

export function useSaveArticle() {
  return useArticleWrite(({ slug, version, change }: SaveArticleInput) =>
    callApi<ArticleView>(`/articles/${path(slug)}`, { method: 'PATCH', body: change, ifMatch: version }),
  );
}

export interface TransitionInput {
  slug: string;
  version: number;
  to: ArticleStatus;
  note?: string;
}

export function useTransition() {
  return useArticleWrite(({ slug, version, to, note }: TransitionInput) =>
    callApi<ArticleView>(`/articles/${path(slug)}/transitions`, { method: 'POST', body: note ? { to, note } : { to }, ifMatch: version }),
  );
}

export function useUploadArticleFile(slug: string) {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return callApi<ArticleFile>(`/articles/${path(slug)}/attachments`, { method: 'POST', body: form });
    },
  });
}

