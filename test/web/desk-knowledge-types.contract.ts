import type { z } from 'zod';
import type { articlePage, articleView, categoryList, diffView, feedbackList, previewResult, versionList } from '../../server/modules/knowledge/articles.schema.ts';
import type { contentGapsReport, deflectionReport } from '../../server/modules/knowledge/reports.schema.ts';
import type { linkedArticles } from '../../server/modules/knowledge/request-articles.schema.ts';
import type { searchResult } from '../../server/modules/search/search.schema.ts';
import type * as Web from '../../web/src/desk/knowledge/api/types.ts';

// No test runs here: `tsc` checks it. The desk's knowledge types (web/src/desk/knowledge/api/types.ts)
// must accept what the knowledge endpoints' response schemas produce; a server change that breaks
// that stops this file compiling and names the endpoint (as api-types.contract.ts does for the rest).

type Fits<Server, Client> = [Server] extends [Client] ? true : false;
type Out<Schema extends z.ZodType> = z.output<Schema>;

export const deskKnowledgeContract = {
  articlePage: true satisfies Fits<Out<typeof articlePage>, { items: Web.ArticleSummary[]; nextCursor: string | null }>,
  article: true satisfies Fits<Out<typeof articleView>, Web.ArticleView>,
  categories: true satisfies Fits<Out<typeof categoryList>, { categories: string[] }>,
  versions: true satisfies Fits<Out<typeof versionList>, { items: Web.ArticleVersion[] }>,
  diff: true satisfies Fits<Out<typeof diffView>, Web.ArticleDiff>,
  feedback: true satisfies Fits<Out<typeof feedbackList>, { items: Web.ArticleFeedback[] }>,
  preview: true satisfies Fits<Out<typeof previewResult>, { html: string }>,
  requestArticles: true satisfies Fits<Out<typeof linkedArticles>, { items: Web.ArticleSummary[] }>,
  search: true satisfies Fits<Out<typeof searchResult>, Web.SearchResult>,
  deflection: true satisfies Fits<Out<typeof deflectionReport>, Web.DeflectionReport>,
  contentGaps: true satisfies Fits<Out<typeof contentGapsReport>, Web.ContentGapsReport>,
};
