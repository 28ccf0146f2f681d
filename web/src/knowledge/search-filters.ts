import { hitTypes, type HitType } from './api/types.ts';

// The results page's filter lives in the address (?types=article), so a shared or reloaded link
// shows the same results.

/** The one kind of result asked for in ?types=, or null for everything (unknown values read as everything). */
export function typeFilterFromParam(value: string | null): HitType | null {
  return hitTypes.find((type) => type === value) ?? null;
}

/** The words asked for in ?q=, trimmed; null when there are none or more than the API takes. */
export function queryFromParam(value: string | null): string | null {
  const q = (value ?? '').trim();
  return q.length > 0 ? q.slice(0, 200) : null;
}
