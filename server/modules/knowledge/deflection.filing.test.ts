import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileThrough, filedThrough, publishService } from '../../../test/support/catalog-factories.ts';
import { fingerprint } from '../../../test/support/database-fingerprint.ts';
import { itRefusesBadInput } from '../../../test/support/bad-input.ts';
import { buildCast, type Cast } from '../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { ServiceView } from '../catalog/catalog.schema.ts';
import { countOf, deflectionsOf, insertArticle, insertSearch, searchesOf } from './deflection.test-support.ts';

// Filing through a service after the intake page showed articles: the subject is logged as a
// search that ended in a request, an opened article as "submitted after reading", and the portal
// search the filer came from is tied to the request; all in the filing's transaction.

let t: TestApp;
let cast: Cast;
let service: ServiceView;
let published: [string, string, string];
let teamOnly: string;
let draft: string;

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
  service = await publishService(t.app, cast.headers.lead, cast.team.slug, { name: 'VPN access', slug: 'vpn-access' });
  const base = { teamId: cast.team.id, ownerId: cast.people.agent.id };
  published = [await insertArticle(t.database, base), await insertArticle(t.database, base), await insertArticle(t.database, base)];
  teamOnly = await insertArticle(t.database, { ...base, visibility: 'team' });
  draft = await insertArticle(t.database, { ...base, status: 'draft' });
});
afterAll(() => t.close());

const requestIdOf = async (key: string) => {
  const rows = await t.database.db.query.serviceRequests.findFirst({ where: (request, { eq }) => eq(request.key, key) });
  return rows!.id;
};

