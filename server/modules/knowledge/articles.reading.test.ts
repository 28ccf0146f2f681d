import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast, type Cast, type Role } from '../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { ArticleSummary } from './articles.schema.ts';
import { articleCalls } from './articles.test-support.ts';

// Who reads which article (by its link and in lists), lists with their filters and pages,
// categories, views, and "was this helpful?".

let t: TestApp;
let cast: Cast;
const { write, move, read, published } = articleCalls(() => t, () => cast);
const READERS: Role[] = ['employee', 'otherEmployee', 'agentOfOtherTeam', 'agent', 'lead', 'admin'];

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
});
afterAll(() => t.close());

async function whoReads(slug: string): Promise<Role[]> {
  const readers: Role[] = [];
  for (const role of READERS) {
    const response = await read(cast.headers[role], slug);
    if (response.statusCode === 200) readers.push(role);
    else expect(response.json()).toMatchObject({ status: 404, code: 'ARTICLE_NOT_FOUND' });
  }
  return readers;
}

describe('reading by link', () => {
  it('an article for everyone, once published, is read by every signed-in person (and nobody signed out)', async () => {
    const article = await published({ visibility: 'everyone' });
    expect(await whoReads(article.slug)).toEqual(READERS);
    expect((await read({}, article.slug)).statusCode).toBe(401);
  });

  it("an agents-only article never reaches an employee's direct link", async () => {
    const article = await published({ visibility: 'agents' });
    expect(await whoReads(article.slug)).toEqual(['agentOfOtherTeam', 'agent', 'lead', 'admin']);
  });

  it("a team-only article reaches only that team's members and admins", async () => {
    const article = await published({ visibility: 'team' });
    expect(await whoReads(article.slug)).toEqual(['agent', 'lead', 'admin']);
  });

  it("a draft, one in review and an archived one reach only the team's agents and admins", async () => {
    const draft = await write(cast.headers.agent, { visibility: 'everyone' });
    expect(await whoReads(draft.slug)).toEqual(['agent', 'lead', 'admin']);
    const inReview = await move(cast.headers.agent, draft.slug, 1, 'in_review');
    expect(inReview.statusCode).toBe(200);
    expect(await whoReads(draft.slug)).toEqual(['agent', 'lead', 'admin']);
    const archived = await published();
    expect((await move(cast.headers.agent, archived.slug, archived.version, 'archived')).statusCode).toBe(200);
    expect(await whoReads(archived.slug)).toEqual(['agent', 'lead', 'admin']);
  });

  it('keeps versions, diffs, views and feedback of a hidden article as hidden as the article', async () => {
    const draft = await write(cast.headers.agent);
    for (const [method, url, payload] of [
      ['GET', `/api/v1/articles/${draft.slug}/versions`, undefined],
      ['GET', `/api/v1/articles/${draft.slug}/diff?from=1&to=1`, undefined],
      ['POST', `/api/v1/articles/${draft.slug}/views`, undefined],
      ['PUT', `/api/v1/articles/${draft.slug}/feedback`, { helpful: true }],
      ['GET', `/api/v1/articles/${draft.slug}/feedback`, undefined],
      ['PATCH', `/api/v1/articles/${draft.slug}`, { title: 'x' }],
    ] as const) {
      const response = await t.app.inject({ method, url, headers: { ...cast.headers.employee, 'if-match': '"1"' }, ...(payload ? { payload } : {}) });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
  });

  it('lets a reader who may not edit know that: 403 on edit, canEdit false', async () => {
    const article = await published();
    const view = (await read(cast.headers.employee, article.slug)).json();
    expect(view).toMatchObject({ canEdit: false, canPublish: false });
    const refused = await t.app.inject({ method: 'PATCH', url: `/api/v1/articles/${article.slug}`, headers: { ...cast.headers.agentOfOtherTeam, 'if-match': `"${article.version}"` }, payload: { title: 'Mine now' } });
    expect(refused.statusCode).toBe(403);
  });
});

describe('lists', () => {
  let team: { id: string };
  beforeAll(async () => {
    const { buildTeam, buildPerson, bearerFor } = await import('../../../test/support/factories.ts');
    team = await buildTeam(t.database);
    const lead = await buildPerson(t.database, { leadOf: [team.id] });
    const headers = await bearerFor(t.database, lead.id);
    const make = async (title: string, extra: Record<string, unknown>, publish: boolean) => {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/articles', headers, payload: { teamId: team.id, title, body: `About ${title}`, ...extra } });
      const created = response.json();
      if (publish) await t.app.inject({ method: 'POST', url: `/api/v1/articles/${created.slug}/transitions`, headers: { ...headers, 'if-match': '"1"' }, payload: { to: 'published' } });
    };
    await make('Wifi for guests', { category: 'Network', tags: ['wifi'] }, true);
    await make('Expense claims', { category: 'Money' }, true);
    await make('Old badge process', { reviewBy: '2020-01-01' }, true);
    await make('Agents only trick', { visibility: 'agents', category: 'Secret' }, true);
    await make('Unpublished draft', { category: 'Drafty' }, false);
  });

  const list = async (role: Role, query: string) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/articles?team=${team.id}&${query}`, headers: cast.headers[role] });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: ArticleSummary[]; nextCursor: string | null }>();
  };
  const titles = (page: { items: ArticleSummary[] }) => page.items.map((item) => item.title).sort();

  it('show an employee only the published articles visible to them; an agent elsewhere also agents-only ones', async () => {
    expect(titles(await list('employee', ''))).toEqual(['Expense claims', 'Old badge process', 'Wifi for guests']);
    expect(titles(await list('agentOfOtherTeam', ''))).toEqual(['Agents only trick', 'Expense claims', 'Old badge process', 'Wifi for guests']);
    expect(titles(await list('admin', ''))).toContain('Unpublished draft');
    expect(titles(await list('employee', 'status=draft'))).toEqual([]);
  });

  it('filter by stale, words, and go page by page without repeats', async () => {
    const stale = await list('employee', 'stale=true');
    expect(stale.items.map((item) => [item.title, item.stale])).toEqual([['Old badge process', true]]);
    expect(titles(await list('employee', 'q=wifi'))).toEqual(['Wifi for guests']);
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await list('admin', `limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.title));
      cursor = page.nextCursor;
    }
    expect(seen.sort()).toEqual(['Agents only trick', 'Expense claims', 'Old badge process', 'Unpublished draft', 'Wifi for guests']);
  });

  it('filter by category and tag, whatever their case, and only among what the caller may read', async () => {
    expect(titles(await list('employee', 'category=network'))).toEqual(['Wifi for guests']);
    expect(titles(await list('employee', 'tag=WIFI'))).toEqual(['Wifi for guests']);
    expect(titles(await list('employee', 'category=Secret'))).toEqual([]);
    expect(titles(await list('agentOfOtherTeam', 'category=secret'))).toEqual(['Agents only trick']);
    expect(titles(await list('employee', 'category=Money&tag=wifi'))).toEqual([]);
  });

  it("list only the owner's own with owner=me", async () => {
    expect((await list('employee', 'owner=me')).items).toEqual([]);
  });

  it('give the categories the caller may see', async () => {
    const categories = async (role: Role) => (await t.app.inject({ method: 'GET', url: `/api/v1/articles/categories?team=${team.id}`, headers: cast.headers[role] })).json().categories;
    expect(await categories('employee')).toEqual(['Money', 'Network']);
    expect(await categories('admin')).toEqual(['Drafty', 'Money', 'Network', 'Secret']);
  });
});

