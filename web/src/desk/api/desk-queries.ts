import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { callApi, queryString } from '../../api/client.ts';
import type { Page, Priority, RequestStatus, RequestSummary, TimelineEntry } from '../../api/types.ts';
import { listQuery, type QueueFilters } from '../queue/queue-filters.ts';
import { deskKeys } from './desk-keys.ts';
import type { Approval, BulkChange, DeskRequestDetail, BulkResult, ProcedureStep, QueueCounts, QueueRequest, TeamDetail, TeamInfo, WorkflowProgress } from './types.ts';

// The desk's reads and writes over the public API, one hook each.

const path = encodeURIComponent;

/** The API's largest page: fewer round trips when an agent scrolls through thousands. */
export const QUEUE_PAGE_SIZE = 100;

export function useQueue(team: string, filters: QueueFilters) {
  const { layout: _layout, ...keyed } = filters;
  return useInfiniteQuery({
    queryKey: deskKeys.queue(team, keyed),
    queryFn: ({ pageParam, signal }) =>
      callApi<Page<QueueRequest>>(`/requests${queryString({ ...listQuery(team, filters), limit: QUEUE_PAGE_SIZE, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // Switching filters keeps the old rows on screen until the new ones arrive, instead of a blank list.
    placeholderData: (previous) => previous,
  });
}

export function useQueueCounts(team: string) {
  return useQuery({
    queryKey: deskKeys.counts(team),
    queryFn: ({ signal }) => callApi<QueueCounts>(`/requests/counts${queryString({ team })}`, { signal }),
  });
}

export function useTeams() {
  return useQuery({
    queryKey: deskKeys.teams,
    queryFn: ({ signal }) => callApi<{ items: TeamInfo[] }>('/teams', { signal }),
    select: (data) => data.items,
    staleTime: 10 * 60_000,
  });
}

/** A team and its members, for "assign to": agents and leads may be assigned. */
export function useTeam(slug: string | undefined) {
  return useQuery({
    queryKey: deskKeys.team(slug ?? ''),
    queryFn: ({ signal }) => callApi<TeamDetail>(`/teams/${path(slug ?? '')}`, { signal }),
    enabled: slug !== undefined && slug !== '',
    staleTime: 5 * 60_000,
  });
}

export function useDeskRequest(key: string) {
  return useQuery({
    queryKey: deskKeys.request(key),
    queryFn: ({ signal }) => callApi<DeskRequestDetail>(`/requests/${path(key)}`, { signal }),
  });
}

export function useSteps(key: string) {
  return useQuery({
    queryKey: deskKeys.steps(key),
    queryFn: ({ signal }) => callApi<{ items: ProcedureStep[] }>(`/requests/${path(key)}/steps`, { signal }),
    select: (data) => data.items,
  });
}

export function useApprovals(key: string) {
  return useQuery({
    queryKey: deskKeys.approvals(key),
    queryFn: ({ signal }) => callApi<{ items: Approval[] }>(`/requests/${path(key)}/approvals`, { signal }),
    select: (data) => data.items,
  });
}

export function useWorkflow(key: string) {
  return useQuery({
    queryKey: deskKeys.workflow(key),
    queryFn: ({ signal }) => callApi<WorkflowProgress>(`/requests/${path(key)}/workflow`, { signal }),
  });
}

/** After a write: the request's own queries and every list that may show it. */
async function refreshAfterChange(client: QueryClient, key: string): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: deskKeys.request(key) }),
    client.invalidateQueries({ queryKey: ['requests'] }),
  ]);
}

export interface RequestChangeInput {
  key: string;
  /** The version read: the API refuses the change (412) if someone changed the request since. */
  version: number;
  status?: RequestStatus;
  priority?: Priority;
  assigneeId?: string | null;
  team?: string;
  reason?: string;
}

export function useChangeRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, ...change }: RequestChangeInput) => callApi<RequestSummary>(`/requests/${path(key)}`, { method: 'PATCH', body: change }),
    onSettled: (_data, _error, input) => refreshAfterChange(client, input.key),
  });
}

export interface HandOffInput {
  key: string;
  version: number;
  team: string;
  reason: string;
}

/**
 * Hands a request to another team. Only the lists are refreshed: the request itself may now be out
 * of the caller's sight (an agent of the old team only), and asking for it again would answer 404.
 */
export function useHandOff() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, ...change }: HandOffInput) => callApi<RequestSummary>(`/requests/${path(key)}`, { method: 'PATCH', body: change }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['requests'] }),
  });
}

export interface CommentInput {
  key: string;
  body: string;
  visibility: 'public' | 'internal';
}

export function useAddComment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, body, visibility }: CommentInput) =>
      callApi<{ event: TimelineEntry; request: RequestSummary }>(`/requests/${path(key)}/comments`, { method: 'POST', body: { body, visibility } }),
    onSuccess: (_data, input) => refreshAfterChange(client, input.key),
  });
}

export function useTickStep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, position, done }: { key: string; position: number; done: boolean }) =>
      callApi<ProcedureStep>(`/requests/${path(key)}/steps/${position}`, { method: 'PATCH', body: { done } }),
    onSettled: (_data, _error, input) => refreshAfterChange(client, input.key),
  });
}

export function useBulkChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ keys, change }: { keys: string[]; change: BulkChange }) =>
      callApi<{ results: BulkResult[] }>('/requests/bulk', { method: 'POST', body: { keys, change } }),
    onSettled: async (_data, _error, input) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['requests'] }),
        ...input.keys.map((key) => client.invalidateQueries({ queryKey: deskKeys.request(key) })),
      ]);
    },
  });
}
