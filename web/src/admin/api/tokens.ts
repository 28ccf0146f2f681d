import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callApi, callApiNoContent } from '../../api/client.ts';
import { adminKeys } from './keys.ts';
import type { ApiToken, IssuedToken, TokenScope } from './types.ts';

// The caller's own API tokens: the secret comes back once, at creation, and never again.

export function useTokens() {
  return useQuery({
    queryKey: adminKeys.tokens,
    queryFn: ({ signal }) => callApi<{ items: ApiToken[] }>('/me/tokens', { signal }),
    select: (data) => data.items,
  });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; scopes: TokenScope[] }) => callApi<IssuedToken>('/me/tokens', { method: 'POST', body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: adminKeys.tokens });
    },
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => callApiNoContent(`/me/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: adminKeys.tokens });
    },
  });
}
