import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cursorQuery, encodeCursor, pageFrom } from './pagination.ts';

const position = z.tuple([z.string(), z.number()]);

describe('keyset pagination helpers', () => {
  it('round-trips a position through an opaque cursor', () => {
    const cursor = encodeCursor(['b', 2]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursorQuery(position).parse(cursor)).toEqual(['b', 2]);
  });

  it.each(['', '***', 'bm90IGpzb24', encodeCursor({ b: 2 }), encodeCursor(['b', 'two']), 'A'.repeat(1001)])(
    'refuses the cursor %j',
    (cursor) => {
      const result = cursorQuery(position).safeParse(cursor);
      expect(result.success).toBe(false);
    },
  );

  it('takes the extra row as the sign of a next page', () => {
    const rows = [1, 2, 3, 4];
    expect(pageFrom(rows, 3, (row) => [String(row), row])).toEqual({ items: [1, 2, 3], nextCursor: encodeCursor(['3', 3]) });
    expect(pageFrom(rows, 4, (row) => [String(row), row])).toEqual({ items: rows, nextCursor: null });
  });
});
