import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishService } from '../../../test/support/catalog-factories.ts';
import { fingerprint } from '../../../test/support/database-fingerprint.ts';
import { itRefusesBadInput } from '../../../test/support/bad-input.ts';
import { buildCast, type Cast } from '../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { ServiceView } from '../catalog/catalog.schema.ts';
import { countOf, deflectionsOf, insertArticle, searchesOf } from './deflection.test-support.ts';

// "This solved it": recorded for a service the person may request and an article they may read;
// nothing is filed, and nothing about hidden articles or services is given away.

let t: TestApp;
let cast: Cast;
let service: ServiceView;
let otherTeamsService: ServiceView;
let retired: ServiceView;
const article: Record<'everyone' | 'team' | 'agents' | 'draft' | 'archived', string> = { everyone: '', team: '', agents: '', draft: '', archived: '' };

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
  service = await publishService(t.app, cast.headers.lead, cast.team.slug, { name: 'VPN access' });
  otherTeamsService = await publishService(t.app, cast.headers.lead, cast.team.slug, { name: 'Payroll tools', audience: [cast.otherTeam.slug] });
  retired = await publishService(t.app, cast.headers.lead, cast.team.slug, { name: 'Fax lines', active: false });
  const base = { teamId: cast.team.id, ownerId: cast.people.agent.id };
  article.everyone = await insertArticle(t.database, { ...base, title: 'Connect to the VPN' });
  article.team = await insertArticle(t.database, { ...base, visibility: 'team' });
  article.agents = await insertArticle(t.database, { ...base, visibility: 'agents' });
  article.draft = await insertArticle(t.database, { ...base, status: 'draft' });
  article.archived = await insertArticle(t.database, { ...base, status: 'archived' });
});
afterAll(() => t.close());

const solve = (headers: Record<string, string>, payload: Record<string, unknown>, extra: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/deflections', headers: { ...headers, ...extra }, payload });

describe('POST /deflections', () => {
  it('records the solved deflection and a deflected intake search, and files no request', async () => {
    const requestsBefore = await countOf(t.database, 'requests');
    const response = await solve(cast.headers.employee, { serviceId: service.id, subject: '  VPN   keeps Dropping ', articleId: article.everyone });
    expect(response.statusCode, response.body).toBe(201);
    const { id } = response.json();
    expect(await countOf(t.database, 'requests')).toBe(requestsBefore);
    const deflection = (await deflectionsOf(t.database)).find((row) => row.id === id);
    expect(deflection).toMatchObject({
      serviceId: service.id,
      teamId: cast.team.id,
      personId: cast.people.employee.id,
      outcome: 'solved',
      articleId: article.everyone,
      requestId: null,
      subject: 'VPN   keeps Dropping',
    });
    const search = (await searchesOf(t.database)).at(-1);
    expect(search).toMatchObject({
      source: 'intake',
      query: 'VPN   keeps Dropping',
      normalized: 'vpn keeps dropping',
      teamId: cast.team.id,
      serviceId: service.id,
      hits: 1,
      outcome: 'deflected',
      requestId: null,
    });
  });

  it('answers a retry with the same Idempotency-Key with the first answer, writing once', async () => {
    const payload = { serviceId: service.id, subject: 'Printer offline', articleId: article.everyone };
    const first = await solve(cast.headers.employee, payload, { 'idempotency-key': 'solve-1' });
    expect(first.statusCode, first.body).toBe(201);
    const before = await fingerprint(t.database);
    const again = await solve(cast.headers.employee, payload, { 'idempotency-key': 'solve-1' });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await fingerprint(t.database)).toEqual(before);
    const reused = await solve(cast.headers.employee, { ...payload, subject: 'Other words' }, { 'idempotency-key': 'solve-1' });
    expect(reused.statusCode).toBe(422);
  });

  it('takes articles by their visibility: team articles for its agents, agents articles for any agent', async () => {
    expect((await solve(cast.headers.agent, { serviceId: service.id, subject: 'x', articleId: article.team })).statusCode).toBe(201);
    expect((await solve(cast.headers.agentOfOtherTeam, { serviceId: service.id, subject: 'x', articleId: article.agents })).statusCode).toBe(201);
    expect((await solve(cast.headers.admin, { serviceId: service.id, subject: 'x', articleId: article.team })).statusCode).toBe(201);
  });

  it('is 404 ARTICLE_NOT_FOUND for an article the person may not read, the same as for one that does not exist', async () => {
    const cases: [Record<string, string>, string][] = [
      [cast.headers.employee, article.team],
      [cast.headers.employee, article.agents],
      [cast.headers.agentOfOtherTeam, article.team],
      [cast.headers.agent, article.draft],
      [cast.headers.admin, article.archived],
      [cast.headers.employee, '00000000-0000-4000-8000-000000000000'],
    ];
    const details = new Set<string>();
    for (const [headers, articleId] of cases) {
      const before = await fingerprint(t.database);
      const response = await solve(headers, { serviceId: service.id, subject: 'x', articleId });
      expect(response.statusCode, response.body).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'ARTICLE_NOT_FOUND', errors: [{ field: 'body.articleId', reason: 'no published article you can read has this id' }] });
      details.add(response.json().detail);
      expect(await fingerprint(t.database)).toEqual(before);
    }
    expect(details.size).toBe(1);
  });

  it('follows the filing rule for the service: 404 when it cannot be seen, 403 when it cannot be requested', async () => {
    const hidden = await solve(cast.headers.employee, { serviceId: otherTeamsService.id, subject: 'x', articleId: article.everyone });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toMatchObject({ code: 'SERVICE_NOT_FOUND', errors: [{ field: 'body.serviceId' }] });
    const before = await fingerprint(t.database);
    for (const id of [otherTeamsService.id, retired.id]) {
      const refused = await solve(cast.headers.agent, { serviceId: id, subject: 'x', articleId: article.everyone });
      expect(refused.statusCode, refused.body).toBe(403);
      expect(refused.json().errors).toEqual([{ field: 'body.serviceId', reason: 'is retired or offered to other teams only' }]);
    }
    expect((await solve(cast.headers.employee, { serviceId: retired.id, subject: 'x', articleId: article.everyone })).statusCode).toBe(404);
    expect((await solve(cast.headers.otherEmployee, { serviceId: '00000000-0000-4000-8000-000000000000', subject: 'x', articleId: article.everyone })).statusCode).toBe(404);
    expect(await fingerprint(t.database)).toEqual(before);
  });

  it('asks strangers to sign in', async () => {
    const response = await solve({}, { serviceId: service.id, subject: 'x', articleId: article.everyone });
    expect(response.statusCode).toBe(401);
  });
});

