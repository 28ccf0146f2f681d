import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../../platform/db/database.ts';
import { knowledgeSearches } from '../knowledge/knowledge.tables.ts';
import { isStopWord, type ParsedQuery } from './search.query.ts';
import {
  excludedCondition,
  freshness,
  fuzzyCondition,
  headline,
  helpfulness,
  looseQuery,
  plainText,
  relevance,
  strictQuery,
} from './search.ranking.ts';

// The only place that writes SQL for search: ranking articles where they are stored, ranking the
// few other things (services, teams, holidays) handed in as a list, and logging searches.

/** What the searcher may read, decided before any row is touched: the filter runs in SQL. */
export interface ArticleReader {
  isAdmin: boolean;
  /** Teams the searcher works for (agent or lead); agents-only articles need at least one. */
  teamIds: string[];
}

export interface RankedRow {
  id: string;
  title: string;
  snippet: string;
  score: number;
  total: number;
}

export interface ArticleRow extends RankedRow {
  slug: string;
  teamId: string;
  teamName: string;
  updatedAt: string;
}

/**
 * Published, and readable by this person: the contract's visibility rules (articles.policy.ts,
 * canReadArticle for published articles) as one SQL condition over the articles table `as`.
 */
export function readable(reader: ArticleReader, as = 'a'): SQL {
  const a = sql.raw(as);
  const published = sql`${a}.status = 'published'`;
  if (reader.isAdmin) return published;
  const ownTeams = reader.teamIds.length === 0 ? sql`false` : sql`${a}.team_id in (${sql.join(reader.teamIds.map((id) => sql`${id}::uuid`), sql`, `)})`;
  const agent = reader.teamIds.length > 0 ? sql`true` : sql`false`;
  return sql`${published} and (${a}.visibility = 'everyone' or (${a}.visibility = 'agents' and ${agent}) or (${a}.visibility = 'team' and ${ownTeams}))`;
}

/**
 * At most this many articles per way in (titles naming the words, all words anywhere, title
 * trigrams, any word) are ranked. On a large base a common word matches thousands; ranking them
 * all grows with the base. They are chosen by how many query words their title holds, then the
 * most recently updated (decision 0017).
 */
const CANDIDATES = 300;

/**
 * Titles close to the words that no title holds as typed (the likely misspellings), one index scan
 * per word: with the words OR-ed in one condition PostgreSQL priced four trigram scans above a
 * parallel sequential scan, and comparing every title took 0.9 s at 100,000 articles. A word some
 * title holds is spelt as the base spells it; its trigram neighbours ("leave": 1,700 titles at
 * 100,000) were read and sorted for nothing, since the words' own matches are already candidates.
 * `wanted` lets the caller skip the scans altogether.
 */
function fuzzyHits(parsed: ParsedQuery, eligible: SQL, wanted: SQL): SQL {
  if (parsed.fuzzyWords.length === 0) return sql`select null::uuid as id where false`;
  const perWord = parsed.fuzzyWords.map(
    (word) => sql`(select a.id, a.updated_at from articles a where ${wanted} and not exists (select 1 from articles t where t.title ilike ${`%${word}%`})
      and ${eligible} and ${word} <% a.title order by a.updated_at desc, a.id limit ${CANDIDATES})`,
  );
  return sql`select id from (${sql.join(perWord, sql` union all `)}) near group by id order by max(updated_at) desc, id limit ${CANDIDATES}`;
}

/**
 * The query's words as they would start a title word: their first five letters, so "passwords"
 * counts "password"; stop words left out (in no vector, and "the" is in a third of the titles).
 */
function titleStems(parsed: ParsedQuery): string[] {
  const stems = parsed.words.filter((word) => !isStopWord(word)).map((word) => word.replace(/[^\p{L}\p{N}]/gu, '').slice(0, 5));
  return [...new Set(stems.filter((stem) => stem.length >= 3))];
}

/** Candidates whose title holds more of the query's words first; nothing when there are none. */
function titleWordsFirst(stems: string[]): SQL {
  if (stems.length === 0) return sql``;
  return sql`(${sql.join(stems.map((stem) => sql`(strpos(lower(a.title), ${stem}) > 0)::int`), sql` + `)}) desc,`;
}

/**
 * The title holds one of the words: through the title's trigram index, so the title stage reads
 * the few hundred articles that name the words, not the thousands whose bodies do.
 */
function titleHoldsAWord(stems: string[]): SQL {
  if (stems.length === 0) return sql`false`;
  return sql`(${sql.join(stems.map((stem) => sql`a.title ilike ${`%${stem}%`}`), sql` or `)})`;
}

/**
 * The best `limit` readable articles for the query, with how many were ranked. Candidates come from
 * the two indexes (full text, title trigrams), a bounded number per way in, titles before bodies;
 * only the final page gets a snippet.
 */