describe('a filing with knowledge', () => {
  it('logs the subject as a requested intake search, the opened article as submitted, and ties the portal search', async () => {
    const searchId = await insertSearch(t.database, { query: 'vpn drops', hits: 2, outcome: 'shown', at: new Date().toISOString() });
    const request = await filedThrough(t.app, cast.headers.employee, service.slug, {
      subject: 'VPN  Drops hourly',
      knowledge: { shownArticleIds: [published[0], published[1], published[1]], openedArticleIds: [published[1].toUpperCase(), published[0]], searchId },
    });
    const requestId = await requestIdOf(request.key);
    const searches = await searchesOf(t.database);
    expect(searches.find((row) => row.requestId === requestId && row.source === 'intake')).toMatchObject({
      query: 'VPN  Drops hourly',
      normalized: 'vpn drops hourly',
      teamId: cast.team.id,
      serviceId: service.id,
      hits: 2,
      outcome: 'requested',
    });
    expect(searches.find((row) => row.id === searchId)).toMatchObject({ outcome: 'requested', requestId, source: 'portal', hits: 2 });
    expect((await deflectionsOf(t.database)).filter((row) => row.requestId === requestId)).toEqual([
      expect.objectContaining({ outcome: 'submitted', articleId: published[1], personId: cast.people.employee.id, serviceId: service.id, teamId: cast.team.id, subject: 'VPN  Drops hourly' }),
    ]);
  });

  it('records no submitted deflection when nothing was opened, and counts hits as 0 when nothing was shown', async () => {
    const request = await filedThrough(t.app, cast.headers.employee, service.slug, { subject: 'Token lost', knowledge: {} });
    const requestId = await requestIdOf(request.key);
    expect((await searchesOf(t.database)).filter((row) => row.requestId === requestId)).toEqual([
      expect.objectContaining({ source: 'intake', hits: 0, outcome: 'requested', query: 'Token lost' }),
    ]);
    expect((await deflectionsOf(t.database)).filter((row) => row.requestId === requestId)).toEqual([]);
  });

  it('ignores articles the filer may not read, unknown articles and a search that is old, tied or unknown, and still files', async () => {
    const old = await insertSearch(t.database, { query: 'old words', hits: 0, outcome: 'none', at: new Date(Date.now() - 3 * 86_400_000).toISOString() });
    const deflected = await insertSearch(t.database, { query: 'done', hits: 1, outcome: 'deflected', at: new Date().toISOString() });
    const unknownArticle = '00000000-0000-4000-8000-000000000000';
    for (const searchId of [old, deflected, 999_999_999]) {
      const response = await fileThrough(t.app, cast.headers.employee, service.slug, {
        subject: 'Hidden things',
        knowledge: { shownArticleIds: [teamOnly, draft, unknownArticle, published[2]], openedArticleIds: [teamOnly, draft, unknownArticle], searchId },
      });
      expect(response.statusCode, response.body).toBe(201);
      const requestId = await requestIdOf(response.json().key);
      expect((await searchesOf(t.database)).find((row) => row.requestId === requestId)).toMatchObject({ hits: 1, outcome: 'requested' });
      expect((await deflectionsOf(t.database)).filter((row) => row.requestId === requestId)).toEqual([]);
    }
    const searches = await searchesOf(t.database);
    expect(searches.find((row) => row.id === old)).toMatchObject({ outcome: 'none', requestId: null });
    expect(searches.find((row) => row.id === deflected)).toMatchObject({ outcome: 'deflected', requestId: null });
  });

  it('lets an agent of the team count its team-only article as opened', async () => {
    const request = await filedThrough(t.app, cast.headers.agent, service.slug, { subject: 'Agent asks', knowledge: { openedArticleIds: [teamOnly] } });
    const requestId = await requestIdOf(request.key);
    expect((await deflectionsOf(t.database)).find((row) => row.requestId === requestId)).toMatchObject({ outcome: 'submitted', articleId: teamOnly });
  });

  it('logs once when a filing is retried with its Idempotency-Key', async () => {
    const body = { subject: 'Retry me', knowledge: { openedArticleIds: [published[0]] } };
    const first = await fileThrough(t.app, cast.headers.employee, service.slug, body, { 'idempotency-key': 'file-knowledge-1' });
    expect(first.statusCode, first.body).toBe(201);
    const before = await fingerprint(t.database);
    const again = await fileThrough(t.app, cast.headers.employee, service.slug, body, { 'idempotency-key': 'file-knowledge-1' });
    expect(again.statusCode).toBe(201);
    expect(again.json().key).toBe(first.json().key);
    expect(await fingerprint(t.database)).toEqual(before);
  });

  it('files nothing when its knowledge cannot be logged: one transaction', async () => {
    // A trigger refuses this one subject in knowledge_searches, as a failing write would.
    await t.database.db.execute(sql`
      create function refuse_boom() returns trigger language plpgsql as $$
      begin
        if new.query = 'Boom' then raise exception 'refused for the test'; end if;
        return new;
      end $$`);
    await t.database.db.execute(sql`create trigger refuse_boom before insert on knowledge_searches for each row execute function refuse_boom()`);
    try {
      const before = await fingerprint(t.database);
      const response = await fileThrough(t.app, cast.headers.employee, service.slug, { subject: 'Boom', knowledge: { openedArticleIds: [published[0]] } });
      expect(response.statusCode).toBe(500);
      expect(await fingerprint(t.database)).toEqual(before);
    } finally {
      await t.database.db.execute(sql`drop trigger refuse_boom on knowledge_searches`);
      await t.database.db.execute(sql`drop function refuse_boom()`);
    }
  });

  it('logs nothing for a filing without knowledge', async () => {
    const [searches, deflections] = [await countOf(t.database, 'knowledge_searches'), await countOf(t.database, 'intake_deflections')];
    await filedThrough(t.app, cast.headers.employee, service.slug, { subject: 'Plain filing' });
    expect(await countOf(t.database, 'knowledge_searches')).toBe(searches);
    expect(await countOf(t.database, 'intake_deflections')).toBe(deflections);
  });
});

describe('a filing with bad knowledge', () => {
  const url = () => `/api/v1/services/vpn-access/requests`;
  const many = Array.from({ length: 21 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`);
  itRefusesBadInput(
    [
      { name: 'a shown id that is not a uuid', request: { method: 'POST', url: url(), payload: { knowledge: { shownArticleIds: ['vpn'] } } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.knowledge.shownArticleIds.0' },
      { name: 'more than 20 shown', request: { method: 'POST', url: url(), payload: { knowledge: { shownArticleIds: many } } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.knowledge.shownArticleIds' },
      { name: 'more than 20 opened', request: { method: 'POST', url: url(), payload: { knowledge: { openedArticleIds: many } } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.knowledge.openedArticleIds' },
      { name: 'a searchId of 0', request: { method: 'POST', url: url(), payload: { knowledge: { searchId: 0 } } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.knowledge.searchId' },
      { name: 'a fractional searchId', request: { method: 'POST', url: url(), payload: { knowledge: { searchId: 1.5 } } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.knowledge.searchId' },
      { name: 'a searchId as text', request: { method: 'POST', url: url(), payload: { knowledge: { searchId: '12' } } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.knowledge.searchId' },
      { name: 'an unknown knowledge member', request: { method: 'POST', url: url(), payload: { knowledge: { liked: true } } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.knowledge.liked' },
      { name: 'knowledge that is not an object', request: { method: 'POST', url: url(), payload: { knowledge: [] } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.knowledge' },
    ],
    () => ({ t, headers: cast.headers.employee }),
  );
});
