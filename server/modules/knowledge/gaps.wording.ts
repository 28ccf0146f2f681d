/**
 * The wording a search is grouped on in the content-gaps report: lower-cased, runs of white space
 * collapsed to one space, trimmed, and NFKC-folded so that look-alike spellings (full-width letters,
 * ligatures) count as one. Kept in knowledge_searches.normalized.
 */
export function normalizeWording(query: string): string {
  return query.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}
