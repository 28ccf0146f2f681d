import type { ArticleVisibility } from '../knowledge/knowledge.tables.ts';
import { demoFinanceAndWorkplaceArticles } from './demo-articles-workplace.ts';
import { demoItArticles } from './demo-articles-it.ts';
import { demoPeopleAndPayArticles } from './demo-articles-people.ts';

// The demo organisation's knowledge base: what "Lumen Works" employees read before (or instead of)
// asking. Plain data, split by team into three files so each stays readable; the articles module
// seeds the demo from `demoArticles`, and the search tests and bench use it as a realistic corpus.

export interface DemoArticle {
  /** The article's address, /kb/<slug>. */
  slug: string;
  /** The owning team's slug (demo-people.ts). */
  team: string;
  title: string;
  category: string;
  tags: string[];
  visibility: ArticleVisibility;
  /** The handle of the agent or lead who keeps it true (demo-people.ts). */
  owner: string;
  /** Markdown. */
  body: string;
  /** How many days ago it was last published, so the demo has a spread of fresh and older articles. */
  ageDays: number;
  /** "Was this helpful?" answers so far, so helpfulness has something to rank on. */
  helpful: number;
  notHelpful: number;
}

export const demoArticles: DemoArticle[] = [...demoItArticles, ...demoPeopleAndPayArticles, ...demoFinanceAndWorkplaceArticles];
