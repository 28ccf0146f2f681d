import { useQuery } from '@tanstack/react-query';
import { callApi, queryString } from '../../../api/client.ts';
import { knowledgeKeys } from './keys.ts';
import type { ContentGapsReport, DeflectionReport } from './types.ts';

// The leads' reports over a period (dates as 'YYYY-MM-DD', both days included as the server counts them).

export function useDeflectionReport(teamId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: knowledgeKeys.deflection(teamId ?? '', from, to),
    queryFn: ({ signal }) => callApi<DeflectionReport>(`/reports/deflection${queryString({ team: teamId, from, to })}`, { signal }),
    enabled: Boolean(teamId),
  });
}

export function useContentGaps(teamId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: knowledgeKeys.gaps(teamId ?? '', from, to),
    queryFn: ({ signal }) => callApi<ContentGapsReport>(`/reports/content-gaps${queryString({ team: teamId, from, to })}`, { signal }),
    enabled: Boolean(teamId),
    select: (data) => data.groups,
  });
}
