import type { Actor } from '../../platform/auth/actor.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { findServiceById } from '../catalog/catalog.service.ts';
import { articleReadScopeOf } from '../knowledge/articles.policy.ts';
import { findTeamById } from '../people/people.service.ts';
import { gatherSmallDocuments } from './search.documents.ts';
import { normalizeQuery, parseQuery } from './search.query.ts';
import { MARK_END, MARK_START } from './search.ranking.ts';
import { hitTypes, type SearchHit, type SearchQuery, type SearchResult } from './search.schema.ts';
import * as store from './search.store.ts';

// One search over articles, services, teams and holidays: each kind ranked by the same formula
// (search.ranking.ts), merged by score, and the search logged for the content-gaps report.

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * ts_headline gives back the document's own text: escape all of it, then turn the two marker
 * characters (which no document can contain: search.ranking.ts strips them) into <mark> tags.
 */
export function snippetHtml(headline: string): string {
  return escapeHtml(headline).replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');
}

export async function search(db: Queryable, actor: Actor, query: SearchQuery, now = new Date()): Promise<SearchResult> {
  await checkContext(db, query);
  const types = query.types ?? [...hitTypes];
  const parsed = parseQuery(query.q);
  const scope = articleReadScopeOf(actor);
  const reader: store.ArticleReader = { isAdmin: scope.everything, teamIds: scope.teamIds };

  const [articles, small] = await Promise.all([
    types.includes('article') ? store.searchArticles(db, query.q, parsed, reader, { teamId: query.team, limit: query.limit }) : [],
    rankOthers(db, actor, query, types, parsed, now),
  ]);
  const ranked: Array<{ score: number; key: string; hit: SearchHit }> = [
    ...articles.map((row) => ({
      score: row.score,
      key: `article:${row.id}`,
      hit: {
        type: 'article' as const,
        id: row.id,
        title: row.title,
        snippet: snippetHtml(row.snippet),
        link: `/kb/${row.slug}`,
        teamId: row.teamId,
        teamName: row.teamName,
        updatedAt: row.updatedAt,
      },
    })),
    ...small.hits,
  ];
  // Same score: the key decides, so both databases give the same order.
  ranked.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
  const total = (articles[0]?.total ?? 0) + small.total;

  const searchId =
    query.source === 'intake'
      ? null
      : await store.insertSearchLog(db, {
          source: query.source,
          query: query.q,
          normalized: normalizeQuery(query.q),
          teamId: query.team ?? null,
          serviceId: query.service ?? null,
          hits: total,
        });
  return { query: query.q, searchId, total, hits: ranked.slice(0, query.limit).map((entry) => entry.hit) };
}

async function rankOthers(db: Queryable, actor: Actor, query: SearchQuery, types: SearchQuery['types'] & {}, parsed: ReturnType<typeof parseQuery>, now: Date) {
  const others = types.filter((type) => type !== 'article');
  if (others.length === 0) return { hits: [], total: 0 };
  const gathered = await gatherSmallDocuments(db, actor, others, { teamId: query.team, asksAboutClosures: parsed.asksAboutClosures, now });
  const rows = await store.rankSmallDocuments(db, query.q, parsed, gathered.documents);
  const hits = rows.map((row) => ({ score: row.score, key: row.id, hit: { ...gathered.hits.get(row.id)!, snippet: snippetHtml(row.snippet) } }));
  return { hits, total: rows.length };
}

/** A team or service named in the query must exist: the log refers to them. */
async function checkContext(db: Queryable, query: SearchQuery): Promise<void> {
  const [team, service] = await Promise.all([
    query.team ? findTeamById(db, query.team) : undefined,
    query.service ? findServiceById(db, query.service) : undefined,
  ]);
  if (query.team && !team) throw new AppError('VALIDATION_FAILED', 'No such team', [{ field: 'query.team', reason: 'no team has this id' }]);
  if (query.service && !service) throw new AppError('VALIDATION_FAILED', 'No such service', [{ field: 'query.service', reason: 'no service has this id' }]);
}
