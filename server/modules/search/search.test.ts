import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itRefusesBadInput } from '../../../test/support/bad-input.ts';
import { buildCast, type Cast } from '../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { knowledgeSearches } from '../knowledge/knowledge.tables.ts';
import type { SearchHit, SearchResult } from './search.schema.ts';
import { insertArticle } from './search.test-support.ts';

// GET /search through the API: what comes back, what is escaped, what is logged, what is refused.
// Who may see what is in search.visibility.test.ts; ranking quality in search-quality.test.ts.

let t: TestApp;
let cast: Cast;

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
  const owner = cast.people.agent.id;
  await insertArticle(t.database, {
    teamId: cast.team.id,
    ownerId: owner,
    title: 'Reset your password',
    body: 'Forgotten your password? Open the account page and choose **Forgot password**.',
    tags: ['password', 'login'],
    category: 'Accounts',
    slug: 'reset-your-password',
  });
  await insertArticle(t.database, {
    teamId: cast.team.id,
    ownerId: owner,
    title: 'Hostile markup in an article',
    body: 'Paste <script>alert("owned")</script> & <b onmouseover="x">bold</b> when 2 < 3 > 1 into the quarantine form.',
    slug: 'hostile-markup',
  });
  await insertArticle(t.database, { teamId: cast.team.id, ownerId: owner, title: 'Request a new laptop', body: 'Laptops are replaced every four years.' });
  await insertArticle(t.database, { teamId: cast.team.id, ownerId: owner, title: 'Laptop repair', body: 'Send the broken laptop for repair.' });
});
afterAll(() => t.close());

const searchAs = (headers: Record<string, string>, query: string) => t.app.inject({ method: 'GET', url: `/api/v1/search?${query}`, headers });

async function hitsFor(query: string, headers = cast.headers.employee): Promise<SearchResult> {
  const response = await searchAs(headers, query);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<SearchResult>();
}

describe('GET /search', () => {
  it('finds an article by its title, with its link, team and a marked snippet', async () => {
    const result = await hitsFor('q=reset+password');
    const hit = result.hits[0]!;
    expect(hit).toMatchObject({ type: 'article', title: 'Reset your password', link: '/kb/reset-your-password', teamId: cast.team.id, teamName: cast.team.name });
    expect(hit.snippet).toContain('<mark>password</mark>');
    expect(hit.snippet).not.toContain('**');
    expect(result.total).toBeGreaterThanOrEqual(1);
    expect(result.query).toBe('reset password');
  });

  it('escapes everything in a snippet but the <mark> around matched words', async () => {
    const { hits } = await hitsFor('q=quarantine');
    const hit = hits.find((candidate) => candidate.title === 'Hostile markup in an article')!;
    // ts_headline drops what it parses as tags; every other character of markup comes back escaped.
    expect(hit.snippet).not.toMatch(/<script|<b |onmouseover=/);
    expect(hit.snippet).toContain('alert(&quot;owned&quot;)');
    expect(hit.snippet).toContain('2 &lt; 3 &gt; 1');
    expect(hit.snippet).toContain('&amp;');
    expect(hit.snippet).toContain('<mark>quarantine</mark>');
    expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>"]/);
  });

  it('leaves out what a minus sign excludes', async () => {
    const titles = (await hitsFor('q=laptop+-repair&types=article')).hits.map((hit) => hit.title);
    expect(titles).toContain('Request a new laptop');
    expect(titles).not.toContain('Laptop repair');
  });

  it('tolerates misspelt words', async () => {
    const { hits } = await hitsFor('q=pasword+rest');
    expect(hits[0]?.title).toBe('Reset your password');
  });

  it('returns only the kinds asked for, and no more than the limit', async () => {
    const teams = await hitsFor(`q=${encodeURIComponent(cast.team.name)}&types=team`);
    expect(new Set(teams.hits.map((hit) => hit.type))).toEqual(new Set(['team']));
    expect(teams.hits[0]).toMatchObject({ id: cast.team.id, link: `/teams/${cast.team.slug}`, updatedAt: expect.any(String) });
    const one = await hitsFor('q=laptop&types=article&limit=1');
    expect(one.hits).toHaveLength(1);
    expect(one.total).toBe(2);
  });

  it('asks who is calling first', async () => {
    const response = await searchAs({}, 'q=password');
    expect(response.statusCode).toBe(401);
  });
});

