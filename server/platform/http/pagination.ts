import { z } from 'zod';

/**
 * Keyset ("cursor") pagination: a page ends with an opaque cursor naming the last row's sort key,
 * and the next page starts strictly after it. Unlike OFFSET it costs the same on page 1 and page
 * 10,000, and rows inserted meanwhile neither repeat nor vanish.
 *
 * The cursor is base64url JSON so clients treat it as opaque; a module chooses what goes in it and
 * gives a zod schema for it, so a tampered cursor is a 400 at `query.cursor`, never a 500.
 */
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export const pageSizeQuery = z.coerce
  .number({ message: 'must be a whole number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`)
  .default(DEFAULT_PAGE_SIZE);

export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

const CURSOR_MESSAGE = 'is not a cursor this API gave out; start again without it';

/** A query parameter that decodes to the module's position type, or fails validation. */
export function cursorQuery<T>(position: z.ZodType<T>) {
  return z
    .string()
    .max(1000, CURSOR_MESSAGE)
    .transform((cursor, context): T => {
      const decoded = decodePosition(cursor);
      const parsed = decoded === undefined ? undefined : position.safeParse(decoded);
      if (!parsed?.success) {
        context.addIssue({ code: 'custom', message: CURSOR_MESSAGE });
        return z.NEVER;
      }
      return parsed.data;
    });
}

function decodePosition(cursor: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

export interface Page<T> {
  items: T[];
  /** Null on the last page. */
  nextCursor: string | null;
}

/** Callers fetch `limit + 1` rows: the extra one only says that there is a next page. */
export function pageFrom<Row>(rows: Row[], limit: number, positionOf: (row: Row) => unknown): Page<Row> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(positionOf(last)) : null };
}

export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` to get the next page; null on the last page'),
  });
}
