import { z } from 'zod';

export const attachmentView = z.object({
  id: z.uuid(),
  /** The request it belongs to; null for an upload waiting to be used as a form's file answer. */
  requestKey: z.string().nullable(),
  visibility: z.enum(['public', 'internal']),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  /** Where to fetch the bytes (signed in, with the same rights). */
  contentUrl: z.string(),
});
export type AttachmentView = z.infer<typeof attachmentView>;

export const attachmentList = z.object({ items: z.array(attachmentView) });

export const attachmentIdParams = z.strictObject({ id: z.uuid({ message: 'must be an attachment id' }) });
export const requestKeyParams = z.strictObject({ key: z.string().max(40).describe('The request key, e.g. IT-42') });

/** A file of a knowledge-base article; Markdown shows it by its url (`![alt](url)`). */
export const articleFileView = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  url: z.string(),
});
export type ArticleFileView = z.infer<typeof articleFileView>;

export const articleSlugParams = z.strictObject({ slug: z.string().max(120).describe('The article slug') });