describe('views and feedback', () => {
  it('counts views', async () => {
    const article = await published();
    for (let i = 0; i < 3; i += 1) expect((await t.app.inject({ method: 'POST', url: `/api/v1/articles/${article.slug}/views`, headers: cast.headers.employee })).statusCode).toBe(204);
    expect((await read(cast.headers.employee, article.slug)).json().stats.views).toBe(3);
  });

  it('keeps one answer per person, a second replacing the first, and the counts equal to the answers', async () => {
    const article = await published();
    const give = (role: Role, payload: Record<string, unknown>) => t.app.inject({ method: 'PUT', url: `/api/v1/articles/${article.slug}/feedback`, headers: cast.headers[role], payload });
    expect((await give('employee', { helpful: true })).json()).toEqual({ stats: { views: 0, helpful: 1, notHelpful: 0 }, myFeedback: { helpful: true, comment: null } });
    expect((await give('otherEmployee', { helpful: false, comment: 'Step 3 fails on Mac' })).json().stats).toEqual({ views: 0, helpful: 1, notHelpful: 1 });
    expect((await give('employee', { helpful: false, comment: 'Actually no' })).json().stats).toEqual({ views: 0, helpful: 0, notHelpful: 2 });
    expect((await read(cast.headers.employee, article.slug)).json().myFeedback).toEqual({ helpful: false, comment: 'Actually no' });

    const feedback = await t.app.inject({ method: 'GET', url: `/api/v1/articles/${article.slug}/feedback`, headers: cast.headers.agent });
    expect(feedback.statusCode).toBe(200);
    const items = feedback.json().items;
    expect(items.map((item: { comment: string }) => item.comment).sort()).toEqual(['Actually no', 'Step 3 fails on Mac']);
    expect(Object.keys(items[0]).sort()).toEqual(['comment', 'helpful', 'updatedAt']);
    expect(JSON.stringify(items)).not.toContain('Emma');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/articles/${article.slug}/feedback`, headers: cast.headers.employee })).statusCode).toBe(403);
  });
  it('keeps the counts equal to the answers when people answer at the same moment', async () => {
    const article = await published();
    const answers: Array<[Role, boolean]> = [['employee', true], ['otherEmployee', false], ['agentOfOtherTeam', true], ['lead', true], ['employee', false], ['admin', false]];
    const responses = await Promise.all(
      answers.map(([role, helpful]) => t.app.inject({ method: 'PUT', url: `/api/v1/articles/${article.slug}/feedback`, headers: cast.headers[role], payload: { helpful } })),
    );
    expect(responses.map((response) => response.statusCode)).toEqual(answers.map(() => 200));
    const items: Array<{ helpful: boolean }> = (await t.app.inject({ method: 'GET', url: `/api/v1/articles/${article.slug}/feedback`, headers: cast.headers.agent })).json().items;
    expect(items).toHaveLength(5);
    const { stats } = (await read(cast.headers.agent, article.slug)).json();
    expect(stats).toMatchObject({ helpful: items.filter((item) => item.helpful).length, notHelpful: items.filter((item) => !item.helpful).length });
  });
});

describe('preview', () => {
  it('renders for agents and admins as readers would see it, and is refused to employees', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/articles/preview', headers: cast.headers.agentOfOtherTeam, payload: { body: '**Hi** <script>x()</script>' } });
    expect(response.json()).toEqual({ html: '<p><strong>Hi</strong> </p>\n' });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/articles/preview', headers: cast.headers.employee, payload: { body: 'x' } })).statusCode).toBe(403);
  });
});
