import { sql, type SQL } from 'drizzle-orm';
import type { ParsedQuery } from './search.query.ts';

// One ranking for every kind of hit (decision 0017, docs/metrics.md "Search ranking"):
//
//   score = relevance x freshness x helpfulness
//   relevance   = 1.0 x ts_rank_cd(W, doc, strict) + 0.5 x ts_rank_cd(W, doc, loose) + 0.4 x fuzzy
//   W           = {D 0.1, C 0.2, B 0.4, A 1.0}: title (A) > tags/category/team (B) > body (C)
//   strict      = websearch_to_tsquery(q): every word, phrases and exclusions as typed
//   loose       = any one of the words (so one misspelt word does not sink the rest)
//   fuzzy       = mean over the query's words (4+ letters) of word_similarity(word, title)
//   freshness   = 1 + 0.1 x exp(-age in days / 90)      (at most +10%, halved after ~2 months)
//   helpfulness = 0.9 + 0.2 x (helpful + 2.5) / (helpful + notHelpful + 5)   (0.9..1.1, 1.0 unrated)
//
// ts_rank_cd's normalization 32 maps each rank into [0, 1) so the three parts stay comparable.
// Services, teams and holidays have no age or votes: their factors are 1 (a holiday's freshness is
// how soon it comes instead).

const WEIGHTS = sql.raw(`'{0.1, 0.2, 0.4, 1.0}'::float4[]`);
export const FUZZY_THRESHOLD = 0.6;

const english = (text: string) => sql`websearch_to_tsquery('english', ${text})`;

/** Every word typed, as websearch_to_tsquery reads the whole text (phrases, -exclusion, or). */
export const strictQuery = (text: string): SQL => english(text);

/** Any of the words; an empty query when there are none. */
export function looseQuery(parsed: ParsedQuery): SQL {
  if (parsed.words.length === 0) return sql`''::tsquery`;
  return sql.join(parsed.words.map(english), sql` || `);
}

/** The condition a document must not meet: it contains a word after a minus sign. */
export function excludedCondition(parsed: ParsedQuery, document: SQL): SQL {
  if (parsed.excluded.length === 0) return sql`false`;
  return sql`${document} @@ (${sql.join(parsed.excluded.map(english), sql` || `)})`;
}

/** Title close to one of the words by trigrams: the index-backed way in for misspellings. */
export function fuzzyCondition(parsed: ParsedQuery, title: SQL): SQL {
  if (parsed.fuzzyWords.length === 0) return sql`false`;
  return sql`(${sql.join(
    parsed.fuzzyWords.map((word) => sql`${word} <% ${title}`),
    sql` or `,
  )})`;
}

function fuzzyScore(parsed: ParsedQuery, title: SQL): SQL {
  if (parsed.fuzzyWords.length === 0) return sql`0`;
  const each = parsed.fuzzyWords.map((word) => sql`word_similarity(${word}, ${title})`);
  return sql`((${sql.join(each, sql` + `)}) / ${parsed.fuzzyWords.length}::float8)`;
}

/** `strict` and `loose` name tsquery columns of a CTE, so each is built once per statement. */
export function relevance(parsed: ParsedQuery, document: SQL, title: SQL, strict: SQL, loose: SQL): SQL {
  return sql`(ts_rank_cd(${WEIGHTS}, ${document}, ${strict}, 32)::float8
    + 0.5 * ts_rank_cd(${WEIGHTS}, ${document}, ${loose}, 32)::float8
    + 0.4 * ${fuzzyScore(parsed, title)})`;
}

export const freshness = (updatedAt: SQL): SQL =>
  sql`(1 + 0.1 * exp(-greatest(extract(epoch from (now() - ${updatedAt})), 0)::float8 / 86400 / 90))`;

export const helpfulness = (helpful: SQL, notHelpful: SQL): SQL =>
  sql`(0.9 + 0.2 * (coalesce(${helpful}, 0) + 2.5)::float8 / (coalesce(${helpful}, 0) + coalesce(${notHelpful}, 0) + 5))`;

/**
 * ts_headline marks matches with two private-use characters (stripped from the text first, so no
 * document can forge them); the service escapes the rest and only then turns them into <mark>.
 */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=28, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/** Markdown reads badly in a snippet: links keep their text, emphasis, headings and table bars go. */
export function plainText(markdown: SQL): SQL {
  const noLinks = sql`regexp_replace(${markdown}, '!?\\[([^\\]]*)\\]\\([^)]*\\)', '\\1', 'g')`;
  const noHeadings = sql`regexp_replace(${noLinks}, '(^|\\n)\\s*[#>]+', '\\1', 'g')`;
  const noMarks = sql`regexp_replace(${noHeadings}, '[\uE000\uE001*_|\`]+|-{3,}', ' ', 'g')`;
  return sql`regexp_replace(${noMarks}, '\\s+', ' ', 'g')`;
}

export const headline = (text: SQL, query: SQL): SQL => sql`ts_headline('english', ${text}, ${query}, ${HEADLINE_OPTIONS})`;
