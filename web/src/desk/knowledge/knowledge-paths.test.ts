import { describe, expect, it } from 'vitest';
import { articleEditorPath, isKnowledgePath, teamArticlesPath } from './knowledge-paths.ts';

describe('the knowledge pages in the navigation', () => {
  it('are the articles, the editor and the report, of any team', () => {
    for (const path of ['/desk/articles', '/desk/articles/reset-your-password', '/desk/it/articles', '/desk/it/articles/new', '/desk/knowledge-report', '/desk/hr/knowledge-report']) {
      expect(isKnowledgePath(path), path).toBe(true);
    }
  });

  it('are not the queues or the request pages, whatever a request or team is called', () => {
    for (const path of ['/desk', '/desk/it', '/desk/requests/IT-12', '/desk/articles-team', '/desk/it/articles-old', '/kb/articles']) {
      expect(isKnowledgePath(path), path).toBe(false);
    }
  });

  it('put slugs into addresses safely', () => {
    expect(teamArticlesPath('it', 'tab=review')).toBe('/desk/it/articles?tab=review');
    expect(articleEditorPath('a b')).toBe('/desk/articles/a%20b');
  });
});
