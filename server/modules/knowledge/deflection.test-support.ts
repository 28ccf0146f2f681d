import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { rowsOf } from '../../platform/db/database.ts';
import { articles, intakeDeflections, knowledgeSearches, type ArticleStatus, type ArticleVisibility } from './knowledge.tables.ts';
import { normalizeQuery } from '../search/search.query.ts';

// Rows the deflection tests need, written directly: articles (until the articles module lands,
// and to place them in any state), and searches and deflections at chosen instants for the reports.

export async function insertArticle(
  database: Database,
  values: { teamId: string; ownerId: string; status?: ArticleStatus; visibility?: ArticleVisibility; title?: string },
): Promise<string> {
  const title = values.title ?? `Article ${randomBytes(3).toString('hex')}`;
  const [row] = await database.db
    .insert(articles)
    .values({
      teamId: values.teamId,
      slug: `a-${randomBytes(6).toString('hex')}`,
      title,
      body: `How to ${title}`,
      status: values.status ?? 'published',
      visibility: values.visibility ?? 'everyone',
      ownerId: values.ownerId,
      createdBy: values.ownerId,
      publishedAt: (values.status ?? 'published') === 'published' ? new Date() : null,
    })
    .returning({ id: articles.id });
  return row!.id;
}

export async function insertSearch(
  database: Database,
  values: { query: string; hits: number; outcome: 'shown' | 'none' | 'requested' | 'deflected'; at: string; teamId?: string | null; source?: 'portal' | 'desk' | 'intake' | 'api' },
): Promise<number> {
  const [row] = await database.db
    .insert(knowledgeSearches)
    .values({
      source: values.source ?? 'portal',
      query: values.query,
      normalized: normalizeQuery(values.query),
      teamId: values.teamId ?? null,
      hits: values.hits,
      outcome: values.outcome,
      searchedAt: new Date(values.at),
    })
    .returning({ id: knowledgeSearches.id });
  return row!.id;
}

export async function insertDeflection(
  database: Database,
  values: { serviceId: string; teamId: string; personId: string; at: string; requestId?: string },
): Promise<void> {
  const { at, requestId, ...rest } = values;
  await database.db
    .insert(intakeDeflections)
    .values({ ...rest, outcome: requestId ? 'submitted' : 'solved', requestId: requestId ?? null, subject: 'from a test', occurredAt: new Date(at) });
}

/** Moves a request's filing to a chosen instant (and, optionally, makes it a workflow's child). */
export async function backdateRequest(database: Database, key: string, at: string, parentKey?: string): Promise<string> {
  const parent = parentKey === undefined ? sql`parent_id` : sql`(select id from requests where key = ${parentKey})`;
  const [row] = rowsOf<{ id: string }>(
    await database.db.execute(sql`update requests set created_at = ${at}::timestamptz, parent_id = ${parent} where key = ${key} returning id`),
  );
  return row!.id;
}

export async function countOf(database: Database, table: 'requests' | 'intake_deflections' | 'knowledge_searches'): Promise<number> {
  const [row] = rowsOf<{ count: number }>(await database.db.execute(sql`select count(*)::int as count from ${sql.identifier(table)}`));
  return Number(row!.count);
}

export const searchesOf = (database: Database) => database.db.select().from(knowledgeSearches).orderBy(knowledgeSearches.id);
export const deflectionsOf = (database: Database) => database.db.select().from(intakeDeflections).orderBy(intakeDeflections.occurredAt);
