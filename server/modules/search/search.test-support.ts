import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { articles, articleStats, type ArticleStatus, type ArticleVisibility } from '../knowledge/knowledge.tables.ts';
import { demoArticles } from '../demo/demo-articles-data.ts';

// Articles written straight into the table for search tests, so they do not wait on the articles
// module's API; `keywords` is kept as the articles store keeps it (tags and category as one text).

export interface ArticleFixture {
  teamId: string;
  ownerId: string;
  title: string;
  body?: string;
  slug?: string;
  status?: ArticleStatus;
  visibility?: ArticleVisibility;
  category?: string | null;
  tags?: string[];
  ageDays?: number;
  helpful?: number;
  notHelpful?: number;
}

export const keywordsOf = (tags: string[], category: string | null) => [...tags, category ?? ''].join(' ').trim();

export async function insertArticle(database: Database, fixture: ArticleFixture): Promise<{ id: string; slug: string }> {
  const tags = fixture.tags ?? [];
  const category = fixture.category ?? null;
  const status = fixture.status ?? 'published';
  const at = sql`now() - make_interval(days => ${fixture.ageDays ?? 0})`;
  const [row] = await database.db
    .insert(articles)
    .values({
      teamId: fixture.teamId,
      ownerId: fixture.ownerId,
      createdBy: fixture.ownerId,
      slug: fixture.slug ?? `article-${randomBytes(4).toString('hex')}`,
      title: fixture.title,
      body: fixture.body ?? '',
      status,
      visibility: fixture.visibility ?? 'everyone',
      category,
      tags,
      keywords: keywordsOf(tags, category),
      createdAt: at,
      updatedAt: at,
      publishedAt: status === 'published' ? at : null,
    })
    .returning({ id: articles.id, slug: articles.slug });
  if (fixture.helpful !== undefined || fixture.notHelpful !== undefined) {
    await database.db.insert(articleStats).values({ articleId: row!.id, helpful: fixture.helpful ?? 0, notHelpful: fixture.notHelpful ?? 0 });
  }
  return row!;
}

/** The demo knowledge base, each article in the team of its slug (`teamIds`), owned by `ownerId`. */
export async function insertDemoArticles(database: Database, teamIds: Map<string, string>, ownerId: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const article of demoArticles) {
    const teamId = teamIds.get(article.team);
    if (!teamId) throw new Error(`no team for ${article.team}`);
    const { id } = await insertArticle(database, { ...article, teamId, ownerId });
    ids.set(article.slug, id);
  }
  return ids;
}