export async function searchArticles(
  db: Queryable,
  text: string,
  parsed: ParsedQuery,
  reader: ArticleReader,
  options: { teamId?: string; limit: number },
): Promise<ArticleRow[]> {
  const document = sql`a.search`;
  const title = sql`a.title`;
  const strict = sql`q.strict`;
  const loose = sql`q.loose`;
  const team = options.teamId ? sql`and a.team_id = ${options.teamId}::uuid` : sql``;
  const eligible = sql`${readable(reader)} ${team} and not (${excludedCondition(parsed, document)})`;
  const stems = titleStems(parsed);
  const titleWords = titleWordsFirst(stems);
  const result = await db.execute(sql`
    with q as (select ${strictQuery(text)} as strict, ${looseQuery(parsed)} as loose),
    -- All the words, in titles that name one of them: both indexes, so a word common in bodies
    -- costs only the articles whose title holds it.
    title_hits as (
      select a.id from articles a where ${eligible} and ${titleHoldsAWord(stems)} and ${document} @@ ${strictQuery(text)}
      order by ${titleWords} a.updated_at desc, a.id limit ${CANDIDATES}
    ),
    -- All the words anywhere, only when titles gave less than a page: reading every body match of
    -- a common word is what grew with the base.
    strict_hits as (
      select a.id from articles a
      where (select count(*) from title_hits) < ${options.limit} and ${eligible} and ${document} @@ ${strictQuery(text)}
      order by ${titleWords} a.updated_at desc, a.id limit ${CANDIDATES}
    ),
    -- Titles close to the words (misspellings), only when the words as typed named less than a page.
    fuzzy_hits as (${fuzzyHits(parsed, eligible, sql`(select count(*) from title_hits) < ${options.limit}`)}),
    -- Any one word only when all of them found too little: a misspelt word must not sink the rest,
    -- but on a large base "any word" of a long query is most of the base.
    loose_hits as (
      select a.id from articles a cross join q
      where (select count(*) from (select id from title_hits union select id from strict_hits union select id from fuzzy_hits) found) < ${options.limit}
        and ${eligible} and ${document} @@ q.loose
      order by ${titleWords} a.updated_at desc, a.id limit ${CANDIDATES}
    ),
    candidates as (
      select a.id, a.slug, a.title, a.body, a.team_id, a.updated_at,
        ${relevance(parsed, document, title, strict, loose)}
          * ${freshness(sql`a.updated_at`)}
          * ${helpfulness(sql`s.helpful`, sql`s.not_helpful`)} as score
      from (select id from title_hits union select id from strict_hits union select id from fuzzy_hits union select id from loose_hits) found
      join articles a on a.id = found.id cross join q
      left join article_stats s on s.article_id = a.id
    ),
    page as (
      select c.*, count(*) over () as total from candidates c order by c.score desc, c.id limit ${options.limit}
    )
    select p.id, p.slug, p.title, p.team_id as "teamId", t.name as "teamName", p.updated_at as "updatedAt",
      p.score, p.total, ${headline(plainText(sql`p.body`), sql`(select loose from q)`)} as snippet
    from page p join teams t on t.id = p.team_id
    order by p.score desc, p.id`);
  return rowsOf<ArticleRow & { updatedAt: string | Date; total: number | string }>(result).map((row) => ({
    ...row,
    score: Number(row.score),
    total: Number(row.total),
    updatedAt: new Date(row.updatedAt).toISOString(),
  }));
}

/** Something other than an article to rank: a service, a team or a holiday. */
export interface SmallDocument {
  key: string;
  title: string;
  /** Second-weight words: a service's team, a holiday's kind. */
  keywords: string;
  body: string;
  /** Stands in for freshness (a holiday soon is likelier meant); 1 for the rest. */
  boost: number;
}

/**
 * The few other documents, ranked by the same formula in the same statement shape. They are passed
 * in as JSON (a handful of services, teams and holidays) rather than indexed: they change rarely and
 * number in the tens, so building their vectors per query costs less than keeping them.
 */
export async function rankSmallDocuments(db: Queryable, text: string, parsed: ParsedQuery, documents: SmallDocument[]): Promise<RankedRow[]> {
  if (documents.length === 0) return [];
  const document = sql`d.search`;
  const title = sql`d.title`;
  const result = await db.execute(sql`
    with q as (select ${strictQuery(text)} as strict, ${looseQuery(parsed)} as loose),
    d as (
      select x.key, x.title, x.body, x.boost,
        setweight(to_tsvector('english', x.title), 'A') || setweight(to_tsvector('english', x.keywords), 'B')
          || setweight(to_tsvector('english', x.body), 'C') as search
      from jsonb_to_recordset(${JSON.stringify(documents)}::jsonb) as x(key text, title text, keywords text, body text, boost float8)
    ),
    matched as (
      select d.key, d.title, d.body, ${relevance(parsed, document, title, sql`q.strict`, sql`q.loose`)} * d.boost as score
      from d cross join q
      where (${document} @@ q.strict or ${document} @@ q.loose or ${fuzzyCondition(parsed, title)})
        and not (${excludedCondition(parsed, document)})
    )
    select m.key as id, m.title, m.score, count(*) over () as total, ${headline(plainText(sql`m.body`), sql`(select loose from q)`)} as snippet
    from matched m order by m.score desc, m.key`);
  return rowsOf<RankedRow>(result).map((row) => ({ ...row, score: Number(row.score), total: Number(row.total) }));
}

export interface SearchLogEntry {
  source: 'portal' | 'desk' | 'api';
  query: string;
  normalized: string;
  teamId: string | null;
  serviceId: string | null;
  hits: number;
}

export async function insertSearchLog(db: Queryable, entry: SearchLogEntry): Promise<number> {
  const [row] = await db
    .insert(knowledgeSearches)
    .values({ ...entry, outcome: entry.hits > 0 ? 'shown' : 'none' })
    .returning({ id: knowledgeSearches.id });
  return row!.id;
}
