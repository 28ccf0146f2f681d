import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callApi, callApiNoContent, queryString } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import type { Connection, ConnectionBody, Delivery, InboundHook, InboundHookBody, InboundMessage, InboundStatus, OutboundStatus, OutboxPage, TeamMail, TeamMailBody, Webhook, WebhookBody } from './channel-types.ts';

// The channels' admin APIs: a team's mail settings and chat-app connections, the inbound mail kept
// for review, the outbox, and outgoing webhooks with their deliveries. Admins only, server-side.

const path = encodeURIComponent;
export const channelKeys = {
  teamMail: (slug: string) => ['admin', 'channels', 'mail', slug] as const,
  connections: (slug: string) => ['admin', 'channels', 'connections', slug] as const,
  inbound: (status: InboundStatus) => ['admin', 'channels', 'inbound', status] as const,
  outbox: (status: OutboundStatus | 'all') => ['admin', 'channels', 'outbox', status] as const,
  webhooks: ['admin', 'channels', 'webhooks'] as const,
  inboundHooks: ['admin', 'channels', 'inbound-hooks'] as const,
  deliveries: (webhookId: string) => ['admin', 'channels', 'deliveries', webhookId] as const,
};

/** A team without mail settings answers 404; the console shows an empty form for it. */
export function useTeamMail(slug: string) {
  return useQuery({
    queryKey: channelKeys.teamMail(slug),
    queryFn: ({ signal }) =>
      callApi<TeamMail>(`/admin/teams/${path(slug)}/mail`, { signal }).catch((error: unknown) => {
        if (error instanceof ApiError && error.problem.code === 'NOT_FOUND') return null;
        throw error;
      }),
  });
}

export function useSaveTeamMail(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TeamMailBody) => callApi<TeamMail>(`/admin/teams/${path(slug)}/mail`, { method: 'PUT', body }),
    onSuccess: (saved) => client.setQueryData(channelKeys.teamMail(slug), saved),
  });
}

export function useConnections(slug: string) {
  return useQuery({
    queryKey: channelKeys.connections(slug),
    queryFn: ({ signal }) => callApi<{ items: Connection[] }>(`/admin/teams/${path(slug)}/connections`, { signal }),
    select: (data) => data.items,
  });
}

export function useCreateConnection(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ConnectionBody) => callApi<Connection>(`/admin/teams/${path(slug)}/connections`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: channelKeys.connections(slug) }),
  });
}

export function useSetConnectionEnabled(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) => callApi<Connection>(`/admin/connections/${path(id)}`, { method: 'PATCH', body: { enabled } }),
    onSettled: () => client.invalidateQueries({ queryKey: channelKeys.connections(slug) }),
  });
}

export function useInboundMail(status: InboundStatus) {
  return useQuery({
    queryKey: channelKeys.inbound(status),
    queryFn: ({ signal }) => callApi<{ items: InboundMessage[] }>(`/admin/inbound-mail${queryString({ status, limit: 100 })}`, { signal }),
    select: (data) => data.items,
  });
}

export function useReprocessInbound() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => callApiNoContent(`/admin/inbound-mail/${path(id)}/reprocess`, { method: 'POST' }),
    onSettled: () => client.invalidateQueries({ queryKey: ['admin', 'channels', 'inbound'] }),
  });
}

export function useOutbox(status: OutboundStatus | 'all') {
  return useQuery({
    queryKey: channelKeys.outbox(status),
    queryFn: ({ signal }) => callApi<OutboxPage>(`/admin/outbox${queryString({ status: status === 'all' ? undefined : status, limit: 100 })}`, { signal }),
  });
}

export function useRetryOutbound() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => callApi<unknown>(`/admin/outbox/${path(id)}/retry`, { method: 'POST' }),
    onSettled: () => client.invalidateQueries({ queryKey: ['admin', 'channels', 'outbox'] }),
  });
}

export function useWebhooks() {
  return useQuery({
    queryKey: channelKeys.webhooks,
    queryFn: ({ signal }) => callApi<{ items: Webhook[] }>('/admin/webhooks', { signal }),
    select: (data) => data.items,
  });
}

/** The answer carries the signing secret, this once. */
export function useCreateWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookBody) => callApi<Webhook & { secret: string }>('/admin/webhooks', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: channelKeys.webhooks }),
  });
}

export function useDeliveries(webhookId: string | null) {
  return useQuery({
    queryKey: channelKeys.deliveries(webhookId ?? ''),
    queryFn: ({ signal }) => callApi<{ items: Delivery[] }>(`/admin/webhooks/${path(webhookId ?? '')}/deliveries`, { signal }),
    select: (data) => data.items,
    enabled: webhookId !== null,
  });
}

export function useRedeliver(webhookId: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => callApi<{ deliveryId: string }>(`/admin/deliveries/${path(deliveryId)}/redeliver`, { method: 'POST' }),
    onSettled: () => client.invalidateQueries({ queryKey: channelKeys.deliveries(webhookId ?? '') }),
  });
}

export function useInboundHooks() {
  return useQuery({
    queryKey: channelKeys.inboundHooks,
    queryFn: ({ signal }) => callApi<{ items: InboundHook[] }>('/admin/inbound-webhooks', { signal }),
    select: (data) => data.items,
  });
}

/** The answer carries the hook's secret, this once. */
export function useCreateInboundHook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: InboundHookBody) => callApi<InboundHook & { secret: string }>('/admin/inbound-webhooks', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: channelKeys.inboundHooks }),
  });
}

export function useDeleteInboundHook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => callApiNoContent(`/admin/inbound-webhooks/${path(id)}`, { method: 'DELETE' }),
    onSettled: () => client.invalidateQueries({ queryKey: channelKeys.inboundHooks }),
  });
}
