import { useQuery } from '@tanstack/react-query';
import { callApi } from '../../api/client.ts';
import type { MailMessage, MailSource } from '../request/request-mail.ts';

// Under ['request', key] like every query about one request (desk-keys.ts), so a live update of
// the request (a new mail comment) refreshes them too.
export const requestMailKeys = {
  sources: (key: string) => ['request', key, 'mail', 'sources'] as const,
  messages: (key: string) => ['request', key, 'mail', 'messages'] as const,
};

/** Which timeline entries came from mail: cheap (nothing is parsed), asked with the page. */
export function useMailSources(key: string) {
  return useQuery({
    queryKey: requestMailKeys.sources(key),
    queryFn: ({ signal }) => callApi<{ items: MailSource[] }>(`/requests/${encodeURIComponent(key)}/mail/sources`, { signal }),
    select: (data) => data.items,
    enabled: key !== '',
  });
}

/** The whole messages, parsed on the server: only once someone asks to see one. */
export function useMailMessages(key: string, enabled: boolean) {
  return useQuery({
    queryKey: requestMailKeys.messages(key),
    queryFn: ({ signal }) => callApi<{ items: MailMessage[] }>(`/requests/${encodeURIComponent(key)}/mail`, { signal }),
    select: (data) => data.items,
    enabled: enabled && key !== '',
    staleTime: 5 * 60_000,
  });
}
