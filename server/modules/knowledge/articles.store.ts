import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.ts';
import type { ArticleReadScope } from './articles.policy.ts';
import { articles, articleStats, articleVersions } from './knowledge.tables.ts';

// The SQL of articles and their versions. `keywords` (tags and category as one text, which the
// generated search vector reads) is kept here, on every write, so no caller can forget it.

const a = articles;

export type ArticleRow = Omit<typeof articles.$inferSelect, 'search'>;
type ArticleInsert = typeof articles.$inferInsert;
export type NewArticle = Omit<ArticleInsert, 'id' | 'keywords' | 'search' | 'version' | 'createdAt' | 'updatedAt'>;
export type ArticleChanges = Partial<Pick<ArticleInsert, 'title' | 'body' | 'bodyHtml' | 'status' | 'visibility' | 'category' | 'tags' | 'ownerId' | 'reviewBy'>> & {
  publishedAt?: 'now' | null;
  archivedAt?: 'now' | null;
};
export type NewVersion = typeof articleVersions.$inferInsert;

const columns = {
  id: a.id,
  teamId: a.teamId,
  slug: a.slug,
  title: a.title,
  body: a.body,
  bodyHtml: a.bodyHtml,
  status: a.status,
  visibility: a.visibility,
  category: a.category,
  tags: a.tags,
  keywords: a.keywords,
  ownerId: a.ownerId,
  reviewBy: a.reviewBy,
  version: a.version,
  sourceRequestId: a.sourceRequestId,
  createdBy: a.createdBy,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
  publishedAt: a.publishedAt,
  archivedAt: a.archivedAt,
};

export const keywordsOf = (tags: readonly string[], category: string | null | undefined): string => [...tags, category ?? ''].filter((word) => word !== '').join(' ');

export async function insertArticle(tx: Queryable, row: NewArticle): Promise<ArticleRow> {
  const [saved] = await tx
    .insert(a)
    .values({ ...row, keywords: keywordsOf(row.tags ?? [], row.category) })
    .returning(columns);
  if (!saved) throw new Error('insert returned no row');
  await tx.insert(articleStats).values({ articleId: saved.id }).onConflictDoNothing();
  return saved;
}

