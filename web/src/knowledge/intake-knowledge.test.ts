import { describe, expect, it } from 'vitest';
import { articleSlugFromLink, knowledgeForFiling, searchIdFromState, suggestionQuery, withIds } from './intake-knowledge.ts';

describe('the suggestion search for a typed subject', () => {
  it('waits for three letters, not counting spaces around them', () => {
    expect(suggestionQuery('')).toBeNull();
    expect(suggestionQuery('  vp  ')).toBeNull();
    expect(suggestionQuery('vpn')).toBe('vpn');
    expect(suggestionQuery('  vpn   keeps\n dropping ')).toBe('vpn keeps dropping');
  });

  it('cuts a long subject to at most 200 characters, at a word', () => {
    const long = `${'word '.repeat(60)}end`;
    const query = suggestionQuery(long)!;
    expect(query.length).toBeLessThanOrEqual(200);
    expect(query.endsWith('word')).toBe(true);
    expect(suggestionQuery('x'.repeat(250))).toBe('x'.repeat(200));
  });
});

describe('the article ids the filing carries', () => {
  it('keeps each id once, in the order first seen, at most twenty', () => {
    expect(withIds(['a', 'b'], ['b', 'c', 'a'])).toEqual(['a', 'b', 'c']);
    const many = Array.from({ length: 30 }, (_, index) => `id-${index}`);
    expect(withIds([], many)).toEqual(many.slice(0, 20));
    expect(withIds(many.slice(0, 20), ['late'])).toHaveLength(20);
  });

  it('says nothing when nothing was shown and no search led here', () => {
    expect(knowledgeForFiling([], [], undefined)).toBeUndefined();
    expect(knowledgeForFiling([], [], null)).toBeUndefined();
  });

  it('names what was shown, what was opened and the search the employee came from', () => {
    expect(knowledgeForFiling(['a', 'b'], [], undefined)).toEqual({ shownArticleIds: ['a', 'b'] });
    expect(knowledgeForFiling(['a', 'b'], ['b'], 42)).toEqual({ shownArticleIds: ['a', 'b'], openedArticleIds: ['b'], searchId: 42 });
    expect(knowledgeForFiling([], [], 7)).toEqual({ searchId: 7 });
  });

  it('takes a search id from the router state only when it is a positive whole number', () => {
    expect(searchIdFromState({ searchId: 12 })).toBe(12);
    for (const state of [null, undefined, 'x', {}, { searchId: '12' }, { searchId: 0 }, { searchId: 1.5 }]) expect(searchIdFromState(state)).toBeUndefined();
  });
});

describe("an article's slug from a hit's link", () => {
  it('reads /kb/<slug> and nothing else', () => {
    expect(articleSlugFromLink('/kb/reset-your-password')).toBe('reset-your-password');
    expect(articleSlugFromLink('/kb/caf%C3%A9-hours')).toBe('café-hours');
    for (const link of ['/services/vpn', '/kb/', '/kb/a/b', 'https://evil.example/kb/x', '/kb/%E0%A4%A']) expect(articleSlugFromLink(link)).toBeNull();
  });
});
