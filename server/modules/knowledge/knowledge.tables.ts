import { sql, type SQL } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { services } from '../catalog/catalog.tables.ts';
import { people, teams } from '../people/people.tables.ts';
import { serviceRequests } from '../requests/requests.tables.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** draft -> in_review -> published -> archived (and back to draft to rework; see articles.lifecycle.ts). */
export const articleStatuses = ['draft', 'in_review', 'published', 'archived'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

/** Who may read a published article: every employee, agents of any team, or the owning team's agents. */
export const articleVisibilities = ['everyone', 'agents', 'team'] as const;
export type ArticleVisibility = (typeof articleVisibilities)[number];

/**
 * A knowledge-base article, as it reads now; every edit is also kept whole in `article_versions`.
 * `body` is the author's Markdown, `body_html` its sanitised rendering (made on every save, so a read
 * never renders). `keywords` is the tags and category as one text, kept by the store, because the
 * generated search vector may use only immutable functions (array_to_string is not).
 */
export const articles = pgTable(
  'articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    /** The article's address, /kb/<slug>; unique across teams. */
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    bodyHtml: text('body_html').notNull().default(''),
    status: text('status', { enum: articleStatuses }).notNull().default('draft'),
    visibility: text('visibility', { enum: articleVisibilities }).notNull().default('everyone'),
    /** One of the owning team's categories (free text, listed from what the team uses). */
    category: text('category'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    keywords: text('keywords').notNull().default(''),
    /** Who keeps it true: told when it passes its review-by date. */
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => people.id),
    reviewBy: date('review_by', { mode: 'string' }),
    /** The newest version number; also the optimistic-concurrency version an edit must name. */
    version: integer('version').notNull().default(1),
    /** The resolved request it was drafted from, if any. */
    sourceRequestId: uuid('source_request_id').references(() => serviceRequests.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    search: tsvector('search').generatedAlwaysAs(
      (): SQL => sql`setweight(to_tsvector('english'::regconfig, ${articles.title}), 'A')
        || setweight(to_tsvector('english'::regconfig, ${articles.keywords}), 'B')
        || setweight(to_tsvector('english'::regconfig, ${articles.body}), 'C')`,
    ),
  },
  (table) => [
    uniqueIndex('articles_slug_unique').on(table.slug),
    index('articles_team_status_idx').on(table.teamId, table.status, table.updatedAt.desc()),
    index('articles_owner_review_idx').on(table.ownerId, table.reviewBy),
    index('articles_search_idx').using('gin', table.search),
    // Typo tolerance: "pasword rest" still finds "Reset your password" (pg_trgm, migration 0009).
    index('articles_title_trgm_idx').using('gin', sql`${table.title} gin_trgm_ops`),
    check('articles_title_length', sql`char_length(${table.title}) between 1 and 200`),
    check('articles_body_length', sql`char_length(${table.body}) <= 200000`),
    check('articles_slug_shape', sql`${table.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(${table.slug}) <= 120`),
    check('articles_status', sql`${table.status} in ('draft', 'in_review', 'published', 'archived')`),
    check('articles_visibility', sql`${table.visibility} in ('everyone', 'agents', 'team')`),
  ],
);

/** Every saved state of an article, whole, with who made it and when; diffs are computed on reading. */
export const articleVersions = pgTable(
  'article_versions',
  {
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: articleStatuses }).notNull(),
    visibility: text('visibility', { enum: articleVisibilities }).notNull(),
    category: text('category'),
    tags: text('tags').array().notNull(),
    editedBy: uuid('edited_by')
      .notNull()
      .references(() => people.id),
    editedAt: timestamp('edited_at', { withTimezone: true }).notNull().defaultNow(),
    /** The author's own words on what changed, optional. */
    note: text('note'),
  },
  (table) => [primaryKey({ columns: [table.articleId, table.version] })],
);

/**
 * Counters read by search ranking and the article page, apart from the article row so a view does
 * not bump the article's version or rewrite its search vector.
 */
