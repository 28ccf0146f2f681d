import { expect } from 'vitest';
import type { Cast } from '../../../test/support/roles.ts';
import type { TestApp } from '../../../test/support/test-app.ts';
import type { ArticleView } from './articles.schema.ts';

// Calls the article tests share: write, move and read articles through the API as a cast member.

type Headers = Record<string, string>;

export function articleCalls(t: () => TestApp, cast: () => Cast) {
  const write = async (headers: Headers, body: Record<string, unknown> = {}): Promise<ArticleView> => {
    const response = await t().app.inject({
      method: 'POST',
      url: '/api/v1/articles',
      headers,
      payload: { teamId: cast().team.id, title: 'Reset your VPN password', body: 'Open **Settings**.', ...body },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<ArticleView>();
  };

  const move = (headers: Headers, slug: string, version: number, to: string, note?: string) =>
    t().app.inject({
      method: 'POST',
      url: `/api/v1/articles/${slug}/transitions`,
      headers: { ...headers, 'if-match': `"${version}"` },
      payload: note ? { to, note } : { to },
    });

  const edit = (headers: Headers, slug: string, version: number | undefined, payload: Record<string, unknown>) =>
    t().app.inject({
      method: 'PATCH',
      url: `/api/v1/articles/${slug}`,
      headers: version === undefined ? headers : { ...headers, 'if-match': `"${version}"` },
      payload,
    });

  const read = (headers: Headers, slug: string) => t().app.inject({ method: 'GET', url: `/api/v1/articles/${slug}`, headers });

  /** A published article written by the team's agent and published by its lead. */
  const published = async (body: Record<string, unknown> = {}): Promise<ArticleView> => {
    const draft = await write(cast().headers.agent, body);
    const response = await move(cast().headers.lead, draft.slug, draft.version, 'published');
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ArticleView>();
  };

  return { write, move, edit, read, published };
}