/** The change as a new version, only if the article is still at `expectedVersion`; undefined otherwise. */
export async function updateArticle(tx: Queryable, current: ArticleRow, expectedVersion: number, changes: ArticleChanges): Promise<ArticleRow | undefined> {
  const { publishedAt, archivedAt, ...plain } = changes;
  const tags = plain.tags ?? current.tags;
  const category = plain.category === undefined ? current.category : plain.category;
  const [saved] = await tx
    .update(a)
    .set({
      ...plain,
      keywords: keywordsOf(tags, category),
      ...(publishedAt === undefined ? {} : { publishedAt: publishedAt === 'now' ? sql`now()` : null }),
      ...(archivedAt === undefined ? {} : { archivedAt: archivedAt === 'now' ? sql`now()` : null }),
      version: sql`${a.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(a.id, current.id), eq(a.version, expectedVersion)))
    .returning(columns);
  return saved;
}

export async function insertVersion(tx: Queryable, row: NewVersion): Promise<void> {
  await tx.insert(articleVersions).values(row);
}

export async function selectArticleBySlug(db: Queryable, slug: string, options: { lock?: boolean } = {}): Promise<ArticleRow | undefined> {
  const query = db.select(columns).from(a).where(eq(a.slug, slug)).limit(1);
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function selectArticleById(db: Queryable, id: string): Promise<ArticleRow | undefined> {
  const [row] = await db.select(columns).from(a).where(eq(a.id, id)).limit(1);
  return row;
}

export async function selectArticlesByIds(db: Queryable, ids: readonly string[]): Promise<ArticleRow[]> {
  if (ids.length === 0) return [];
  return db.select(columns).from(a).where(inArray(a.id, [...ids]));
}

/** Slugs taken among `base` and `base-<n>`, to choose the next free one. */
export async function selectSlugsLike(db: Queryable, base: string): Promise<string[]> {
  const rows = await db
    .select({ slug: a.slug })
    .from(a)
    .where(or(eq(a.slug, base), sql`${a.slug} ~ ${`^${base}-[0-9]+$`}`));
  return rows.map((row) => row.slug);
}

/** The articles this scope may read, as SQL (the same rule as `canReadArticle`). */
export function readableBy(scope: ArticleReadScope): SQL {
  if (scope.everything) return sql`true`;
  const published = and(eq(a.status, 'published'), inArray(a.visibility, scope.isAgent ? ['everyone', 'agents'] : ['everyone']))!;
  return scope.teamIds.length > 0 ? or(inArray(a.teamId, scope.teamIds), published)! : published;
}

const today = sql`(now() at time zone 'UTC')::date`;
export const staleCondition = sql`(${a.status} = 'published' and ${a.reviewBy} < ${today})`;

export interface ArticleFilters {
  teamId?: string;
  status?: ArticleRow['status'];
  stale?: boolean;
  ownerId?: string;
  text?: string;
  category?: string;
  tag?: string;
}

/** Microsecond-exact UTC text for a cursor: one rounded to milliseconds would skip or repeat rows. */
const updatedPosition = sql<string>`to_char(${a.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
export type ListedArticleRow = ArticleRow & { position: string };

/** Most recently changed first, `limit` rows after the cursor (callers ask for one more than a page). */
export async function selectArticlePage(
  db: Queryable,
  scope: ArticleReadScope,
  filters: ArticleFilters,
  after: { updatedAt: string; id: string } | undefined,
  limit: number,
): Promise<ListedArticleRow[]> {
  const conditions: SQL[] = [readableBy(scope)];
  if (filters.teamId) conditions.push(eq(a.teamId, filters.teamId));
  if (filters.status) conditions.push(eq(a.status, filters.status));
  if (filters.stale === true) conditions.push(staleCondition);
  if (filters.stale === false) conditions.push(sql`not ${staleCondition}`);
  if (filters.ownerId) conditions.push(eq(a.ownerId, filters.ownerId));
  if (filters.category) conditions.push(sql`lower(${a.category}) = lower(${filters.category})`);
  if (filters.tag) conditions.push(sql`lower(${filters.tag}) = any (select lower(tag) from unnest(${a.tags}) as tag)`);
  if (filters.text) {
    conditions.push(sql`(${a.search} @@ websearch_to_tsquery('english', ${filters.text}) or strpos(lower(${a.title}), lower(${filters.text})) > 0)`);
  }
  if (after) conditions.push(sql`(${a.updatedAt}, ${a.id}) < (${after.updatedAt}::timestamptz, ${after.id}::uuid)`);
  return db
    .select({ ...columns, position: updatedPosition })
    .from(a)
    .where(and(...conditions))
    .orderBy(desc(a.updatedAt), desc(a.id))
    .limit(limit);
}

/** The distinct categories of the articles this scope may read, optionally of one team. */
export async function selectCategories(db: Queryable, scope: ArticleReadScope, teamId: string | undefined): Promise<string[]> {
  const conditions: SQL[] = [readableBy(scope), sql`${a.category} is not null`];
  if (teamId) conditions.push(eq(a.teamId, teamId));
  const rows = await db
    .selectDistinct({ category: sql<string>`${a.category}` })
    .from(a)
    .where(and(...conditions))
    .orderBy(asc(sql`${a.category}`));
  return rows.map((row) => row.category);
}

// ---- versions ----

export async function selectVersions(db: Queryable, articleId: string) {
  return db
    .select({
      version: articleVersions.version,
      title: articleVersions.title,
      status: articleVersions.status,
      editedBy: articleVersions.editedBy,
      editedAt: articleVersions.editedAt,
      note: articleVersions.note,
    })
    .from(articleVersions)
    .where(eq(articleVersions.articleId, articleId))
    .orderBy(desc(articleVersions.version));
}

export async function selectVersion(db: Queryable, articleId: string, version: number) {
  const [row] = await db
    .select()
    .from(articleVersions)
    .where(and(eq(articleVersions.articleId, articleId), eq(articleVersions.version, version)))
    .limit(1);
  return row;
}

/**
 * Seeded articles (the demo) in one statement each for the articles, their versions and their
 * counters: rows checked by the caller, dated as given.
 */
export async function insertSeededArticles(
  tx: Queryable,
  rows: ReadonlyArray<{ article: Omit<ArticleInsert, 'keywords' | 'search'>; versions: Omit<NewVersion, 'articleId'>[]; stats?: { views: number; helpful: number; notHelpful: number } }>,
): Promise<string[]> {
  if (rows.length === 0) return [];
  const saved = await tx
    .insert(a)
    .values(rows.map(({ article }) => ({ ...article, keywords: keywordsOf(article.tags ?? [], article.category) })))
    .returning({ id: a.id });
  const ids = saved.map((row) => row.id);
  await tx.insert(articleVersions).values(rows.flatMap(({ versions }, index) => versions.map((version) => ({ ...version, articleId: ids[index]! }))));
  await tx.insert(articleStats).values(rows.map(({ stats }, index) => ({ articleId: ids[index]!, ...(stats ?? {}) })));
  return ids;
}
