import { getTableColumns, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.ts';
import type { ArticleRow } from '../knowledge/articles.service.ts';
import { articles, articleStats } from '../knowledge/knowledge.tables.ts';
import { readable, type ArticleReader } from './search.store.ts';

// The team page's own SQL: a team's most useful articles that the viewer may read.

const { search: _search, ...rowColumns } = getTableColumns(articles);

/** Most helpful first (smoothed as search ranks it), then most read, then newest. */
export async function selectTopArticles(db: Queryable, teamId: string, reader: ArticleReader, limit: number): Promise<ArticleRow[]> {
  return db
    .select(rowColumns)
    .from(articles)
    .leftJoin(articleStats, sql`${articleStats.articleId} = ${articles.id}`)
    .where(sql`${articles.teamId} = ${teamId}::uuid and ${readable(reader, 'articles')}`)
    .orderBy(
      sql`(coalesce(${articleStats.helpful}, 0) + 2.5) / (coalesce(${articleStats.helpful}, 0) + coalesce(${articleStats.notHelpful}, 0) + 5.0) desc`,
      sql`coalesce(${articleStats.views}, 0) desc`,
      sql`${articles.updatedAt} desc`,
      articles.id,
    )
    .limit(limit);
}
