import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from './api/types.ts';
import { groupByTeamAndCategory, mostRead } from './article-groups.ts';

function article(title: string, teamName: string, category: string | null, views = 0, helpful = 0): ArticleSummary {
  return {
    id: `${teamName}-${title}`,
    slug: title.toLowerCase().replace(/\s+/g, '-'),
    teamId: `team-${teamName}`,
    teamName,
    title,
    excerpt: '',
    status: 'published',
    visibility: 'everyone',
    category,
    tags: [],
    owner: { id: 'p', name: 'P' },
    reviewBy: null,
    stale: false,
    version: 1,
    updatedAt: '2026-11-01T10:00:00Z',
    publishedAt: '2026-11-01T10:00:00Z',
    stats: { views, helpful, notHelpful: 0 },
  };
}

describe('the knowledge home', () => {
  it('groups articles by team, then category, the uncategorised last, titles in order', () => {
    const groups = groupByTeamAndCategory([
      article('VPN', 'IT', 'Network'),
      article('Payslips', 'Payroll', null),
      article('Wi-Fi', 'IT', 'Network'),
      article('Printers', 'IT', null),
      article('Accounts', 'IT', 'Access'),
    ]);
    expect(groups.map((team) => team.teamName)).toEqual(['IT', 'Payroll']);
    expect(groups[0]!.categories.map((group) => [group.category, group.articles.map((a) => a.title)])).toEqual([
      ['Access', ['Accounts']],
      ['Network', ['VPN', 'Wi-Fi']],
      [null, ['Printers']],
    ]);
    expect(groups[1]!.categories).toEqual([{ category: null, articles: [expect.objectContaining({ title: 'Payslips' })] }]);
  });

  it('shows the most read first, helpful votes breaking ties, never one nobody read or liked', () => {
    const read = mostRead([article('A', 'IT', null, 3), article('B', 'IT', null, 9), article('C', 'IT', null, 3, 5), article('D', 'IT', null, 0, 9), article('E', 'IT', null, 0, 0)], 5);
    expect(read.map((a) => a.title)).toEqual(['B', 'C', 'A', 'D']);
    expect(mostRead([article('A', 'IT', null, 1), article('B', 'IT', null, 2)], 1).map((a) => a.title)).toEqual(['B']);
  });
});
