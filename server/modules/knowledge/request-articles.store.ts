import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.ts';
import { requestArticles } from './knowledge.tables.ts';

// Links between requests and the articles that helped solve them.

export async function insertLink(tx: Queryable, requestId: string, articleId: string, linkedBy: string): Promise<void> {
  await tx.insert(requestArticles).values({ requestId, articleId, linkedBy }).onConflictDoNothing();
}

export async function deleteLink(tx: Queryable, requestId: string, articleId: string): Promise<boolean> {
  const rows = await tx
    .delete(requestArticles)
    .where(and(eq(requestArticles.requestId, requestId), eq(requestArticles.articleId, articleId)))
    .returning({ articleId: requestArticles.articleId });
  return rows.length > 0;
}

export async function selectLinkedArticleIds(db: Queryable, requestId: string): Promise<string[]> {
  const rows = await db
    .select({ articleId: requestArticles.articleId })
    .from(requestArticles)
    .where(eq(requestArticles.requestId, requestId))
    .orderBy(asc(requestArticles.linkedAt), asc(requestArticles.articleId));
  return rows.map((row) => row.articleId);
}
