import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../api/client.ts';
import { queryKeys } from '../../api/queries.ts';
import { adminKeys } from './keys.ts';
import type { ManagedService, ServiceBody, SlaPolicy, Team } from './types.ts';

// Services as those who run the catalog see them: every one they manage, inactive ones included.

const path = encodeURIComponent;

export function useManagedServices() {
  return useQuery({
    queryKey: adminKeys.services,
    queryFn: ({ signal }) => callApi<{ items: ManagedService[] }>('/services?include=inactive', { signal }),
    select: (data) => data.items,
  });
}

export function useManagedService(id: string | undefined) {
  return useQuery({
    queryKey: adminKeys.service(id ?? ''),
    queryFn: ({ signal }) => callApi<ManagedService>(`/services/${path(id ?? '')}`, { signal }),
    enabled: id !== undefined,
  });
}

export function useTeams() {
  return useQuery({
    queryKey: adminKeys.teams,
    queryFn: ({ signal }) => callApi<{ items: Team[] }>('/teams', { signal }),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

export function useSlaPolicies() {
  return useQuery({
    queryKey: adminKeys.slaPolicies,
    queryFn: ({ signal }) => callApi<{ items: SlaPolicy[] }>('/sla-policies', { signal }),
    select: (data) => data.items,
  });
}

export type SaveServiceInput = { id?: undefined; body: ServiceBody } | { id: string; version: number; body: Partial<ServiceBody> };

/** Creates or changes a service; the portal's catalog and the console's lists read it again. */
export function useSaveService() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveServiceInput) =>
      input.id === undefined
        ? callApi<ManagedService>('/services', { method: 'POST', body: input.body })
        : // The version read goes in the body (the API also takes If-Match): a change made meanwhile is refused, not overwritten.
          callApi<ManagedService>(`/services/${path(input.id)}`, { method: 'PATCH', body: { ...input.body, version: input.version } }),
    onSuccess: async (saved) => {
      client.setQueryData(adminKeys.service(saved.id), saved);
      await Promise.all([
        client.invalidateQueries({ queryKey: adminKeys.services }),
        client.invalidateQueries({ queryKey: queryKeys.services }),
      ]);
    },
  });
}
