import type { QueueFilters } from '../queue/queue-filters.ts';

// The desk's query keys, on the app's convention (see api/queries.ts and the live-updates hook):
// lists start with 'requests', anything about one request with ['request', key], so a change
// pushed by the server refreshes exactly the pages that show it.
export const deskKeys = {
  queue: (team: string, filters: Omit<QueueFilters, 'layout'>) => ['requests', 'queue', team, filters] as const,
  counts: (team: string) => ['requests', 'counts', team] as const,
  request: (key: string) => ['request', key] as const,
  steps: (key: string) => ['request', key, 'steps'] as const,
  approvals: (key: string) => ['request', key, 'approvals'] as const,
  workflow: (key: string) => ['request', key, 'workflow'] as const,
  teams: ['teams'] as const,
  team: (slug: string) => ['teams', slug, 'members'] as const,
};
