import { sql } from 'drizzle-orm';
import { rowsOf, type Queryable } from '../../platform/db/database.ts';
import type { ArticleStatus, ArticleVisibility } from '../knowledge/knowledge.tables.ts';
import { readable, type ArticleReader } from './search.store.ts';
import type { ArticleSummary } from './team-page.schema.ts';

// The team page's own SQL: a team's most useful articles that the viewer may read.

interface SummaryRow {
  id: string;
  slug: string;
  teamId: string;
  teamName: string;
  title: string;
  excerpt: string;
  status: ArticleStatus;
  visibility: ArticleVisibility;
  category: string | null;
  tags: string[];
  ownerId: string;
  ownerName: string;
  reviewBy: string | null;
  stale: boolean;
  version: number;
  updatedAt: string | Date;
  publishedAt: string | Date | null;
  views: number;
  helpful: number;
  notHelpful: number;
}

const iso = (value: string | Date) => new Date(value).toISOString();

/** Most helpful first (smoothed as search ranks it), then most read, then newest. */
export async function selectTopArticles(db: Queryable, teamId: string, reader: ArticleReader, limit: number): Promise<ArticleSummary[]> {
  const result = await db.execute(sql`
    select a.id, a.slug, a.team_id as "teamId", t.name as "teamName", a.title,
      left(regexp_replace(regexp_replace(a.body, '!?\\[([^\\]]*)\\]\\([^)]*\\)|[*_#>|\`]+|-{3,}', '\\1', 'g'), '\\s+', ' ', 'g'), 200) as excerpt,
      a.status, a.visibility, a.category, a.tags, a.owner_id as "ownerId", o.name as "ownerName",
      a.review_by::text as "reviewBy", coalesce(a.review_by < current_date, false) as stale, a.version,
      a.updated_at as "updatedAt", a.published_at as "publishedAt",
      coalesce(s.views, 0) as views, coalesce(s.helpful, 0) as helpful, coalesce(s.not_helpful, 0) as "notHelpful"
    from articles a
    join teams t on t.id = a.team_id
    join people o on o.id = a.owner_id
    left join article_stats s on s.article_id = a.id
    where a.team_id = ${teamId}::uuid and ${readable(reader)}
    order by (coalesce(s.helpful, 0) + 2.5) / (coalesce(s.helpful, 0) + coalesce(s.not_helpful, 0) + 5.0) desc,
      coalesce(s.views, 0) desc, a.updated_at desc, a.id
    limit ${limit}`);
  return rowsOf<SummaryRow>(result).map((row) => ({
    id: row.id,
    slug: row.slug,
    teamId: row.teamId,
    teamName: row.teamName,
    title: row.title,
    excerpt: row.excerpt.trim(),
    status: row.status,
    visibility: row.visibility,
    category: row.category,
    tags: row.tags,
    owner: { id: row.ownerId, name: row.ownerName },
    reviewBy: row.reviewBy,
    stale: row.stale,
    version: Number(row.version),
    updatedAt: iso(row.updatedAt),
    publishedAt: row.publishedAt === null ? null : iso(row.publishedAt),
    stats: { views: Number(row.views), helpful: Number(row.helpful), notHelpful: Number(row.notHelpful) },
  }));
}
