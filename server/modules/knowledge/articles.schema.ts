import { z } from 'zod';
import { cursorQuery, pageSchema, pageSizeQuery } from '../../platform/http/pagination.ts';
import { articleStatuses, articleVisibilities } from './knowledge.tables.ts';

// Inputs and outputs of the article endpoints (issue 5, the knowledge contract).

// PostgreSQL refuses NUL in text: catching it here makes it a 400, not a 500.
const noNul = (schema: z.ZodString) => schema.refine((value) => !value.includes('\u0000'), 'must not contain NUL characters');

export const MAX_BODY_LENGTH = 200_000;
export const MAX_TAGS = 20;

const title = noNul(z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'));
const body = noNul(z.string().max(MAX_BODY_LENGTH, `must be at most ${MAX_BODY_LENGTH} characters`));
const category = noNul(z.string().trim().min(1, 'must not be empty (send null for none)').max(60, 'must be at most 60 characters')).nullable();
const tag = noNul(z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters'));
/** Tags as typed, without repeats (case-insensitive): the first spelling wins. */
const tags = z
  .array(tag)
  .max(MAX_TAGS, `must have at most ${MAX_TAGS} tags`)
  .transform((list) => list.filter((value, index) => list.findIndex((other) => other.toLowerCase() === value.toLowerCase()) === index));
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-12-31')
  .refine((value) => !Number.isNaN(Date.parse(value)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value) && value >= '2000-01-01', 'must be a real date from 2000 on');
const note = noNul(z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'));
export const ARTICLE_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const slug = z.string().max(120, 'must be at most 120 characters').regex(ARTICLE_SLUG, 'must be a slug such as "reset-your-password" (a-z, 0-9, single dashes)');
const personId = z.uuid({ message: 'must be a person id' });

export const createArticleBody = z.strictObject({
  teamId: z.uuid({ message: 'must be a team id' }),
  title,
  body: body.default(''),
  visibility: z.enum(articleVisibilities).default('everyone'),
  category: category.default(null),
  tags: tags.default([]),
  ownerId: personId.optional().describe('An agent of the team who keeps it true; you by default'),
  reviewBy: isoDate.nullable().default(null),
  slug: slug.optional().describe('Derived from the title when left out'),
});
export type CreateArticleInput = z.input<typeof createArticleBody>;

export const updateArticleBody = z.strictObject({
  title: title.optional(),
  body: body.optional(),
  visibility: z.enum(articleVisibilities).optional(),
  category: category.optional(),
  tags: tags.optional(),
  ownerId: personId.optional(),
  reviewBy: isoDate.nullable().optional(),
  note: note.optional().describe('What changed, in your words; kept with the version'),
});
export type UpdateArticleInput = z.infer<typeof updateArticleBody>;

export const transitionBody = z.strictObject({
  to: z.enum(articleStatuses, { message: `must be one of ${articleStatuses.join(', ')}` }),
  note: note.optional(),
});

export const versionHeaders = z.object({ 'if-match': z.string().optional() });
export const slugParams = z.strictObject({ slug: z.string().max(120).describe('The article slug, as in /kb/<slug>') });

export const listPosition = z.tuple([z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/), z.uuid()]);
export const listArticlesQuery = z.strictObject({
  team: z.uuid({ message: 'must be a team id' }).optional(),
  status: z.enum(articleStatuses, { message: `must be one of ${articleStatuses.join(', ')}` }).optional(),
  stale: z.enum(['true', 'false'], { message: 'must be true or false' }).transform((value) => value === 'true').optional(),
  owner: z.literal('me', { message: 'must be me' }).optional(),
  q: noNul(z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters')).optional(),
  category: noNul(z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters'))
    .optional()
    .describe('Only articles of this category (case does not matter)'),
  tag: tag.optional().describe('Only articles with this tag (case does not matter)'),
  cursor: cursorQuery(listPosition).optional(),
  limit: pageSizeQuery,
});
export type ListArticlesQuery = z.infer<typeof listArticlesQuery>;

export const categoriesQuery = z.strictObject({ team: z.uuid({ message: 'must be a team id' }).optional() });

export const diffQuery = z.strictObject({
  from: z.coerce.number({ message: 'must be a version number' }).int('must be a version number').min(1, 'must be at least 1').max(1_000_000),
  to: z.coerce.number({ message: 'must be a version number' }).int('must be a version number').min(1, 'must be at least 1').max(1_000_000),
});

export const feedbackBody = z.strictObject({
  helpful: z.boolean({ message: 'must be true or false' }),
  comment: noNul(z.string().trim().max(2000, 'must be at most 2000 characters')).optional(),
});

export const previewBody = z.strictObject({ body });

const personRef = z.object({ id: z.string(), name: z.string() });
const stats = z.object({ views: z.number().int(), helpful: z.number().int(), notHelpful: z.number().int() });
const myFeedback = z.object({ helpful: z.boolean(), comment: z.string().nullable() });

export const articleSummary = z.object({
  id: z.string(),
  slug: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  title: z.string(),
  excerpt: z.string().describe('Plain text, at most 200 characters'),
  status: z.enum(articleStatuses),
  visibility: z.enum(articleVisibilities),
  category: z.string().nullable(),
  tags: z.array(z.string()),
  owner: personRef,
  reviewBy: z.string().nullable(),
  stale: z.boolean().describe('Published and past its review-by date'),
  version: z.number().int(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  stats,
});
export type ArticleSummary = z.infer<typeof articleSummary>;

export const articleView = articleSummary.extend({
  body: z.string().describe('Markdown'),
  bodyHtml: z.string().describe('Sanitised HTML'),
  createdAt: z.string(),
  createdBy: personRef,
  sourceRequestKey: z.string().nullable(),
  myFeedback: myFeedback.nullable(),
  canEdit: z.boolean(),
  canPublish: z.boolean(),
});
export type ArticleView = z.infer<typeof articleView>;

export const articlePage = pageSchema(articleSummary);
export const categoryList = z.object({ categories: z.array(z.string()) });
export const versionList = z.object({
  items: z.array(z.object({ version: z.number().int(), title: z.string(), status: z.enum(articleStatuses), editedBy: personRef, editedAt: z.string(), note: z.string().nullable() })),
});
export const diffView = z.object({
  from: z.number().int(),
  to: z.number().int(),
  title: z.object({ before: z.string(), after: z.string() }),
  changes: z.array(z.object({ kind: z.enum(['equal', 'added', 'removed']), text: z.string() })),
});
export type DiffView = z.infer<typeof diffView>;
export const feedbackResult = z.object({ stats, myFeedback });
export const feedbackList = z.object({ items: z.array(z.object({ helpful: z.boolean(), comment: z.string().nullable(), updatedAt: z.string() })) });
export const previewResult = z.object({ html: z.string() });
