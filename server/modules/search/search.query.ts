// What a search box's text means, before any SQL: the words to look for, the words to leave out,
// and the wording the content-gaps report groups on. Pure, so it is tested directly.

/** More words than this add nothing to ranking but cost a condition each. */
const MAX_WORDS = 12;
/** Shorter words match too many titles by trigram ("it" is in "Submit"); they still match as words. */
const MIN_FUZZY_LENGTH = 4;

/**
 * PostgreSQL's English stop words: they are no words to correct, by trigrams "your" is close to
 * thousands of titles (a full scan on a large base), and "the" is in a third of them.
 */
const STOP_WORDS = new Set(
  ('a all am an and any are as at be but by can did do don few for had has he her him his how i if in is it its me my no nor ' +
    'not now of off on or our out own s she so t to too up was we who why you ' +
    'about above after again against because been before being below between both does doing down during each from further ' +
    'have having here hers herself himself into itself just more most myself once only other ours ourselves over same should ' +
    'some such than that their theirs them themselves then there these they this those through under until very were what ' +
    'when where which while whom will with your yours yourself yourselves').split(' '),
);

/** Words that ask whether, or when, the offices are closed: the company holidays answer them. */
const CLOSURE_WORDS = new Set(['closed', 'closing', 'closure', 'closures', 'shut', 'holiday', 'holidays', 'bank', 'christmas', 'easter']);

/** A stop word is in no document's vector, so it finds nothing by itself. */
export const isStopWord = (word: string): boolean => STOP_WORDS.has(word);

export interface ParsedQuery {
  /** The words to match loosely (any of them), quotes and the "or" keyword removed. */
  words: string[];
  /** Words after a minus sign: nothing containing them is a hit. */
  excluded: string[];
  /** The words long enough to compare by trigram similarity against titles (typo tolerance). */
  fuzzyWords: string[];
  /** The query asks about closures ("is the office closed on Monday", "bank holiday"). */
  asksAboutClosures: boolean;
}

/** Lower-cased with runs of white space as one space: how knowledge_searches keeps the wording. */
export function normalizeQuery(query: string): string {
  return query.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Splits text the way websearch_to_tsquery reads it: `-word` excludes, `or` between words is an
 * operator, quotes group a phrase (its words still count one by one for the loose match).
 */
export function parseQuery(query: string): ParsedQuery {
  const words: string[] = [];
  const excluded: string[] = [];
  for (const token of normalizeQuery(query).replace(/"/g, ' " ').split(' ')) {
    if (token === '' || token === '"' || token === 'or') continue;
    const negated = token.startsWith('-');
    const letters = token.replace(/^-+/, '').replace(/[^\p{L}\p{N}'-]+/gu, ' ').trim();
    for (const word of letters.split(' ')) {
      if (word === '' || /^[-']+$/.test(word)) continue;
      (negated ? excluded : words).push(word);
    }
  }
  const unique = (list: string[]) => [...new Set(list)].slice(0, MAX_WORDS);
  const kept = unique(words);
  return {
    words: kept,
    excluded: unique(excluded),
    asksAboutClosures: kept.some((word) => CLOSURE_WORDS.has(word)),
    fuzzyWords: kept.map((word) => word.replace(/[^\p{L}\p{N}]/gu, '')).filter((word) => word.length >= MIN_FUZZY_LENGTH && !STOP_WORDS.has(word)),
  };
}
