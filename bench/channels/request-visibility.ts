import type { BenchDesk } from './bench-desk.ts';
import { call } from './bench-desk.ts';

// When each request became visible to the team's agent in GET /api/v1/requests: the list is read
// newest first every `pollMs`, and a subject seen for the first time is stamped with that read's
// instant. So a figure is late by up to one poll (plus the read itself): set --visible-poll-ms small
// enough against the latencies measured.

interface ListPage {
  items: Array<{ subject: string }>;
  nextCursor: string | null;
}

export interface VisibilityWatch {
  /** Subject -> performance.now() when first seen. */
  seenAt: Map<string, number>;
  /** Resolves once `expected` subjects with the prefix were seen, or rejects at the deadline. */
  done: Promise<void>;
  stop(): void;
}

export function watchRequestVisibility(desk: BenchDesk, subjectPrefix: string, expected: number, options: { pollMs: number; timeoutMs: number }): VisibilityWatch {
  const seenAt = new Map<string, number>();
  let stopped = false;
  const deadline = performance.now() + options.timeoutMs;

  /** One look: newest first, further pages only while a whole page is new (older ones were read before). */
  async function look() {
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ team: desk.team.slug, limit: '100', ...(cursor ? { cursor } : {}) });
      const page: ListPage = await call<ListPage>(desk.app, { method: 'GET', url: `/api/v1/requests?${query}`, headers: desk.agentHeaders });
      const readAt = performance.now();
      let fresh = 0;
      for (const { subject } of page.items) {
        if (!subject.startsWith(subjectPrefix) || seenAt.has(subject)) continue;
        seenAt.set(subject, readAt);
        fresh += 1;
      }
      cursor = fresh === page.items.length ? page.nextCursor : null;
    } while (cursor);
  }

  const done = (async () => {
    while (!stopped && seenAt.size < expected) {
      if (performance.now() > deadline) throw new Error(`only ${seenAt.size} of ${expected} requests visible within ${options.timeoutMs} ms`);
      await look();
      if (seenAt.size < expected) await new Promise((resolve) => setTimeout(resolve, options.pollMs));
    }
  })();
  return { seenAt, done, stop: () => void (stopped = true) };
}
