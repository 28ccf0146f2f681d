import type { ArticleChange, ArticleView, ArticleVisibility, NewArticleBody } from './api/types.ts';

// What the editor holds while someone writes, and the step from it to the API's bodies: a new
// article, or only what changed (so a save that touches nothing is not a new version). Pure, tested
// in article-draft.test.ts.

export interface ArticleDraft {
  title: string;
  body: string;
  visibility: ArticleVisibility;
  category: string;
  tags: string[];
  ownerId: string;
  /** 'YYYY-MM-DD', or '' for none. */
  reviewBy: string;
  /** Why this version: kept in the history, not part of the article. */
  note: string;
}

export function emptyDraft(ownerId: string): ArticleDraft {
  return { title: '', body: '', visibility: 'everyone', category: '', tags: [], ownerId, reviewBy: '', note: '' };
}

export function draftFrom(article: ArticleView): ArticleDraft {
  return {
    title: article.title,
    body: article.body,
    visibility: article.visibility,
    category: article.category ?? '',
    tags: [...article.tags],
    ownerId: article.owner.id,
    reviewBy: article.reviewBy ?? '',
    note: '',
  };
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());
const cleanTags = (tags: readonly string[]): string[] => [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))];

export function newArticleBody(teamId: string, draft: ArticleDraft): NewArticleBody {
  return {
    teamId,
    title: draft.title.trim(),
    body: draft.body,
    visibility: draft.visibility,
    category: orNull(draft.category),
    tags: cleanTags(draft.tags),
    ownerId: draft.ownerId,
    reviewBy: orNull(draft.reviewBy),
  };
}

/** Only the fields that differ from the article as read; the note rides along when anything else changed. */
export function articleChange(article: ArticleView, draft: ArticleDraft): ArticleChange {
  const change: ArticleChange = {};
  if (draft.title.trim() !== article.title) change.title = draft.title.trim();
  if (draft.body !== article.body) change.body = draft.body;
  if (draft.visibility !== article.visibility) change.visibility = draft.visibility;
  if (orNull(draft.category) !== article.category) change.category = orNull(draft.category);
  const tags = cleanTags(draft.tags);
  if (tags.join('\n') !== article.tags.join('\n')) change.tags = tags;
  if (draft.ownerId !== article.owner.id) change.ownerId = draft.ownerId;
  if (orNull(draft.reviewBy) !== article.reviewBy) change.reviewBy = orNull(draft.reviewBy);
  if (Object.keys(change).length > 0 && draft.note.trim()) change.note = draft.note.trim();
  return change;
}

export function hasChanges(article: ArticleView | undefined, draft: ArticleDraft): boolean {
  if (!article) return draft.title.trim() !== '' || draft.body.trim() !== '';
  return Object.keys(articleChange(article, draft)).length > 0;
}

/**
 * After a refused save (someone saved meanwhile): their version, with what this writer changed on
 * top. A field the writer left as it was takes their value; a field the writer changed keeps the
 * writer's (both changed: the writer's, who is looking at it and saves next). The note stays.
 */
export function rebaseDraft(base: ArticleView, latest: ArticleView, draft: ArticleDraft): ArticleDraft {
  const before = draftFrom(base);
  const theirs = draftFrom(latest);
  const untouched = (key: keyof ArticleDraft) => JSON.stringify(draft[key]) === JSON.stringify(before[key]);
  const pick = <Key extends keyof ArticleDraft>(key: Key): ArticleDraft[Key] => (untouched(key) ? theirs[key] : draft[key]);
  return {
    title: pick('title'),
    body: pick('body'),
    visibility: pick('visibility'),
    category: pick('category'),
    tags: pick('tags'),
    ownerId: pick('ownerId'),
    reviewBy: pick('reviewBy'),
    note: draft.note,
  };
}
