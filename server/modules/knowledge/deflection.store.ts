import { and, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.ts';
import { articles, intakeDeflections, knowledgeSearches } from './knowledge.tables.ts';

// The only SQL of intake deflection: its two logs, and the facts of the articles a filer names.

export type NewDeflectionRow = typeof intakeDeflections.$inferInsert;
export type NewSearchRow = typeof knowledgeSearches.$inferInsert;

export async function insertDeflection(db: Queryable, values: NewDeflectionRow): Promise<{ id: string }> {
  const [row] = await db.insert(intakeDeflections).values(values).returning({ id: intakeDeflections.id });
  return row!;
}

export async function insertSearch(db: Queryable, values: NewSearchRow): Promise<{ id: number }> {
  const [row] = await db.insert(knowledgeSearches).values(values).returning({ id: knowledgeSearches.id });
  return row!;
}

/** Team, status and visibility of the named articles (those that exist). */
export function selectArticleFacts(db: Queryable, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: articles.id, teamId: articles.teamId, status: articles.status, visibility: articles.visibility })
    .from(articles)
    .where(inArray(articles.id, ids));
}

/**
 * A portal search that led to a filing: only one not yet tied to a request, not deflected, and
 * recent (searched since `since`), so an old or foreign search id cannot be re-labelled at will.
 */
export async function markSearchRequested(db: Queryable, searchId: number, requestId: string, since: Date): Promise<boolean> {
  const updated = await db
    .update(knowledgeSearches)
    .set({ outcome: 'requested', requestId })
    .where(
      and(
        eq(knowledgeSearches.id, searchId),
        isNull(knowledgeSearches.requestId),
        inArray(knowledgeSearches.outcome, ['shown', 'none']),
        gte(knowledgeSearches.searchedAt, sql`${since.toISOString()}::timestamptz`),
      ),
    )
    .returning({ id: knowledgeSearches.id });
  return updated.length > 0;
}
