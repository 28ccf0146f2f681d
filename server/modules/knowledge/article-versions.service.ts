import type { Queryable } from '../../platform/db/database.ts';
import { fieldError } from '../../platform/http/errors.ts';
import { NameBook } from '../requests/requests.views.ts';
import { lineChanges } from './article-versions.ts';
import type { ArticleActor } from './articles.policy.ts';
import type { DiffView } from './articles.schema.ts';
import { findReadableArticle } from './articles.service.ts';
import * as store from './articles.store.ts';

// An article's history: every saved version, and what changed between two of them. Whoever may
// read the article may read its history (a reader of a published article sees how it evolved).

export async function listVersions(db: Queryable, actor: ArticleActor, slug: string) {
  const article = await findReadableArticle(db, actor, slug);
  const names = new NameBook(db);
  const rows = await store.selectVersions(db, article.id);
  const items = await Promise.all(
    rows.map(async (row) => ({
      version: row.version,
      title: row.title,
      status: row.status,
      editedBy: await names.person(row.editedBy),
      editedAt: row.editedAt.toISOString(),
      note: row.note,
    })),
  );
  return { items };
}

export async function diffVersions(db: Queryable, actor: ArticleActor, slug: string, from: number, to: number): Promise<DiffView> {
  const article = await findReadableArticle(db, actor, slug);
  const [before, after] = await Promise.all([store.selectVersion(db, article.id, from), store.selectVersion(db, article.id, to)]);
  const range = `the article has versions 1 to ${article.version}`;
  if (!before) throw fieldError('query.from', range);
  if (!after) throw fieldError('query.to', range);
  return { from, to, title: { before: before.title, after: after.title }, changes: lineChanges(before.body, after.body) };
}
