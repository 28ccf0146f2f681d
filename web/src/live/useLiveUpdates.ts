import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from '../api/queries.ts';
import { connectLive } from './live-connection.ts';
import { isStale } from './live-hints.ts';

/**
 * Keeps what the signed-in app shows current: one EventSource on the live stream while signed in;
 * its hints mark request reads stale, and TanStack Query refetches those on screen. A hint only
 * says "look again": what the person may see is decided by the API they read it through.
 */
export function useLiveUpdates(signedIn: boolean): void {
  const client = useQueryClient();

  useEffect(() => {
    if (!signedIn || typeof EventSource === 'undefined') return;
    return connectLive({
      open: (url) => new EventSource(url),
      onStale: (stale) => void client.invalidateQueries({ predicate: (query) => isStale(query.queryKey, stale) }),
      // A 401 from /me shows the sign-in page.
      onRefused: () => void client.invalidateQueries({ queryKey: queryKeys.me }),
    });
  }, [client, signedIn]);
}
