import { priorities, type Priority, type SlaTargets, type TargetsByPriority } from '../api/types.ts';

// Targets per priority as a grid of inputs: a blank cell is "no promise" and is left out of what is
// sent, so the API is never asked to promise 0 minutes.

export const targetMetrics = ['firstResponse', 'nextResponse', 'resolution'] as const;
export type TargetMetric = (typeof targetMetrics)[number];
export type TargetsDraft = Record<Priority, Record<TargetMetric, number | undefined>>;

export function targetsDraft(targets: TargetsByPriority | undefined): TargetsDraft {
  const draft = {} as TargetsDraft;
  for (const priority of priorities) {
    const row: SlaTargets = targets?.[priority] ?? {};
    draft[priority] = { firstResponse: row.firstResponse, nextResponse: row.nextResponse, resolution: row.resolution };
  }
  return draft;
}

export function targetsFromDraft(draft: TargetsDraft): TargetsByPriority {
  const targets: TargetsByPriority = {};
  for (const priority of priorities) {
    const row: SlaTargets = {};
    for (const metric of targetMetrics) {
      const minutes = draft[priority][metric];
      if (minutes !== undefined) row[metric] = minutes;
    }
    if (Object.keys(row).length > 0) targets[priority] = row;
  }
  return targets;
}

/** "1 h 30 min" style shorthand for a number of business minutes, for the lists. */
export function minutesShort(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return [days ? `${days} d` : '', hours ? `${hours} h` : '', rest ? `${rest} min` : ''].filter(Boolean).join(' ') || '0 min';
}
