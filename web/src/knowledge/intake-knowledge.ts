import type { KnowledgeOnFiling } from './api/types.ts';

// The pure rules of deflection at intake: when the subject is worth a search, and what the filing
// tells the API about the articles the employee saw and opened before asking anyway.

/** Fewer letters than this match too much to help; the search API takes at most 200 characters. */
export const MIN_SUGGESTION_QUERY = 3;
const MAX_QUERY = 200;
/** The filing API keeps at most 20 ids of each kind. */
export const MAX_ARTICLE_IDS = 20;

/** The search text for a typed subject, or null while it is too short to search. */
export function suggestionQuery(subject: string): string | null {
  const text = subject.trim().replace(/\s+/g, ' ');
  if (text.length < MIN_SUGGESTION_QUERY) return null;
  // Cut at a word where possible, so the last word searched is a whole one.
  if (text.length <= MAX_QUERY) return text;
  const cut = text.slice(0, MAX_QUERY);
  const lastSpace = cut.lastIndexOf(' ');
  return lastSpace > MIN_SUGGESTION_QUERY ? cut.slice(0, lastSpace) : cut;
}

/** Ids seen so far plus new ones, first seen first, each once, at most MAX_ARTICLE_IDS. */
export function withIds(seen: readonly string[], more: readonly string[]): string[] {
  const all = [...seen];
  for (const id of more) if (!all.includes(id) && all.length < MAX_ARTICLE_IDS) all.push(id);
  return all;
}

/** The filing's `knowledge` field, or undefined when the employee was shown nothing and came from no search. */
export function knowledgeForFiling(shown: readonly string[], opened: readonly string[], searchId: number | null | undefined): KnowledgeOnFiling | undefined {
  const knowledge: KnowledgeOnFiling = {};
  if (shown.length > 0) knowledge.shownArticleIds = shown.slice(0, MAX_ARTICLE_IDS);
  if (opened.length > 0) knowledge.openedArticleIds = opened.slice(0, MAX_ARTICLE_IDS);
  if (typeof searchId === 'number' && Number.isInteger(searchId) && searchId > 0) knowledge.searchId = searchId;
  return Object.keys(knowledge).length > 0 ? knowledge : undefined;
}

/** The search id a results page passed along in the router state, if any. */
export function searchIdFromState(state: unknown): number | undefined {
  if (typeof state !== 'object' || state === null || !('searchId' in state)) return undefined;
  const { searchId } = state;
  return typeof searchId === 'number' && Number.isInteger(searchId) && searchId > 0 ? searchId : undefined;
}

/** An article's slug from a search hit's link (/kb/<slug>), or null for any other link. */
export function articleSlugFromLink(link: string): string | null {
  const match = /^\/kb\/([^/?#]+)$/.exec(link);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
