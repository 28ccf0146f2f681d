import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../api/client.ts';
import { adminKeys } from './keys.ts';
import type { Agreement, SlaPolicy, TargetsByPriority } from './types.ts';

// SLA policies (a team's promises) and internal agreements (one team's promise to another).

const path = encodeURIComponent;

export interface PolicyInput {
  team: string;
  name: string;
  targets: TargetsByPriority;
  warnAtPercent: number;
  escalation: { notifyLead: boolean; raisePriority: boolean };
}

export function useSavePolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: PolicyInput }) => {
      if (id === null) return callApi<SlaPolicy>('/sla-policies', { method: 'POST', body });
      // The team is fixed once a policy exists.
      const { team: _team, ...change } = body;
      return callApi<SlaPolicy>(`/sla-policies/${path(id)}`, { method: 'PATCH', body: change });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: adminKeys.slaPolicies });
    },
  });
}

export function useAgreements() {
  return useQuery({
    queryKey: adminKeys.agreements,
    queryFn: ({ signal }) => callApi<{ items: Agreement[] }>('/agreements', { signal }),
    select: (data) => data.items,
  });
}

export interface ProposalInput {
  name: string;
  providerTeam: string;
  consumerTeam: string;
  targets: TargetsByPriority;
  startsOn: string | null;
  endsOn: string | null;
}

export function useProposeAgreement() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProposalInput) => callApi<Agreement>('/agreements', { method: 'POST', body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: adminKeys.agreements });
    },
  });
}

/** Accept (a lead of the side that has not yet) or withdraw (a lead of either side, or an admin). */
export function useDecideAgreement() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'accept' | 'withdraw' }) => callApi<Agreement>(`/agreements/${path(id)}/${action}`, { method: 'POST' }),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: adminKeys.agreements });
    },
  });
}
