import { describe, expect, it } from 'vitest';
import { normalizeQuery, parseQuery } from './search.query.ts';
import { MARK_END, MARK_START } from './search.ranking.ts';
import { snippetHtml } from './search.service.ts';

describe('reading a search box', () => {
  it('keeps the wording lower-cased with single spaces, for the content-gaps report', () => {
    expect(normalizeQuery('  Reset   YOUR\tPassword ')).toBe('reset your password');
  });

  it('splits words to look for from words to leave out, without quotes or the "or" keyword', () => {
    expect(parseQuery('"annual leave" OR holiday -parental -sick')).toMatchObject({
      words: ['annual', 'leave', 'holiday'],
      excluded: ['parental', 'sick'],
      fuzzyWords: ['annual', 'leave', 'holiday'],
    });
  });

  it('compares only words of four letters or more by trigrams, and keeps hyphenated words whole', () => {
    expect(parseQuery('wi-fi vpn conection').fuzzyWords).toEqual(['wifi', 'conection']);
    expect(parseQuery('wi-fi vpn').words).toEqual(['wi-fi', 'vpn']);
    expect(parseQuery('Reset your password').fuzzyWords).toEqual(['reset', 'password']);
  });

  it('treats punctuation and operators as nothing', () => {
    expect(parseQuery("- -- or ' & | ! :*")).toMatchObject({ words: [], excluded: [], fuzzyWords: [] });
  });

  it('knows a question about closures', () => {
    expect(parseQuery('is the office closed on Monday').asksAboutClosures).toBe(true);
    expect(parseQuery('next bank holiday').asksAboutClosures).toBe(true);
    expect(parseQuery('reset my password').asksAboutClosures).toBe(false);
  });
});

describe('snippets', () => {
  it('escapes the text and turns only the markers into <mark>', () => {
    expect(snippetHtml(`a <b> & "c" ${MARK_START}word${MARK_END}`)).toBe('a &lt;b&gt; &amp; &quot;c&quot; <mark>word</mark>');
  });
});
