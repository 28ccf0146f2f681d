import type { Queryable } from '../../platform/db/database.ts';
import { AppError, fieldError, type FieldProblem } from '../../platform/http/errors.ts';
import { pageFrom, type Page } from '../../platform/http/pagination.ts';
import { findPersonById, findTeamById, membershipsOfPerson } from '../people/people.service.ts';
import { articleReadScopeOf, canReadArticle, canWriteArticles, type ArticleActor } from './articles.policy.ts';
import { createArticleBody, type ArticleSummary, type ArticleView, type CreateArticleInput, type ListArticlesQuery, type UpdateArticleInput } from './articles.schema.ts';
import * as store from './articles.store.ts';
import { isReservedSlug, nextFreeSlug, slugFromTitle } from './article-slugs.ts';
import { toArticleSummaries, toArticleView } from './articles.views.ts';
import { renderArticleMarkdown } from './markdown.ts';

// Articles: create, read, list, edit. Every save writes the whole article as a new row of
// article_versions in the same transaction. The lifecycle is in articles.transitions.ts.

export type { ArticleRow } from './articles.store.ts';

export const articleNotFound = (slug: string, field = 'params.slug') =>
  new AppError('ARTICLE_NOT_FOUND', `No article ${slug.slice(0, 120)} that you can read`, [{ field, reason: 'no article you can read has this slug' }]);

/** An article by id for Hallway's own rules (an attachment's reader check), with no policy: never hand it to a caller unfiltered. */
export const findArticleForHallway = (db: Queryable, id: string) => store.selectArticleById(db, id);

/** The article if the actor may read it, else 404 whether or not it exists. */
export async function findReadableArticle(db: Queryable, actor: ArticleActor, slug: string, options: { lock?: boolean } = {}): Promise<store.ArticleRow> {
  const row = /^[a-z0-9-]{1,120}$/.test(slug) ? await store.selectArticleBySlug(db, slug, options) : undefined;
  if (!row || !canReadArticle(actor, row)) throw articleNotFound(slug);
  return row;
}

/** The article if the actor may change it: 404 for those who may not read it, 403 for readers. */
export async function findWritableArticle(tx: Queryable, actor: ArticleActor, slug: string): Promise<store.ArticleRow> {
  const row = await findReadableArticle(tx, actor, slug, { lock: true });
  if (!canWriteArticles(actor, row.teamId)) throw new AppError('FORBIDDEN', "Only agents of the article's team and admins change it");
  return row;
}

export function versionConflict(currentVersion: number): AppError {
  return new AppError('VERSION_CONFLICT', `The article is at version ${currentVersion}; read it again and reapply your change`, undefined, { currentVersion });
}

/** Every save: the article as it now is, whole, with who and why. */
export async function recordVersion(tx: Queryable, row: store.ArticleRow, editedBy: string, note: string | null): Promise<void> {
  await store.insertVersion(tx, {
    articleId: row.id,
    version: row.version,
    title: row.title,
    body: row.body,
    status: row.status,
    visibility: row.visibility,
    category: row.category,
    tags: row.tags,
    editedBy,
    note,
  });
}

/** An owner keeps the article true: an active agent of its team, or an active admin. */
async function checkOwner(db: Queryable, ownerId: string, teamId: string, field: string): Promise<void> {
  const [person, memberships] = await Promise.all([findPersonById(db, ownerId), membershipsOfPerson(db, ownerId)]);
  if (!person?.active || !(person.isAdmin || memberships.some((membership) => membership.id === teamId))) {
    throw fieldError(field, "must be an active agent of the article's team or an admin");
  }
}

async function freeSlug(db: Queryable, title: string, chosen: string | undefined): Promise<string> {
  if (chosen !== undefined) {
    const taken = await store.selectArticleBySlug(db, chosen);
    if (taken || isReservedSlug(chosen)) throw fieldError('body.slug', 'is taken by another article or reserved', 'ARTICLE_SLUG_TAKEN');
    return chosen;
  }
  const base = slugFromTitle(title);
  return nextFreeSlug(base, await store.selectSlugsLike(db, base));
}

const invalid = (issues: FieldProblem[]) => new AppError('VALIDATION_FAILED', issues.map((issue) => `${issue.field}: ${issue.reason}`).join('; '), issues);

export interface CreateOptions {
  /** The resolved request it was drafted from. */
  sourceRequestId?: string;
  /** Hallway itself (the demo seeder): no policy applies. */
  asSystem?: boolean;
}

