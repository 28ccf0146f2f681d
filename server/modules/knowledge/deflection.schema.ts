import { z } from 'zod';

// Inputs and outputs of intake deflection: "This solved it", and what a filing tells about the
// articles its filer was shown (the `knowledge` member of POST /services/{idOrSlug}/requests).

const noNul = (schema: z.ZodString) => schema.refine((value) => !value.includes('\u0000'), 'must not contain NUL characters');
const articleId = z.uuid({ message: 'must be an article id' });

export const createDeflectionBody = z.strictObject({
  serviceId: z.uuid({ message: 'must be a service id' }).describe('The service the person was about to request'),
  subject: noNul(z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters')).describe('What they typed as the subject'),
  articleId: articleId.describe('The published article that solved it'),
});
export type CreateDeflectionInput = z.infer<typeof createDeflectionBody>;

export const deflectionCreated = z.object({ id: z.uuid() });

const articleIds = z.array(articleId).max(20, 'must list at most 20 articles');

/**
 * Ids that are not published articles the filer may read are ignored, not refused: a refusal would
 * tell the filer which ids name hidden articles, and the filing itself must not fail over what the
 * intake page showed.
 */
export const intakeKnowledgeSchema = z
  .strictObject({
    shownArticleIds: articleIds.optional().describe('Articles suggested on the intake page'),
    openedArticleIds: articleIds.optional().describe('Of those, the ones the filer opened, first opened first'),
    searchId: z
      .number({ message: 'must be a whole number' })
      .int('must be a whole number')
      .positive('must be positive')
      .max(Number.MAX_SAFE_INTEGER)
      .optional()
      .describe('The searchId of a portal search (GET /search) that led to this filing'),
  })
  .describe(
    'What the filer was shown before filing, for the deflection and content-gap reports. ' +
      'Ids that are not published articles you may read, and a searchId that names no open search of the last day, are ignored.',
  );
export type IntakeKnowledge = z.infer<typeof intakeKnowledgeSchema>;
