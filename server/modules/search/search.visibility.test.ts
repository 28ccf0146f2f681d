import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishService } from '../../../test/support/catalog-factories.ts';
import { buildCast, type Cast, type Role } from '../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { SearchResult } from './search.schema.ts';
import { insertArticle } from './search.test-support.ts';

// Search shows only what the searcher may read: published articles by their visibility (everyone,
// agents of any team, the owning team), services they may request. Hidden ones leave no trace:
// not as a hit, not in a snippet, not in the total.

let t: TestApp;
let cast: Cast;

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
  const base = { teamId: cast.team.id, ownerId: cast.people.lead.id };
  await insertArticle(t.database, { ...base, title: 'Zephyr printer guide', body: 'How everyone prints on the zephyr printers.' });
  await insertArticle(t.database, {
    ...base,
    title: 'Reimaging a zephyr laptop (agent procedure)',
    visibility: 'agents',
    body: 'Wipe the zephyr laptop with the kestrel override code 4471.',
  });
  await insertArticle(t.database, { ...base, title: 'Zephyr on-call rota', visibility: 'team', body: 'The falconer phone is carried by the zephyr on-call engineer.' });
  await insertArticle(t.database, { ...base, title: 'Zephyr draft article', status: 'draft', body: 'Not yet reviewed.' });
  await insertArticle(t.database, { ...base, title: 'Zephyr archived article', status: 'archived', body: 'No longer true.' });
  await insertArticle(t.database, { ...base, title: 'Zephyr review', status: 'in_review', visibility: 'agents', body: 'Waiting for a lead.' });
  await publishService(t.app, cast.headers.admin, cast.team.slug, { name: 'Zephyr desk booking', description: 'Book a zephyr desk.' });
  await publishService(t.app, cast.headers.admin, cast.team.slug, {
    name: 'Zephyr team-only service',
    description: 'Only for the other team.',
    audience: [cast.otherTeam.slug],
  });
});
afterAll(() => t.close());

async function titlesFor(role: Role, q: string, types = 'article,service'): Promise<{ titles: string[]; result: SearchResult }> {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}&types=${types}&limit=50`, headers: cast.headers[role] });
  expect(response.statusCode, response.body).toBe(200);
  const result = response.json<SearchResult>();
  return { titles: result.hits.map((hit) => hit.title).sort(), result };
}

const everyone = 'Zephyr printer guide';
const agentsOnly = 'Reimaging a zephyr laptop (agent procedure)';
const teamOnly = 'Zephyr on-call rota';

describe('articles by visibility', () => {
  it.each([
    ['employee', [everyone]],
    ['otherEmployee', [everyone]],
    ['agentOfOtherTeam', [agentsOnly, everyone]],
    ['agent', [agentsOnly, everyone, teamOnly]],
    ['lead', [agentsOnly, everyone, teamOnly]],
    ['admin', [agentsOnly, everyone, teamOnly]],
  ] as Array<[Role, string[]]>)('%s finds only the published articles they may read', async (role, expected) => {
    const { titles, result } = await titlesFor(role, 'zephyr', 'article');
    expect(titles).toEqual([...expected].sort());
    expect(result.total).toBe(expected.length);
  });

  it("never shows an employee an agents-only article's words, even by a word of its body or a misspelling of its title", async () => {
    for (const q of ['kestrel override', 'reimagng', '"override code"', 'zephyr laptop']) {
      const { result } = await titlesFor('employee', q, 'article');
      expect(result.hits.map((hit) => hit.title)).not.toContain(agentsOnly);
      for (const hit of result.hits) expect(hit.snippet).not.toMatch(/kestrel|4471/);
    }
    expect((await titlesFor('agentOfOtherTeam', 'kestrel override', 'article')).titles).toEqual([agentsOnly]);
  });

  it("keeps a team-only article to the owning team's agents", async () => {
    expect((await titlesFor('agentOfOtherTeam', 'falconer', 'article')).result.total).toBe(0);
    expect((await titlesFor('employee', 'falconer', 'article')).result.total).toBe(0);
    expect((await titlesFor('agent', 'falconer', 'article')).titles).toEqual([teamOnly]);
  });

  it('never returns drafts, articles in review or archived articles, not even to their team', async () => {
    for (const role of ['agent', 'lead', 'admin'] as Role[]) {
      const { titles } = await titlesFor(role, 'draft archived review reviewed', 'article');
      expect(titles.filter((title) => /draft|archived|review$/.test(title))).toEqual([]);
    }
  });

  it('limits articles to the team asked for', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/search?q=zephyr&types=article&team=${cast.otherTeam.id}`, headers: cast.headers.admin });
    expect(response.json<SearchResult>().total).toBe(0);
  });
});

describe('services', () => {
  it('lists only services the person may request, as GET /services does', async () => {
    expect((await titlesFor('employee', 'zephyr', 'service')).titles).toEqual(['Zephyr desk booking']);
    const services = await t.app.inject({ method: 'GET', url: '/api/v1/services', headers: cast.headers.employee });
    expect(services.json().items.map((item: { name: string }) => item.name)).not.toContain('Zephyr team-only service');
  });
});
