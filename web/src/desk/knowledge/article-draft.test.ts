import { describe, expect, it } from 'vitest';
import type { ArticleView } from './api/types.ts';
import { articleChange, draftFrom, emptyDraft, hasChanges, newArticleBody, rebaseDraft } from './article-draft.ts';

const article: ArticleView = {
  id: 'a1',
  slug: 'laptop-will-not-charge',
  teamId: 't1',
  teamName: 'IT',
  title: 'Laptop will not charge',
  excerpt: 'Try the other port.',
  status: 'draft',
  visibility: 'everyone',
  category: 'Hardware',
  tags: ['laptop'],
  owner: { id: 'p1', name: 'Chen Wei' },
  reviewBy: null,
  stale: false,
  version: 3,
  updatedAt: '2026-11-26T10:00:00Z',
  publishedAt: null,
  stats: { views: 0, helpful: 0, notHelpful: 0 },
  body: '## Question\n\nIt will not charge.',
  bodyHtml: '<h2>Question</h2>',
  createdAt: '2026-11-26T10:00:00Z',
  createdBy: { id: 'p1', name: 'Chen Wei' },
  sourceRequestKey: 'IT-1',
  myFeedback: null,
  canEdit: true,
  canPublish: false,
};

describe('the editor draft', () => {
  it('sends nothing when nothing changed, not even the note', () => {
    const draft = { ...draftFrom(article), note: 'just looking' };
    expect(articleChange(article, draft)).toEqual({});
    expect(hasChanges(article, draft)).toBe(false);
  });

  it('sends only what changed, with the note, and empties as null', () => {
    const draft = { ...draftFrom(article), body: `${article.body}\n\nUse the other port.`, category: '  ', reviewBy: '2027-05-01', note: ' Added the fix ' };
    expect(articleChange(article, draft)).toEqual({ body: draft.body, category: null, reviewBy: '2027-05-01', note: 'Added the fix' });
    expect(hasChanges(article, draft)).toBe(true);
  });

  it('trims titles and tags, and drops repeated or empty tags', () => {
    const draft = { ...draftFrom(article), title: ' Laptop will not charge ', tags: ['laptop', ' laptop ', '', 'power'] };
    expect(articleChange(article, draft)).toEqual({ tags: ['laptop', 'power'] });
  });

  it('builds a new article for the team from what was typed', () => {
    const draft = { ...emptyDraft('p2'), title: ' VPN drops ', body: 'Update the client.', tags: ['vpn'] };
    expect(newArticleBody('t1', draft)).toEqual({ teamId: 't1', title: 'VPN drops', body: 'Update the client.', visibility: 'everyone', category: null, tags: ['vpn'], ownerId: 'p2', reviewBy: null });
    expect(hasChanges(undefined, emptyDraft('p2'))).toBe(false);
    expect(hasChanges(undefined, draft)).toBe(true);
  });
});

describe('a draft after someone else saved first', () => {
  it('takes their value where the writer typed nothing, and keeps what the writer typed', () => {
    const theirs: ArticleView = { ...article, version: 4, category: 'Power', tags: ['laptop', 'charger'], body: `${article.body}\n\nTheir line.` };
    const mine = { ...draftFrom(article), title: 'Laptop does not charge', body: `${article.body}\n\nMy line.`, note: 'Clearer title' };
    expect(rebaseDraft(article, theirs, mine)).toEqual({
      ...draftFrom(theirs),
      title: 'Laptop does not charge',
      body: `${article.body}\n\nMy line.`,
      note: 'Clearer title',
    });
  });

  it('is their version when the writer had changed nothing', () => {
    const theirs: ArticleView = { ...article, version: 4, visibility: 'agents', reviewBy: '2027-01-31' };
    expect(rebaseDraft(article, theirs, draftFrom(article))).toEqual(draftFrom(theirs));
  });
});