/** A new draft, version 1. Input is parsed here as well as by the route, so a seeder's mistake is the same problem an API client gets. */
export async function createArticle(tx: Queryable, actor: ArticleActor, input: CreateArticleInput, options: CreateOptions = {}): Promise<store.ArticleRow> {
  const parsed = createArticleBody.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues.map((issue) => ({ field: ['body', ...issue.path.map(String)].join('.'), reason: issue.message })));
  const values = parsed.data;
  if (!options.asSystem && !canWriteArticles(actor, values.teamId)) throw new AppError('FORBIDDEN', 'Only agents of a team and admins write its articles');
  if (!(await findTeamById(tx, values.teamId))) throw fieldError('body.teamId', 'no team has this id');
  const ownerId = values.ownerId ?? actor.personId;
  await checkOwner(tx, ownerId, values.teamId, values.ownerId ? 'body.ownerId' : 'body.ownerId (you, by default)');
  const slug = await freeSlug(tx, values.title, values.slug);
  const row = await insertOrExplain(() =>
    store.insertArticle(tx, {
      teamId: values.teamId,
      slug,
      title: values.title,
      body: values.body,
      bodyHtml: renderArticleMarkdown(values.body),
      status: 'draft',
      visibility: values.visibility,
      category: values.category,
      tags: values.tags,
      ownerId,
      reviewBy: values.reviewBy,
      sourceRequestId: options.sourceRequestId ?? null,
      createdBy: actor.personId,
    }),
  );
  await recordVersion(tx, row, actor.personId, null);
  return row;
}

/** Two authors taking the same free slug at once: the second is told, nothing half-written. */
async function insertOrExplain(write: () => Promise<store.ArticleRow>): Promise<store.ArticleRow> {
  try {
    return await write();
  } catch (error) {
    for (let current: unknown = error; current instanceof Error; current = current.cause) {
      const details = current as Error & { code?: string; constraint?: string };
      if (details.code === '23505' && details.constraint === 'articles_slug_unique') throw fieldError('body.slug', 'was just taken by another article; try again', 'ARTICLE_SLUG_TAKEN');
    }
    throw error;
  }
}

export async function createArticleForActor(db: Queryable, actor: ArticleActor, input: CreateArticleInput): Promise<ArticleView> {
  return db.transaction(async (tx) => toArticleView(tx, actor, await createArticle(tx, actor, input)));
}

export async function getArticle(db: Queryable, actor: ArticleActor, slug: string): Promise<ArticleView> {
  return toArticleView(db, actor, await findReadableArticle(db, actor, slug));
}

export async function listArticles(db: Queryable, actor: ArticleActor, query: ListArticlesQuery): Promise<Page<ArticleSummary>> {
  const after = query.cursor ? { updatedAt: query.cursor[0], id: query.cursor[1] } : undefined;
  const rows = await store.selectArticlePage(
    db,
    articleReadScopeOf(actor),
    { teamId: query.team, status: query.status, stale: query.stale, ownerId: query.owner === 'me' ? actor.personId : undefined,
      text: query.q,
      category: query.category,
      tag: query.tag,
    },
    after,
    query.limit + 1,
  );
  const page = pageFrom(rows, query.limit, (row) => [row.position, row.id]);
  return { items: await toArticleSummaries(db, page.items), nextCursor: page.nextCursor };
}

export async function listCategories(db: Queryable, actor: ArticleActor, teamId: string | undefined): Promise<{ categories: string[] }> {
  return { categories: await store.selectCategories(db, articleReadScopeOf(actor), teamId) };
}

/** An edit: a published article stays published. Nothing changed, nothing saved (no new version). */
export async function updateArticle(db: Queryable, actor: ArticleActor, slug: string, input: UpdateArticleInput, expectedVersion: number | undefined): Promise<ArticleView> {
  if (expectedVersion === undefined) throw new AppError('VERSION_REQUIRED');
  return db.transaction(async (tx) => {
    const current = await findWritableArticle(tx, actor, slug);
    if (current.version !== expectedVersion) throw versionConflict(current.version);
    const changes: store.ArticleChanges = {};
    if (input.title !== undefined && input.title !== current.title) changes.title = input.title;
    if (input.body !== undefined && input.body !== current.body) Object.assign(changes, { body: input.body, bodyHtml: renderArticleMarkdown(input.body) });
    if (input.visibility !== undefined && input.visibility !== current.visibility) changes.visibility = input.visibility;
    if (input.category !== undefined && input.category !== current.category) changes.category = input.category;
    if (input.tags !== undefined && input.tags.join('\u0001') !== current.tags.join('\u0001')) changes.tags = input.tags;
    if (input.reviewBy !== undefined && input.reviewBy !== current.reviewBy) changes.reviewBy = input.reviewBy;
    if (input.ownerId !== undefined && input.ownerId !== current.ownerId) {
      await checkOwner(tx, input.ownerId, current.teamId, 'body.ownerId');
      changes.ownerId = input.ownerId;
    }
    if (Object.keys(changes).length === 0) return toArticleView(tx, actor, current);
    const saved = await store.updateArticle(tx, current, expectedVersion, changes);
    if (!saved) throw versionConflict(current.version);
    await recordVersion(tx, saved, actor.personId, input.note ?? null);
    return toArticleView(tx, actor, saved);
  });
}
