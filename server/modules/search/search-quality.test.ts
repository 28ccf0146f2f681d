import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCallingPerson, type CallingPerson } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { seedSearchCorpus } from './search-corpus.ts';
import { qualityCases } from './search-quality.fixture.ts';
import type { SearchResult } from './search.schema.ts';

// Search quality over the demo knowledge base: for each fixed query, the result a person means is
// among the top three. The top three of every query are also kept in a file snapshot that the
// PGlite and PostgreSQL runs must both match, so the two databases rank alike.

let t: TestApp;
let employee: CallingPerson;
const topThree = new Map<string, string[]>();

beforeAll(async () => {
  t = await createTestApp();
  employee = await buildCallingPerson(t.database, { name: 'Emma Employee' });
  await seedSearchCorpus(t.database, employee.id);
}, 120_000);
afterAll(() => t.close());

describe('search quality', () => {
  it.each(qualityCases)('$kind: "$q" finds $expected in the top three', async ({ q, expected }) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}&source=intake`, headers: employee.headers });
    expect(response.statusCode, response.body).toBe(200);
    const links = response.json<SearchResult>().hits.slice(0, 3).map((hit) => hit.link);
    topThree.set(q, links);
    expect(links).toContain(expected);
  });

  it('ranks alike on both databases (the top three of every query match the snapshot)', async () => {
    expect(topThree.size).toBe(qualityCases.length);
    const snapshot = Object.fromEntries(qualityCases.map(({ q }) => [q, topThree.get(q)]));
    await expect(`${JSON.stringify(snapshot, null, 2)}\n`).toMatchFileSnapshot('./search-quality.top3.json');
  });
});
