import { describe, expect, it } from 'vitest';
import { queryFromParam, typeFilterFromParam } from './search-filters.ts';

describe('the results page address', () => {
  it('reads one known kind of result, anything else as everything', () => {
    expect(typeFilterFromParam('article')).toBe('article');
    expect(typeFilterFromParam('holiday')).toBe('holiday');
    for (const value of [null, '', 'articles', 'article,service', 'ARTICLE']) expect(typeFilterFromParam(value)).toBeNull();
  });

  it('reads the words trimmed, none when blank, at most 200 characters', () => {
    expect(queryFromParam('  pasword rest ')).toBe('pasword rest');
    expect(queryFromParam('   ')).toBeNull();
    expect(queryFromParam(null)).toBeNull();
    expect(queryFromParam('x'.repeat(300))).toHaveLength(200);
  });
});