export const articleStats = pgTable('article_stats', {
  articleId: uuid('article_id')
    .primaryKey()
    .references(() => articles.id, { onDelete: 'cascade' }),
  views: integer('views').notNull().default(0),
  helpful: integer('helpful').notNull().default(0),
  notHelpful: integer('not_helpful').notNull().default(0),
  lastViewedAt: timestamp('last_viewed_at', { withTimezone: true }),
});

/** "Was this helpful?": one answer per person per article (a second answer replaces the first). */
export const articleFeedback = pgTable(
  'article_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    helpful: boolean('helpful').notNull(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('article_feedback_one_per_person').on(table.articleId, table.personId),
    index('article_feedback_article_idx').on(table.articleId, table.updatedAt.desc()),
    check('article_feedback_comment_length', sql`char_length(${table.comment}) <= 2000`),
  ],
);

/** Articles that helped solve a request (linked by an agent, or when a request became an article). */
export const requestArticles = pgTable(
  'request_articles',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => serviceRequests.id, { onDelete: 'cascade' }),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    linkedBy: uuid('linked_by')
      .notNull()
      .references(() => people.id),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.requestId, table.articleId] }), index('request_articles_article_idx').on(table.articleId)],
);

export const searchSources = ['portal', 'desk', 'intake', 'api'] as const;
export const searchOutcomes = ['shown', 'none', 'requested', 'deflected'] as const;

/**
 * What people searched for, for the content-gaps report: the words, how many hits, and what came of
 * it (nothing found, a request filed anyway, solved by an article). Who searched is not kept: the
 * report needs the wording, not the person. `team_id` is the team the search was about (the
 * service's team at intake), null for a search of everything.
 */
export const knowledgeSearches = pgTable(
  'knowledge_searches',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    source: text('source', { enum: searchSources }).notNull(),
    query: text('query').notNull(),
    /** Lower-cased, spaces collapsed: the wording the report groups on. */
    normalized: text('normalized').notNull(),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    serviceId: uuid('service_id').references(() => services.id, { onDelete: 'set null' }),
    hits: integer('hits').notNull(),
    outcome: text('outcome', { enum: searchOutcomes }).notNull(),
    requestId: uuid('request_id').references(() => serviceRequests.id, { onDelete: 'set null' }),
    searchedAt: timestamp('searched_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('knowledge_searches_team_time_idx').on(table.teamId, table.searchedAt.desc()),
    index('knowledge_searches_time_idx').on(table.searchedAt.desc()),
    index('knowledge_searches_normalized_trgm_idx').using('gin', sql`${table.normalized} gin_trgm_ops`),
    check('knowledge_searches_query_length', sql`char_length(${table.query}) between 1 and 500`),
  ],
);

export const deflectionOutcomes = ['solved', 'submitted'] as const;

/**
 * The intake loop: someone about to file through a service was shown articles, and either one solved
 * it ("This solved it": nothing is filed) or they opened at least one and filed anyway.
 */
export const intakeDeflections = pgTable(
  'intake_deflections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id').references(() => services.id, { onDelete: 'set null' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    outcome: text('outcome', { enum: deflectionOutcomes }).notNull(),
    /** The article that solved it, or the first one opened before filing anyway. */
    articleId: uuid('article_id').references(() => articles.id, { onDelete: 'set null' }),
    requestId: uuid('request_id').references(() => serviceRequests.id),
    subject: text('subject').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('intake_deflections_team_time_idx').on(table.teamId, table.occurredAt.desc()),
    index('intake_deflections_service_time_idx').on(table.serviceId, table.occurredAt.desc()),
    uniqueIndex('intake_deflections_request_unique').on(table.requestId),
    check('intake_deflections_outcome', sql`${table.outcome} in ('solved', 'submitted')`),
    check('intake_deflections_subject_length', sql`char_length(${table.subject}) between 1 and 300`),
    // Solved means nothing was filed; submitted names what was.
    check('intake_deflections_request_matches', sql`(${table.outcome} = 'submitted') = (${table.requestId} is not null)`),
  ],
);
