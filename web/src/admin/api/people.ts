import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callApi, callApiNoContent, queryString } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { adminKeys } from './keys.ts';
import type { DirectoryPerson, DirectoryPersonDetail, ImportSummary, PersonBody, TeamBody, TeamDetail } from './types.ts';

// The directory and the teams, as admins (people, teams) and leads (their team's members) change them.

const path = encodeURIComponent;

export function useDirectory(search: string, includeInactive: boolean) {
  return useInfiniteQuery({
    queryKey: adminKeys.people(search, includeInactive),
    queryFn: ({ pageParam, signal }) =>
      callApi<Page<DirectoryPerson>>(`/people${queryString({ q: search || undefined, includeInactive: String(includeInactive), limit: 50, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useDirectoryPerson(id: string | null) {
  return useQuery({
    queryKey: adminKeys.person(id ?? ''),
    queryFn: ({ signal }) => callApi<DirectoryPersonDetail>(`/people/${path(id ?? '')}`, { signal }),
    enabled: id !== null,
  });
}

export function useSavePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: PersonBody }) =>
      id === null
        ? callApi<DirectoryPersonDetail>('/people', { method: 'POST', body })
        : callApi<DirectoryPersonDetail>(`/people/${path(id)}`, { method: 'PATCH', body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['admin', 'people'] });
      await client.invalidateQueries({ queryKey: ['people'] });
    },
  });
}

/** The whole file in one call: with errors nothing is imported (unless skipInvalid), and the API lists every bad line. */
export function useImportPeople() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ csv, skipInvalid }: { csv: string; skipInvalid: boolean }) =>
      callApi<ImportSummary>(`/people/import${queryString({ skipInvalid: skipInvalid ? 'true' : undefined })}`, {
        method: 'POST',
        body: new Blob([csv], { type: 'text/csv' }),
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['admin', 'people'] });
      await client.invalidateQueries({ queryKey: adminKeys.teams });
    },
  });
}

export function useTeamDetail(slug: string) {
  return useQuery({
    queryKey: adminKeys.team(slug),
    queryFn: ({ signal }) => callApi<TeamDetail>(`/teams/${path(slug)}`, { signal }),
  });
}

export function useSaveTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ slug, body }: { slug: string | null; body: TeamBody }) =>
      slug === null ? callApi<TeamDetail>('/teams', { method: 'POST', body }) : callApi<TeamDetail>(`/teams/${path(slug)}`, { method: 'PATCH', body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: adminKeys.teams });
    },
  });
}

export function useSetMembership(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, role }: { personId: string; role: 'agent' | 'lead' }) =>
      callApi<unknown>(`/teams/${path(slug)}/members/${path(personId)}`, { method: 'PUT', body: { role } }),
    // A person's card lists their teams, so it is read again too.
    onSettled: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: adminKeys.team(slug) }), client.invalidateQueries({ queryKey: ['admin', 'people'] })]);
    },
  });
}

export function useRemoveMember(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (personId: string) => callApiNoContent(`/teams/${path(slug)}/members/${path(personId)}`, { method: 'DELETE' }),
    // A person's card lists their teams, so it is read again too.
    onSettled: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: adminKeys.team(slug) }), client.invalidateQueries({ queryKey: ['admin', 'people'] })]);
    },
  });
}
