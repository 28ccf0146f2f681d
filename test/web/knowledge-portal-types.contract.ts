import type { z } from 'zod';
import type { articlePage, articleView, feedbackBody, feedbackResult } from '../../server/modules/knowledge/articles.schema.ts';
import type { createDeflectionBody, deflectionCreated, intakeKnowledgeSchema } from '../../server/modules/knowledge/deflection.schema.ts';
import type { searchResult } from '../../server/modules/search/search.schema.ts';
import type { teamPage } from '../../server/modules/search/team-page.schema.ts';
import type { Page } from '../../web/src/api/types.ts';
import type * as Web from '../../web/src/knowledge/api/types.ts';

// No test runs here: `tsc` checks it. The portal's knowledge types (web/src/knowledge/api/types.ts)
// must accept what the server answers, and what the portal sends must fit the server's body schemas.

type Fits<Server, Client> = [Server] extends [Client] ? true : false;
type Out<Schema extends z.ZodType> = z.output<Schema>;
type In<Schema extends z.ZodType> = z.input<Schema>;

export const contract = {
  articleView: true satisfies Fits<Out<typeof articleView>, Web.ArticleView>,
  articlePage: true satisfies Fits<Out<typeof articlePage>, Page<Web.ArticleSummary>>,
  feedbackResult: true satisfies Fits<Out<typeof feedbackResult>, Web.FeedbackResult>,
  searchResult: true satisfies Fits<Out<typeof searchResult>, Web.SearchResult>,
  teamPage: true satisfies Fits<Out<typeof teamPage>, Web.TeamPage>,
  deflectionCreated: true satisfies Fits<Out<typeof deflectionCreated>, { id: string }>,
  // Sent by the portal: its shapes must be what the server takes.
  feedbackBody: true satisfies Fits<{ helpful: boolean; comment?: string }, In<typeof feedbackBody>>,
  deflectionBody: true satisfies Fits<{ serviceId: string; subject: string; articleId: string }, In<typeof createDeflectionBody>>,
  knowledgeOnFiling: true satisfies Fits<Web.KnowledgeOnFiling, In<typeof intakeKnowledgeSchema>>,
};