describe('search logging', () => {
  const logged = async (id: number) => (await t.database.db.select().from(knowledgeSearches).where(eq(knowledgeSearches.id, id)))[0];

  it('logs a portal search with its normalized wording, hits and outcome', async () => {
    const result = await hitsFor('q=%20Reset%20%20YOUR%20Password&source=portal');
    expect(result.searchId).toEqual(expect.any(Number));
    expect(await logged(result.searchId!)).toMatchObject({
      source: 'portal',
      query: 'Reset  YOUR Password',
      normalized: 'reset your password',
      hits: result.total,
      outcome: 'shown',
      teamId: null,
    });
  });

  it("logs a search that finds nothing as 'none', with the team it was about", async () => {
    const result = await hitsFor(`q=xylophone+quasar&source=desk&team=${cast.team.id}`);
    expect(result).toMatchObject({ total: 0, hits: [] });
    expect(await logged(result.searchId!)).toMatchObject({ source: 'desk', hits: 0, outcome: 'none', teamId: cast.team.id });
  });

  it('does not log an intake search (the deflection module logs the final subject)', async () => {
    const before = await t.database.db.$count(knowledgeSearches);
    const result = await hitsFor('q=password&source=intake');
    expect(result.searchId).toBeNull();
    expect(result.hits.length).toBeGreaterThan(0);
    expect(await t.database.db.$count(knowledgeSearches)).toBe(before);
  });

  it('logs an API search by default', async () => {
    const result = await hitsFor('q=password');
    expect((await logged(result.searchId!))?.source).toBe('api');
  });
});

describe('bad input', () => {
  const url = (query: string) => ({ method: 'GET' as const, url: `/api/v1/search?${query}` });
  itRefusesBadInput(
    [
      { name: 'no q', request: url('limit=5'), status: 400, code: 'VALIDATION_FAILED', field: 'query.q' },
      { name: 'empty q', request: url('q='), status: 400, code: 'VALIDATION_FAILED', field: 'query.q' },
      { name: 'blank q', request: url('q=%20%20'), status: 400, code: 'VALIDATION_FAILED', field: 'query.q' },
      { name: 'q over 200 characters', request: url(`q=${'a'.repeat(201)}`), status: 400, code: 'VALIDATION_FAILED', field: 'query.q' },
      { name: 'q with a NUL', request: url('q=pass%00word'), status: 400, code: 'VALIDATION_FAILED', field: 'query.q' },
      { name: 'q given twice', request: url('q=a&q=b'), status: 400, code: 'VALIDATION_FAILED', field: 'query.q' },
      { name: 'limit 0', request: url('q=a&limit=0'), status: 400, code: 'VALIDATION_FAILED', field: 'query.limit' },
      { name: 'limit 51', request: url('q=a&limit=51'), status: 400, code: 'VALIDATION_FAILED', field: 'query.limit' },
      { name: 'limit not a number', request: url('q=a&limit=ten'), status: 400, code: 'VALIDATION_FAILED', field: 'query.limit' },
      { name: 'limit a fraction', request: url('q=a&limit=2.5'), status: 400, code: 'VALIDATION_FAILED', field: 'query.limit' },
      { name: 'an unknown type', request: url('q=a&types=article,person'), status: 400, code: 'VALIDATION_FAILED', field: 'query.types' },
      { name: 'an empty type', request: url('q=a&types=article,'), status: 400, code: 'VALIDATION_FAILED', field: 'query.types' },
      { name: 'an unknown source', request: url('q=a&source=mail'), status: 400, code: 'VALIDATION_FAILED', field: 'query.source' },
      { name: 'team not an id', request: url("q=a&team=it'%20or%201=1"), status: 400, code: 'VALIDATION_FAILED', field: 'query.team' },
      { name: 'team nobody has', request: url('q=a&team=00000000-0000-4000-8000-000000000000'), status: 400, code: 'VALIDATION_FAILED', field: 'query.team' },
      { name: 'service nobody has', request: url('q=a&service=00000000-0000-4000-8000-000000000000'), status: 400, code: 'VALIDATION_FAILED', field: 'query.service' },
      { name: 'an unknown parameter', request: url('q=a&sort=new'), status: 400, code: 'VALIDATION_FAILED', field: 'query.sort' },
    ],
    () => ({ t, headers: cast.headers.employee }),
  );

  it('treats tsquery and SQL syntax as words', async () => {
    for (const q of ["password' or 1=1 --", 'password & | ! ( ) :*', '"unclosed phrase', '- -- or or', '<script>']) {
      const response = await searchAs(cast.headers.employee, `q=${encodeURIComponent(q)}`);
      expect(response.statusCode, `${q}: ${response.body}`).toBe(200);
      for (const hit of response.json<SearchResult>().hits as SearchHit[]) expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    }
  });
});
