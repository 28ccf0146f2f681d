import { describe, expect, it } from 'vitest';
import { groupWordings, type WordingStats } from './gaps.grouping.ts';

const wording = (name: string, searches: number, similar: string[] = [], at = '2026-03-01T00:00:00.000Z'): WordingStats => ({
  wording: name,
  searches,
  noResults: searches - 1,
  requestedAnyway: 1,
  lastSearchedAt: at,
  similar,
});

describe('groupWordings', () => {
  it('names each group by its most searched wording and adds up its members', () => {
    const groups = groupWordings([
      wording('vpn not connected', 2, [], '2026-03-05T10:00:00.000Z'),
      wording('vpn not connecting', 4, ['vpn not connected'], '2026-03-02T10:00:00.000Z'),
      wording('printer jam', 3),
    ]);
    expect(groups).toEqual([
      {
        wording: 'vpn not connecting',
        searches: 6,
        noResults: 4,
        requestedAnyway: 2,
        lastSearchedAt: '2026-03-05T10:00:00.000Z',
        examples: [
          { query: 'vpn not connecting', count: 4 },
          { query: 'vpn not connected', count: 2 },
        ],
      },
      { wording: 'printer jam', searches: 3, noResults: 2, requestedAnyway: 1, lastSearchedAt: '2026-03-01T00:00:00.000Z', examples: [{ query: 'printer jam', count: 3 }] },
    ]);
  });

  it('takes only wordings similar to the leader, not chains of them', () => {
    // a ~ b and b ~ c, but not a ~ c: c stays apart rather than drifting into a's group.
    const groups = groupWordings([wording('a', 5, ['b']), wording('b', 3, ['c']), wording('c', 2)]);
    expect(groups.map((group) => [group.wording, group.examples.map((example) => example.query)])).toEqual([
      ['a', ['a', 'b']],
      ['c', ['c']],
    ]);
  });

  it('gives the same groups whatever the input order, ties broken by wording', () => {
    const input = [wording('beta', 2, ['alpha']), wording('alpha', 2), wording('gamma', 2)];
    const expected = [
      ['alpha', 4],
      ['gamma', 2],
    ];
    expect(groupWordings(input).map((group) => [group.wording, group.searches])).toEqual(expected);
    expect(groupWordings([...input].reverse()).map((group) => [group.wording, group.searches])).toEqual(expected);
  });

  it('ignores pairs naming wordings it was not given, and a wording paired with itself', () => {
    expect(groupWordings([wording('x', 1, ['x', 'not listed'])])).toEqual([
      { wording: 'x', searches: 1, noResults: 0, requestedAnyway: 1, lastSearchedAt: '2026-03-01T00:00:00.000Z', examples: [{ query: 'x', count: 1 }] },
    ]);
    expect(groupWordings([])).toEqual([]);
  });

  it('keeps at most maxExamples examples, the most searched', () => {
    const [group] = groupWordings([wording('lead', 9, ['m1', 'm2', 'm3']), wording('m1', 1), wording('m2', 3), wording('m3', 2)], 2);
    expect(group!.examples).toEqual([
      { query: 'lead', count: 9 },
      { query: 'm2', count: 3 },
    ]);
    expect(group!.searches).toBe(15);
  });
});
