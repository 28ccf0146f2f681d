import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callApi } from '../../api/client.ts';
import { changeOf, type NotificationKind, type NotificationPreference } from './notification-switches.ts';

const key = ['me', 'notifications'] as const;

export function useMyNotifications() {
  return useQuery({ queryKey: key, queryFn: ({ signal }) => callApi<{ items: NotificationPreference[] }>('/me/notifications', { signal }) });
}

export function useSetNotification() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, enabled }: { kind: NotificationKind; enabled: boolean }) =>
      callApi<{ items: NotificationPreference[] }>('/me/notifications', { method: 'PUT', body: changeOf(kind, enabled) }),
    onSuccess: (saved) => client.setQueryData(key, saved),
  });
}
