import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from './api/types.ts';
import { filtersFrom, listQuery, matchesLocally, searchFrom, tagsOf } from './article-filters.ts';

const article = (change: Partial<ArticleSummary>): ArticleSummary => ({
  id: 'a1',
  slug: 'laptop-will-not-charge',
  teamId: 't1',
  teamName: 'IT',
  title: 'Laptop will not charge',
  excerpt: '',
  status: 'published',
  visibility: 'everyone',
  category: 'Hardware',
  tags: ['laptop', 'power'],
  owner: { id: 'p1', name: 'Chen Wei' },
  reviewBy: null,
  stale: false,
  version: 1,
  updatedAt: '2026-11-26T10:00:00Z',
  publishedAt: '2026-11-26T10:00:00Z',
  stats: { views: 0, helpful: 0, notHelpful: 0 },
  ...change,
});

describe('the article list filters', () => {
  it('read the address, falling back to the published tab, and write back only what differs', () => {
    const filters = filtersFrom(new URLSearchParams('tab=review&category=Hardware&q=%20vpn%20'));
    expect(filters).toEqual({ tab: 'review', category: 'Hardware', tag: '', text: 'vpn' });
    expect(searchFrom(filters).toString()).toBe('tab=review&category=Hardware&q=vpn');
    expect(filtersFrom(new URLSearchParams('tab=deleted')).tab).toBe('published');
    expect(searchFrom(filtersFrom(new URLSearchParams())).toString()).toBe('');
  });

  it('ask the API for my stale published articles on the review tab, and for a status otherwise', () => {
    expect(listQuery('t1', { tab: 'review', category: '', tag: '', text: '' })).toEqual({ team: 't1', status: 'published', stale: 'true', owner: 'me', q: undefined });
    expect(listQuery('t1', { tab: 'in_review', category: '', tag: '', text: 'vpn' })).toEqual({ team: 't1', status: 'in_review', q: 'vpn' });
    // The server filters by category and tag, so a team's long list is not read whole to find them.
    expect(listQuery('t1', { tab: 'published', category: 'Hardware', tag: 'power', text: '' })).toMatchObject({ category: 'Hardware', tag: 'power' });
  });

  it('narrow by category and tag whatever the case, and keep every row without them', () => {
    const filters = { tab: 'published' as const, category: 'hardware', tag: '', text: '' };
    expect(matchesLocally(article({}), filters)).toBe(true);
    expect(matchesLocally(article({ category: null }), filters)).toBe(false);
    expect(matchesLocally(article({}), { ...filters, category: '', tag: 'POWER' })).toBe(true);
    expect(matchesLocally(article({}), { ...filters, category: '', tag: 'vpn' })).toBe(false);
    expect(matchesLocally(article({ category: null, tags: [] }), { ...filters, category: '' })).toBe(true);
  });

  it('suggest the tags seen, once each, in order', () => {
    expect(tagsOf([article({ tags: ['vpn', 'laptop'] }), article({ tags: ['laptop'] })])).toEqual(['laptop', 'vpn']);
  });
});
