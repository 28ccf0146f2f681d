import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { articles } from '../knowledge/knowledge.tables.ts';
import { people } from '../people/people.tables.ts';
import { eventVisibilities, serviceRequests } from '../requests/requests.tables.ts';

/** PostgreSQL's bytea as a Node Buffer (both drivers hand back bytes; see attachments.store.ts). */
const bytes = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * A file someone gave Hallway: a reply's attachment or a service form's file answer. The bytes live
 * in the database like everything else (decision 0015): one backup, one access check, every process
 * sees them. An upload made before its request exists (a form's file answer) has no request yet,
 * belongs to its uploader only, and is deleted a day later unless a filing claimed it.
 * `visibility` follows the timeline: an internal attachment is for the team's agents only.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id').references(() => serviceRequests.id, { onDelete: 'cascade' }),
    /** An image or file in a knowledge-base article: readable by whoever may read the article. */
    articleId: uuid('article_id').references(() => articles.id, { onDelete: 'cascade' }),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => people.id),
    visibility: text('visibility', { enum: eventVisibilities }).notNull().default('public'),
    fileName: text('file_name').notNull(),
    /** What the uploader's client said it is; served as such only when on the safe list. */
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytes('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    linkedAt: timestamp('linked_at', { withTimezone: true }),
  },
  (table) => [
    index('attachments_request_idx').on(table.requestId, table.createdAt),
    index('attachments_unlinked_idx')
      .on(table.uploadedBy, table.createdAt)
      .where(sql`${table.requestId} is null and ${table.articleId} is null`),
    index('attachments_article_idx').on(table.articleId, table.createdAt).where(sql`${table.articleId} is not null`),
    check('attachments_one_owner', sql`${table.requestId} is null or ${table.articleId} is null`),
    check('attachments_visibility', sql`${table.visibility} in ('public', 'internal')`),
    check('attachments_size', sql`${table.sizeBytes} > 0 and ${table.sizeBytes} = octet_length(${table.content})`),
    check('attachments_file_name', sql`char_length(${table.fileName}) between 1 and 255`),
  ],
);
