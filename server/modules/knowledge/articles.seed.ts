import type { Queryable } from '../../platform/db/database.ts';
import { membershipsOfPerson } from '../people/people.service.ts';
import { createArticleBody } from './articles.schema.ts';
import * as store from './articles.store.ts';
import type { ArticleStatus, ArticleVisibility } from './knowledge.tables.ts';
import { renderArticleMarkdown } from './markdown.ts';

// Articles Hallway writes itself (the demo organisation). Each is checked like an author's input
// (the same schema, the same renderer, an owner who is an agent of the team, a unique slug), then
// all are written in a few statements: one per article would make the demo's first start slow.

export interface SeedArticle {
  teamId: string;
  slug: string;
  title: string;
  body: string;
  category: string | null;
  tags: string[];
  visibility: ArticleVisibility;
  /** Who keeps it true (an agent of the team), and who wrote it. */
  ownerId: string;
  authorId: string;
  /** Who published it (the team's lead). */
  publisherId: string;
  status: Extract<ArticleStatus, 'draft' | 'in_review' | 'published'>;
  /** When it was written and moved to its status: the seeded history's date. */
  at: Date;
  stats?: { views: number; helpful: number; notHelpful: number };
}

async function checked(tx: Queryable, input: SeedArticle, teamsOf: Map<string, Promise<string[]>>) {
  const { teamId, slug, title, body, category, tags, visibility, ownerId } = input;
  const parsed = createArticleBody.safeParse({ teamId, slug, title, body, category, tags, visibility, ownerId });
  if (!parsed.success) throw new Error(`seeded article ${slug}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
  if (!teamsOf.has(ownerId)) teamsOf.set(ownerId, membershipsOfPerson(tx, ownerId).then((rows) => rows.map((row) => row.id)));
  if (!(await teamsOf.get(ownerId))!.includes(teamId)) throw new Error(`seeded article ${slug}: its owner is not an agent of its team`);
  return parsed.data;
}

/**
 * Seeds articles in their status: version 1 the draft by its author, version 2 the move to review
 * (by the author) or the publishing (by the publisher), all dated `at`. Returns their ids.
 */
export async function seedArticles(tx: Queryable, inputs: readonly SeedArticle[]): Promise<string[]> {
  const rows = [];
  const teamsOf = new Map<string, Promise<string[]>>();
  for (const input of inputs) {
    const values = await checked(tx, input, teamsOf);
    const moved = input.status !== 'draft';
    const version = (number: number, status: ArticleStatus, editedBy: string) => ({
      version: number,
      title: values.title,
      body: values.body,
      status,
      visibility: values.visibility,
      category: values.category,
      tags: values.tags,
      editedBy,
      editedAt: input.at,
      note: null,
    });
    rows.push({
      article: {
        teamId: input.teamId,
        slug: input.slug,
        title: values.title,
        body: values.body,
        bodyHtml: renderArticleMarkdown(values.body),
        status: input.status,
        visibility: values.visibility,
        category: values.category,
        tags: values.tags,
        ownerId: input.ownerId,
        version: moved ? 2 : 1,
        createdBy: input.authorId,
        createdAt: input.at,
        updatedAt: input.at,
        publishedAt: input.status === 'published' ? input.at : null,
      },
      versions: [
        version(1, 'draft', input.authorId),
        ...(moved ? [version(2, input.status, input.status === 'published' ? input.publisherId : input.authorId)] : []),
      ],
      stats: input.stats,
    });
  }
  return store.insertSeededArticles(tx, rows);
}
