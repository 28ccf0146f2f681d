import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast, type Cast } from '../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { ArticleView } from './articles.schema.ts';
import { articleCalls } from './articles.test-support.ts';

// Articles through the API: writing, the lifecycle with its versions and diffs, who reads what.

let t: TestApp;
let cast: Cast;
const { write, move, edit, read, published } = articleCalls(() => t, () => cast);

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
});
afterAll(() => t.close());

describe('writing an article', () => {
  it('makes a draft at version 1 with its slug, sanitised HTML, ETag and a first version', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/articles',
      headers: cast.headers.agent,
      payload: { teamId: cast.team.id, title: 'Printer: clear a paper jam', body: 'Open tray 2.\n\n<img src=x onerror=alert(1)>', category: 'Printing', tags: ['printer', 'jam', 'Printer'] },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers.etag).toBe('"1"');
    const view = response.json<ArticleView>();
    expect(view).toMatchObject({
      slug: 'printer-clear-a-paper-jam',
      status: 'draft',
      version: 1,
      visibility: 'everyone',
      category: 'Printing',
      tags: ['printer', 'jam'],
      owner: { id: cast.people.agent.id, name: 'Alan Agent' },
      createdBy: { id: cast.people.agent.id, name: 'Alan Agent' },
      teamName: cast.team.name,
      excerpt: 'Open tray 2.',
      publishedAt: null,
      sourceRequestKey: null,
      myFeedback: null,
      canEdit: true,
      canPublish: false,
      stats: { views: 0, helpful: 0, notHelpful: 0 },
    });
    expect(view.bodyHtml).toBe('<p>Open tray 2.</p>\n');
    const versions = await t.app.inject({ method: 'GET', url: `/api/v1/articles/${view.slug}/versions`, headers: cast.headers.agent });
    expect(versions.json().items).toEqual([expect.objectContaining({ version: 1, status: 'draft', editedBy: { id: cast.people.agent.id, name: 'Alan Agent' }, note: null })]);
  });

  it('keeps the search keywords (tags and category) with every save', async () => {
    const article = await write(cast.headers.agent, { title: 'Keyword keeping', category: 'Network', tags: ['vpn', 'remote'] });
    const keywords = async () => (await t.database.rows<{ keywords: string }>(sql`select keywords from articles where id = ${article.id}`))[0]!.keywords;
    expect(await keywords()).toBe('vpn remote Network');
    expect((await edit(cast.headers.agent, article.slug, 1, { tags: ['wifi'], category: null })).statusCode).toBe(200);
    expect(await keywords()).toBe('wifi');
  });

  it('makes the slug unique, and refuses a chosen slug that is taken', async () => {
    const first = await write(cast.headers.agent, { title: 'Same title here' });
    const second = await write(cast.headers.agent, { title: 'Same title here' });
    expect(first.slug).toBe('same-title-here');
    expect(second.slug).toBe('same-title-here-2');
    const taken = await t.app.inject({ method: 'POST', url: '/api/v1/articles', headers: cast.headers.lead, payload: { teamId: cast.team.id, title: 'x', slug: 'same-title-here' } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'ARTICLE_SLUG_TAKEN', errors: [{ field: 'body.slug' }] });
  });

  it("is for the team's agents and admins only; an owner must be an agent of the team", async () => {
    for (const role of ['employee', 'agentOfOtherTeam'] as const) {
      const refused = await t.app.inject({ method: 'POST', url: '/api/v1/articles', headers: cast.headers[role], payload: { teamId: cast.team.id, title: 'Nope' } });
      expect(refused.statusCode).toBe(403);
    }
    const byAdmin = await write(cast.headers.admin, { ownerId: cast.people.lead.id });
    expect(byAdmin.owner.id).toBe(cast.people.lead.id);
    const badOwner = await t.app.inject({ method: 'POST', url: '/api/v1/articles', headers: cast.headers.agent, payload: { teamId: cast.team.id, title: 'x', ownerId: cast.people.employee.id } });
    expect(badOwner.statusCode).toBe(400);
    expect(badOwner.json().errors[0].field).toBe('body.ownerId');
  });
});

