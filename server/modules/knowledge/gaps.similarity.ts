/**
 * Which wordings are alike, as pg_trgm's similarity() judges it: the trigrams two wordings share
 * over all the trigrams of either. The trigrams themselves come from pg_trgm (`show_trgm`, once per
 * wording, gaps.store.ts); comparing them here costs microseconds a pair, where similarity() in SQL
 * extracts both wordings' trigrams again for every pair (seconds for the report's 500 wordings).
 */
export interface WordingTrigrams {
  wording: string;
  trigrams: readonly string[];
}

/** For each wording, the later ones (by position) at least `threshold` alike: each pair listed once. */
export function similarPairs(wordings: readonly WordingTrigrams[], threshold: number): Map<string, string[]> {
  const sets = wordings.map((entry) => new Set(entry.trigrams));
  const similar = new Map<string, string[]>();
  for (let i = 0; i < wordings.length; i++) {
    const mine = sets[i]!;
    const alike: string[] = [];
    for (let j = i + 1; j < wordings.length; j++) {
      const theirs = sets[j]!;
      if (similarity(mine, theirs) >= threshold) alike.push(wordings[j]!.wording);
    }
    similar.set(wordings[i]!.wording, alike);
  }
  return similar;
}

/** Shared over all: 0 when either has no trigrams (pg_trgm answers 0 there too). */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const trigram of small) if (large.has(trigram)) shared += 1;
  return shared / (a.size + b.size - shared);
}
