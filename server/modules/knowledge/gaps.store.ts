import { sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../../platform/db/database.ts';
import type { WordingStats } from './gaps.grouping.ts';
import { similarPairs } from './gaps.similarity.ts';

/** How alike two wordings must be (pg_trgm similarity, 0..1) to be one gap. */
export const GAP_SIMILARITY = 0.5;
/** The report groups the most searched wordings only: the pairwise comparison grows with the square. */
export const MAX_GAP_WORDINGS = 500;

export interface GapScope {
  /** A team's searches; 'all' also takes searches made outside any team (portal, team null). */
  teamId: string | 'all';
  since: Date;
  until: Date;
}

/**
 * The distinct wordings of searches that found nothing or were followed by a request anyway, in the
 * period, with their counts and, for each, the other wordings (of the same top set) similar enough
 * to share a gap: pg_trgm gives each wording's trigrams, gaps.similarity.ts compares them.
 */
export async function selectGapWordings(db: Queryable, scope: GapScope): Promise<WordingStats[]> {
  const team = scope.teamId === 'all' ? sql`true` : sql`team_id = ${scope.teamId}`;
  const rows = rowsOf<{ wording: string; searches: number | string; no_results: number | string; requested: number | string; last_at: string; trigrams: string[] | null }>(
    await db.execute(sql`
      with top as (
        select normalized as wording,
               count(*) as searches,
               count(*) filter (where hits = 0) as no_results,
               count(*) filter (where outcome = 'requested') as requested,
               max(searched_at) as last_at
        from knowledge_searches
        where ${team}
          and searched_at >= ${scope.since.toISOString()}::timestamptz and searched_at < ${scope.until.toISOString()}::timestamptz
          and (hits = 0 or outcome = 'requested')
        group by normalized
        order by count(*) desc, normalized
        limit ${MAX_GAP_WORDINGS}
      )
      select a.wording, a.searches::int as searches, a.no_results::int as no_results, a.requested::int as requested,
             to_char(a.last_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as last_at,
             show_trgm(a.wording) as trigrams
      from top a`),
  );
  const similar = similarPairs(
    rows.map((row) => ({ wording: row.wording, trigrams: row.trigrams ?? [] })),
    GAP_SIMILARITY,
  );
  return rows.map((row) => ({
    wording: row.wording,
    searches: Number(row.searches),
    noResults: Number(row.no_results),
    requestedAnyway: Number(row.requested),
    lastSearchedAt: row.last_at,
    similar: similar.get(row.wording) ?? [],
  }));
}