describe('the lifecycle', () => {
  it('goes draft -> in review -> published -> archived -> draft, each move a version; only a lead publishes', async () => {
    const draft = await write(cast.headers.agent, { title: 'Lifecycle walk' });
    const submitted = await move(cast.headers.agent, draft.slug, 1, 'in_review', 'Ready for a look');
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'in_review', version: 2 });
    expect(submitted.headers.etag).toBe('"2"');

    const byAgent = await move(cast.headers.agent, draft.slug, 2, 'published');
    expect(byAgent.statusCode).toBe(403);
    const byLead = await move(cast.headers.lead, draft.slug, 2, 'published');
    expect(byLead.statusCode, byLead.body).toBe(200);
    expect(byLead.json().publishedAt).not.toBeNull();

    const backToDraft = await move(cast.headers.lead, draft.slug, 3, 'draft');
    expect(backToDraft.statusCode).toBe(409);
    expect(backToDraft.json()).toMatchObject({ code: 'ILLEGAL_ARTICLE_TRANSITION', errors: [{ field: 'body.to' }] });

    expect((await move(cast.headers.agent, draft.slug, 3, 'archived')).json()).toMatchObject({ status: 'archived', version: 4 });
    expect((await move(cast.headers.agent, draft.slug, 4, 'draft')).json()).toMatchObject({ status: 'draft', version: 5, publishedAt: null });

    const versions = (await t.app.inject({ method: 'GET', url: `/api/v1/articles/${draft.slug}/versions`, headers: cast.headers.agent })).json();
    expect(versions.items.map((item: { version: number; status: string }) => `${item.version}:${item.status}`)).toEqual(['5:draft', '4:archived', '3:published', '2:in_review', '1:draft']);
    expect(versions.items[3]).toMatchObject({ note: 'Ready for a look', editedBy: { name: 'Alan Agent' } });
    expect(versions.items[2]).toMatchObject({ editedBy: { name: 'Lena Lead' } });
  });

  it('edits a published article in place: it stays published, gains a version, and the diff shows the lines', async () => {
    const article = await published({ title: 'Edit in place', body: 'Step one\nStep two\nStep three' });
    const response = await edit(cast.headers.agent, article.slug, article.version, { body: 'Step one\nStep 2\nStep three\nStep four', title: 'Edit in place (v2)', note: 'Clearer step two' });
    expect(response.statusCode, response.body).toBe(200);
    const edited = response.json<ArticleView>();
    expect(edited).toMatchObject({ status: 'published', version: article.version + 1, title: 'Edit in place (v2)', slug: article.slug });
    expect(edited.bodyHtml).toContain('Step 2');
    const diff = await t.app.inject({ method: 'GET', url: `/api/v1/articles/${article.slug}/diff?from=1&to=${edited.version}`, headers: cast.headers.employee });
    expect(diff.statusCode, diff.body).toBe(200);
    expect(diff.json()).toEqual({
      from: 1,
      to: edited.version,
      title: { before: 'Edit in place', after: 'Edit in place (v2)' },
      changes: [
        { kind: 'equal', text: 'Step one\n' },
        { kind: 'removed', text: 'Step two\n' },
        { kind: 'added', text: 'Step 2\n' },
        { kind: 'equal', text: 'Step three\n' },
        { kind: 'added', text: 'Step four\n' },
      ],
    });
    const outOfRange = await t.app.inject({ method: 'GET', url: `/api/v1/articles/${article.slug}/diff?from=1&to=99`, headers: cast.headers.agent });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().errors[0].field).toBe('query.to');
  });

  it('needs If-Match (428) naming the latest version (412), and saves nothing otherwise', async () => {
    const article = await write(cast.headers.agent, { title: 'Versioned edits' });
    const missing = await edit(cast.headers.agent, article.slug, undefined, { title: 'No version' });
    expect(missing.statusCode).toBe(428);
    expect(missing.json().code).toBe('VERSION_REQUIRED');
    expect((await edit(cast.headers.agent, article.slug, 1, { title: 'First edit' })).statusCode).toBe(200);
    const stale = await edit(cast.headers.lead, article.slug, 1, { title: 'Lost update' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    const staleMove = await move(cast.headers.agent, article.slug, 1, 'in_review');
    expect(staleMove.statusCode).toBe(412);
    const missingMove = await t.app.inject({ method: 'POST', url: `/api/v1/articles/${article.slug}/transitions`, headers: cast.headers.agent, payload: { to: 'in_review' } });
    expect(missingMove.statusCode).toBe(428);
    expect((await read(cast.headers.agent, article.slug)).json()).toMatchObject({ title: 'First edit', version: 2, status: 'draft' });
  });

  it('saves no version for an edit that changes nothing', async () => {
    const article = await write(cast.headers.agent, { title: 'Unchanged', tags: ['a'] });
    const same = await edit(cast.headers.agent, article.slug, 1, { title: 'Unchanged', tags: ['a'] });
    expect(same.json().version).toBe(1);
    const versions = await t.app.inject({ method: 'GET', url: `/api/v1/articles/${article.slug}/versions`, headers: cast.headers.agent });
    expect(versions.json().items).toHaveLength(1);
  });
});
