import type { ArticleSummary } from './api/types.ts';

// How the knowledge home lays out the articles: the most read first, then by team and category.

export interface CategoryGroup {
  /** null: the articles their team filed under no category. */
  category: string | null;
  articles: ArticleSummary[];
}

export interface TeamGroup {
  teamId: string;
  teamName: string;
  categories: CategoryGroup[];
}

const byTitle = (a: ArticleSummary, b: ArticleSummary) => a.title.localeCompare(b.title);

/** Teams by name, each with its categories by name (the uncategorised last), articles by title within. */
export function groupByTeamAndCategory(articles: readonly ArticleSummary[]): TeamGroup[] {
  const teams = new Map<string, TeamGroup>();
  for (const article of articles) {
    let team = teams.get(article.teamId);
    if (!team) {
      team = { teamId: article.teamId, teamName: article.teamName, categories: [] };
      teams.set(article.teamId, team);
    }
    let group = team.categories.find((candidate) => candidate.category === article.category);
    if (!group) {
      group = { category: article.category, articles: [] };
      team.categories.push(group);
    }
    group.articles.push(article);
  }
  const categoryOrder = (a: CategoryGroup, b: CategoryGroup) =>
    a.category === null ? 1 : b.category === null ? -1 : a.category.localeCompare(b.category);
  return [...teams.values()]
    .sort((a, b) => a.teamName.localeCompare(b.teamName))
    .map((team) => ({ ...team, categories: team.categories.sort(categoryOrder).map((group) => ({ ...group, articles: group.articles.sort(byTitle) })) }));
}

/** The most read articles (views, then helpful votes), at most `count`; one nobody read or found helpful is not popular. */
export function mostRead(articles: readonly ArticleSummary[], count: number): ArticleSummary[] {
  return articles
    .filter((article) => article.stats.views > 0 || article.stats.helpful > 0)
    .sort((a, b) => b.stats.views - a.stats.views || b.stats.helpful - a.stats.helpful || byTitle(a, b))
    .slice(0, count);
}