describe('POST /deflections with bad input', () => {
  const url = '/api/v1/deflections';
  const good = () => ({ serviceId: service.id, subject: 'VPN', articleId: article.everyone });
  itRefusesBadInput(
    [
      { name: 'a service id that is not a uuid', request: { method: 'POST', url, payload: { serviceId: 'vpn', subject: 'x', articleId: '00000000-0000-4000-8000-000000000000' } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.serviceId' },
      { name: 'an article id that is not a uuid', request: { method: 'POST', url, payload: { serviceId: '00000000-0000-4000-8000-000000000000', subject: 'x', articleId: "1' or '1'='1" } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.articleId' },
      { name: 'an empty subject', request: { method: 'POST', url, payload: { serviceId: '00000000-0000-4000-8000-000000000000', subject: '   ', articleId: '00000000-0000-4000-8000-000000000000' } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.subject' },
      { name: 'a subject over 300 characters', request: { method: 'POST', url, payload: { serviceId: '00000000-0000-4000-8000-000000000000', subject: 'x'.repeat(301), articleId: '00000000-0000-4000-8000-000000000000' } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.subject' },
      { name: 'a NUL in the subject', request: { method: 'POST', url, payload: { serviceId: '00000000-0000-4000-8000-000000000000', subject: 'a\u0000b', articleId: '00000000-0000-4000-8000-000000000000' } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.subject' },
      { name: 'an unknown member', request: { method: 'POST', url, payload: { serviceId: '00000000-0000-4000-8000-000000000000', subject: 'x', articleId: '00000000-0000-4000-8000-000000000000', requestId: 'x' } }, status: 400, code: 'VALIDATION_FAILED' },
      { name: 'no article', request: { method: 'POST', url, payload: { serviceId: '00000000-0000-4000-8000-000000000000', subject: 'x' } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.articleId' },
    ],
    () => ({ t, headers: cast.headers.employee }),
  );

  it('a good body is accepted (the cases above differ from it in one member)', async () => {
    expect((await solve(cast.headers.employee, good())).statusCode).toBe(201);
  });
});

describe('the OpenAPI document', () => {
  it('describes the deflection, the reports and the filing’s knowledge member', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const paths = response.json().paths;
    expect(Object.keys(paths['/api/v1/deflections'].post.requestBody.content['application/json'].schema.properties)).toEqual(['serviceId', 'subject', 'articleId']);
    expect(paths['/api/v1/reports/deflection'].get.parameters.map((parameter: { name: string }) => parameter.name).sort()).toEqual(['from', 'team', 'to']);
    expect(paths['/api/v1/reports/content-gaps'].get.description).toContain('biggest first');
    const filing = paths['/api/v1/services/{idOrSlug}/requests'].post.requestBody.content['application/json'].schema.properties.knowledge;
    expect(filing.description).toContain('are ignored');
    expect(Object.keys(filing.properties)).toEqual(['shownArticleIds', 'openedArticleIds', 'searchId']);
  });
});
