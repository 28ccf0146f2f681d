import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from '../api/queries.ts';
import { HintBatcher, isStale, reopenDelayMs, requestKeyOfHint } from './live-hints.ts';

const LIVE_URL = '/api/v1/live';

/**
 * Keeps what the signed-in app shows current: one EventSource on the live stream; a hint that a
 * request moved makes its reads and every request list stale (refetched if on screen), batched;
 * a resync, or coming back after the stream broke, makes every request read stale. The hint only
 * says "look again": what the person may see is decided by the API they read it through.
 */
export function useLiveUpdates(signedIn: boolean): void {
  const client = useQueryClient();

  useEffect(() => {
    if (!signedIn || typeof EventSource === 'undefined') return;
    const batcher = new HintBatcher((stale) => void client.invalidateQueries({ predicate: (query) => isStale(query.queryKey, stale) }));
    let source: EventSource | undefined;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let broken = false;

    const open = () => {
      source = new EventSource(LIVE_URL);
      source.addEventListener('open', () => {
        // Whatever happened while the stream was down was not heard.
        if (broken) batcher.everything();
        broken = false;
        failures = 0;
      });
      source.addEventListener('request', (event) => {
        const key = requestKeyOfHint((event as MessageEvent<string>).data);
        if (key) batcher.request(key);
      });
      source.addEventListener('resync', () => batcher.everything());
      source.addEventListener('error', () => {
        broken = true;
        // CONNECTING: the browser retries by itself. CLOSED: it was refused (signed out, a
        // restart): ask who is signed in (a 401 shows the sign-in page), and try again later.
        if (source?.readyState !== EventSource.CLOSED) return;
        void client.invalidateQueries({ queryKey: queryKeys.me });
        failures += 1;
        reopenTimer = setTimeout(open, reopenDelayMs(failures));
      });
    };
    open();

    return () => {
      clearTimeout(reopenTimer);
      source?.close();
      batcher.cancel();
    };
  }, [client, signedIn]);
}
