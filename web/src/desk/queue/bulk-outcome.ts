import type { BulkResult } from '../api/types.ts';

export interface BulkOutcome {
  changed: string[];
  failed: { key: string; reason: string }[];
}

/**
 * Splits the API's per-request results into what changed and what did not, each failure with the
 * API's own reason (its detail, else its code), so the agent sees which rows to look at again.
 */
export function bulkOutcome(results: readonly BulkResult[]): BulkOutcome {
  const changed: string[] = [];
  const failed: { key: string; reason: string }[] = [];
  for (const result of results) {
    if (result.ok) changed.push(result.key);
    else failed.push({ key: result.key, reason: result.detail || result.code });
  }
  return { changed, failed };
}
