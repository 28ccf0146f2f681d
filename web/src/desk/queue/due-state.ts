// How urgent a request is by its earliest running clock (dueAt) and that clock's warning instant
// (warnAt): overdue, due soon (past the warning), or later. Pure, for the badge and its test.

export type DueState =
  | { kind: 'none' }
  | { kind: 'overdue'; minutes: number }
  | { kind: 'soon'; minutes: number }
  | { kind: 'later'; minutes: number };

/** When the server gives no warning instant, the last hour before the due time counts as soon. */
const FALLBACK_SOON_MS = 60 * 60_000;

export function dueState(dueAt: string | null | undefined, warnAt: string | null | undefined, now: Date): DueState {
  if (!dueAt) return { kind: 'none' };
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return { kind: 'none' };
  const left = due - now.getTime();
  const minutes = Math.abs(left) / 60_000;
  if (left <= 0) return { kind: 'overdue', minutes };
  const warn = warnAt ? Date.parse(warnAt) : due - FALLBACK_SOON_MS;
  if (!Number.isNaN(warn) && now.getTime() >= warn) return { kind: 'soon', minutes };
  return { kind: 'later', minutes };
}
