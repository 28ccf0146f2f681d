import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishService } from '../../../test/support/catalog-factories.ts';
import { buildCast, type Cast } from '../../../test/support/roles.ts';
import { buildOfficeCalendar, buildPolicy } from '../../../test/support/sla-factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { insertArticle } from './search.test-support.ts';
import { businessDuration, targetInWords } from './team-page.service.ts';
import type { TeamPage } from './team-page.schema.ts';

// A team's page: its hours, the services the viewer may request, the promises in words, and its
// most useful articles that the viewer may read.

let t: TestApp;
let cast: Cast;

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
  await buildOfficeCalendar(t.database, cast.team.id);
  const policy = await buildPolicy(t.database, cast.team.id, { urgent: { firstResponse: 30, resolution: 240 }, normal: { firstResponse: 480, resolution: 2400 } });
  await publishService(t.app, cast.headers.admin, cast.team.slug, { name: 'Printer help', description: 'Printers and scanners.', slaPolicyId: policy });
  await publishService(t.app, cast.headers.admin, cast.team.slug, { name: 'Other team only', audience: [cast.otherTeam.slug] });
  const base = { teamId: cast.team.id, ownerId: cast.people.agent.id };
  await insertArticle(t.database, { ...base, title: 'Well liked', body: 'Clear **steps** and a [link](/kb/x).', helpful: 30, notHelpful: 1, tags: ['printing'], category: 'Hardware' });
  await insertArticle(t.database, { ...base, title: 'Unrated' });
  await insertArticle(t.database, { ...base, title: 'Disliked', helpful: 1, notHelpful: 20 });
  await insertArticle(t.database, { ...base, title: 'For agents', visibility: 'agents' });
  await insertArticle(t.database, { ...base, title: 'A draft', status: 'draft' });
  await insertArticle(t.database, { teamId: cast.otherTeam.id, ownerId: cast.people.agentOfOtherTeam.id, title: 'Another team’s article' });
});
afterAll(() => t.close());

const page = (ref: string, headers = cast.headers.employee) => t.app.inject({ method: 'GET', url: `/api/v1/teams/${ref}/page`, headers });

describe('GET /teams/{idOrSlug}/page', () => {
  it("shows an employee the team's hours, services, promises and readable articles, most helpful first", async () => {
    const response = await page(cast.team.slug);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<TeamPage>();
    expect(body).toMatchObject({ id: cast.team.id, slug: cast.team.slug, name: cast.team.name });
    expect(body.hours?.timeZone).toBe('Europe/London');
    expect(body.hours?.weekly).toContainEqual({ weekday: 1, start: '09:00', end: '17:00' });
    expect(body.services).toEqual([{ slug: expect.any(String), name: 'Printer help', description: 'Printers and scanners.' }]);
    expect(body.promises).toEqual([
      { name: 'Urgent priority', target: 'First reply within 30 business minutes, resolved within 4 business hours' },
      { name: 'Normal priority', target: 'First reply within 8 business hours, resolved within 40 business hours' },
    ]);
    expect(body.articles.map((article) => article.title)).toEqual(['Well liked', 'Unrated', 'Disliked']);
    expect(body.articles[0]).toMatchObject({
      status: 'published',
      excerpt: 'Clear steps and a link.',
      tags: ['printing'],
      category: 'Hardware',
      owner: { id: cast.people.agent.id, name: 'Alan Agent' },
      stats: { views: 0, helpful: 30, notHelpful: 1 },
      stale: false,
    });
  });

  it('answers by id as well, and shows an agent the agents-only articles too', async () => {
    const body = (await page(cast.team.id, cast.headers.agentOfOtherTeam)).json<TeamPage>();
    expect(body.articles.map((article) => article.title)).toContain('For agents');
    expect(body.articles.map((article) => article.title)).not.toContain('A draft');
  });

  it('is 404 for a team nobody has, 400 for a malformed reference, 401 for strangers', async () => {
    expect((await page('no-such-team')).statusCode).toBe(404);
    expect((await page('00000000-0000-4000-8000-000000000000')).json().code).toBe('TEAM_NOT_FOUND');
    const bad = await page('Not%20A%20Slug');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('params.slug');
    expect((await page(cast.team.slug, {})).statusCode).toBe(401);
  });
});

describe('promises in words', () => {
  it('says minutes under an hour, and hours to one decimal', () => {
    expect(businessDuration(1)).toBe('1 business minute');
    expect(businessDuration(60)).toBe('1 business hour');
    expect(businessDuration(90)).toBe('1.5 business hours');
    expect(targetInWords({ nextResponse: 120 })).toBe('Each further reply within 2 business hours');
    expect(targetInWords({})).toBeUndefined();
  });
});
