import type { ContentGapsReport } from './reports.schema.ts';

/**
 * Groups the wordings of unanswered searches ("vpn not connecting", "vpn wont connect") so that the
 * content-gaps report shows one line per missing article, not one per spelling. Pure: the
 * similarity pairs come from pg_trgm (gaps.store.ts).
 *
 * Greedy, by leaders: the most searched wording not yet grouped starts a group and takes every
 * ungrouped wording similar to the leader itself (not to its other members), so a group never drifts by chains of
 * small steps ("printer jam" -> "printer scan" -> "scanner setup") away from the wording it is named by.
 */
export interface WordingStats {
  wording: string;
  searches: number;
  noResults: number;
  requestedAnyway: number;
  /** ISO timestamp. */
  lastSearchedAt: string;
  /** Other wordings at least as similar as the report's threshold (the relation may be listed one way only). */
  similar: string[];
}

/** One line of the report, as GET /reports/content-gaps answers it. */
export type GapGroup = ContentGapsReport['groups'][number];

/** Most searched first; ties by wording, so the same data always gives the same groups. */
const bySearches = (a: { searches: number; wording: string }, b: { searches: number; wording: string }) =>
  b.searches - a.searches || (a.wording < b.wording ? -1 : a.wording > b.wording ? 1 : 0);

export function groupWordings(wordings: WordingStats[], maxExamples = 10): GapGroup[] {
  const known = new Map(wordings.map((entry) => [entry.wording, entry]));
  const neighbours = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (a === b || !known.has(a) || !known.has(b)) return;
    neighbours.set(a, (neighbours.get(a) ?? new Set()).add(b));
    neighbours.set(b, (neighbours.get(b) ?? new Set()).add(a));
  };
  for (const entry of wordings) for (const other of entry.similar) link(entry.wording, other);

  const grouped = new Set<string>();
  const groups: GapGroup[] = [];
  for (const leader of [...known.values()].sort(bySearches)) {
    if (grouped.has(leader.wording)) continue;
    const members = [leader, ...[...(neighbours.get(leader.wording) ?? [])].filter((wording) => !grouped.has(wording)).map((wording) => known.get(wording)!)];
    for (const member of members) grouped.add(member.wording);
    members.sort(bySearches);
    groups.push({
      wording: leader.wording,
      searches: sum(members, 'searches'),
      noResults: sum(members, 'noResults'),
      requestedAnyway: sum(members, 'requestedAnyway'),
      lastSearchedAt: members.map((member) => member.lastSearchedAt).reduce((latest, at) => (at > latest ? at : latest)),
      examples: members.slice(0, maxExamples).map((member) => ({ query: member.wording, count: member.searches })),
    });
  }
  return groups.sort(bySearches);
}

function sum(members: WordingStats[], key: 'searches' | 'noResults' | 'requestedAnyway'): number {
  return members.reduce((total, member) => total + member[key], 0);
}
