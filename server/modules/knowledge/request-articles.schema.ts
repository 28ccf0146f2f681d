import { z } from 'zod';
import { articleSummary } from './articles.schema.ts';

// Inputs and outputs of the request <-> article endpoints.

export const requestKeyParams = z.strictObject({ key: z.string().max(40).describe('The request key, e.g. IT-42') });
export const requestArticleParams = z.strictObject({
  key: z.string().max(40).describe('The request key, e.g. IT-42'),
  articleId: z.uuid({ message: 'must be an article id' }),
});
export const linkArticleBody = z.strictObject({ articleId: z.uuid({ message: 'must be an article id' }) });
export const linkedArticles = z.object({ items: z.array(articleSummary) });
