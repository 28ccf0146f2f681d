import { describe, expect, it } from 'vitest';
import { similarPairs, similarity } from './gaps.similarity.ts';

// Trigrams as pg_trgm's show_trgm gives them: per word, padded with two spaces before and one after.
const trigramsOf = (text: string): string[] => {
  const grams = new Set<string>();
  for (const word of text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  }
  return [...grams];
};

describe('wording similarity (pg_trgm semantics)', () => {
  it('is shared trigrams over all trigrams of the two', () => {
    // "cat" -> "  c"," ca","cat","at "; "cap" -> "  c"," ca","cap","ap ": 2 shared of 6.
    expect(similarity(new Set(trigramsOf('cat')), new Set(trigramsOf('cap')))).toBeCloseTo(2 / 6);
    expect(similarity(new Set(trigramsOf('vpn')), new Set(trigramsOf('vpn')))).toBe(1);
    expect(similarity(new Set(), new Set(trigramsOf('vpn')))).toBe(0);
    // What PostgreSQL's similarity() answers for the same pairs (PGlite 0.5, pg_trgm 1.6).
    const alike = (a: string, b: string) => similarity(new Set(trigramsOf(a)), new Set(trigramsOf(b)));
    expect(alike('vpn not connecting', 'vpn wont connect')).toBeCloseTo(0.44, 5);
    expect(alike('vpn not connecting', 'vpn not connecting at home')).toBeCloseTo(0.7037037, 5);
    expect(alike('vpn wont connect', 'vpn not connecting at home')).toBeCloseTo(0.33333334, 5);
  });

  it('lists each alike pair once, under the earlier wording, and only at or above the threshold', () => {
    const wordings = ['vpn not connecting', 'vpn wont connect', 'printer jam', 'vpn not connecting at home'].map((wording) => ({
      wording,
      trigrams: trigramsOf(wording),
    }));
    const pairs = similarPairs(wordings, 0.5);
    expect(pairs.get('vpn not connecting')).toEqual(['vpn not connecting at home']);
    expect(pairs.get('vpn wont connect')).toEqual([]);
    expect(pairs.get('printer jam')).toEqual([]);
    expect(pairs.get('vpn not connecting at home')).toEqual([]);
  });
});
