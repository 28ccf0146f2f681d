import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../../test/support/database-fingerprint.ts';
import { buildCast, type Cast, type Role } from '../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { ArticleView } from './articles.schema.ts';
import { articleCalls } from './articles.test-support.ts';

// A resolved request becomes a draft article (nothing personal in it), and agents link the
// articles that answer a request.

let t: TestApp;
let cast: Cast;
const { published } = articleCalls(() => t, () => cast);

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
});
afterAll(() => t.close());

async function fileRequest(description = 'My VPN drops every hour. Call me on +44 20 7946 0958.', confidential = false): Promise<string> {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: cast.headers.employee, payload: { team: cast.team.slug, subject: 'VPN drops for Emma', description, confidential } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().key;
}

async function comment(role: Role, key: string, body: string, visibility: 'public' | 'internal' = 'public') {
  const response = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${key}/comments`, headers: cast.headers[role], payload: { body, visibility } });
  expect(response.statusCode, response.body).toBe(201);
}

async function resolve(key: string, reason: string, by: Role = 'agent') {
  const current = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${key}`, headers: cast.headers[by] });
  const response = await t.app.inject({
    method: 'PATCH',
    url: `/api/v1/requests/${key}`,
    headers: { ...cast.headers[by], 'if-match': `"${current.json().version}"` },
    payload: { status: 'resolved', reason },
  });
  expect(response.statusCode, response.body).toBe(200);
}

const draftFrom = (role: Role, key: string) => t.app.inject({ method: 'POST', url: `/api/v1/requests/${key}/article-draft`, headers: cast.headers[role] });
const linked = (role: Role, key: string) => t.app.inject({ method: 'GET', url: `/api/v1/requests/${key}/articles`, headers: cast.headers[role] });

describe('a draft from a resolved request', () => {
  it('has the question and the answer, no names, e-mail addresses or phone numbers, no internal notes; it is linked', async () => {
    const key = await fileRequest();
    await comment('employee', key, 'Still happening, Alan. My mail is emma@corp.example.');
    await comment('agent', key, 'Hi Emma, please update the VPN client to 5.2 and restart.');
    await comment('agent', key, 'Internal: her laptop is the old batch', 'internal');
    await resolve(key, 'Renewed the device certificate.');

    const response = await draftFrom('agent', key);
    expect(response.statusCode, response.body).toBe(201);
    const draft = response.json<ArticleView>();
    expect(draft).toMatchObject({ status: 'draft', version: 1, teamId: cast.team.id, title: 'VPN drops for [name]', sourceRequestKey: key, owner: { id: cast.people.agent.id } });
    expect(draft.body).toBe(
      '## Question\n\nMy VPN drops every hour. Call me on [phone number].\n\n## Answer\n\nRenewed the device certificate.\n\nHi [name], please update the VPN client to 5.2 and restart.\n',
    );
    for (const personal of ['Emma', 'Employee', 'Alan', 'emma@corp.example', '7946', 'Internal', 'old batch']) expect(draft.body).not.toContain(personal);
    expect((await linked('agent', key)).json().items.map((item: { id: string }) => item.id)).toEqual([draft.id]);
    // The requester cannot read the draft, so it is not listed for them.
    expect((await linked('employee', key)).json().items).toEqual([]);
  });

  it('starts as an article for the team only when the request was confidential', async () => {
    const key = await fileRequest('A private matter about my contract.', true);
    await resolve(key, 'Explained the clause.', 'lead');
    expect((await draftFrom('agent', key)).statusCode).toBe(404);
    const response = await draftFrom('lead', key);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ visibility: 'team', status: 'draft', sourceRequestKey: key });
  });

  it('is refused for a request still open (409), to non-agents (403) and to those who cannot see it (404), writing nothing', async () => {
    const key = await fileRequest();
    const before = await fingerprint(t.database);
    const open = await draftFrom('agent', key);
    expect(open.statusCode).toBe(409);
    expect(open.json().code).toBe('REQUEST_NOT_RESOLVED');
    await resolve(key, 'Fixed.');
    const afterResolving = await fingerprint(t.database);
    expect((await draftFrom('employee', key)).statusCode).toBe(403);
    expect((await draftFrom('agentOfOtherTeam', key)).statusCode).toBe(404);
    expect((await draftFrom('otherEmployee', key)).statusCode).toBe(404);
    expect(await fingerprint(t.database)).toEqual(afterResolving);
    expect(before.articles).toBe(afterResolving.articles);
  });
});

describe('links between requests and articles', () => {
  it('are made and removed by the team\'s agents, and listed for whoever sees the request as far as they may read', async () => {
    const key = await fileRequest('Printer jams');
    const everyone = await published({ title: 'Clear a jam' });
    const agentsOnly = await published({ title: 'Printer internals', visibility: 'agents' });
    for (const article of [everyone, agentsOnly]) {
      const response = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${key}/articles`, headers: cast.headers.agent, payload: { articleId: article.id } });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({ id: article.id, slug: article.slug });
    }
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${key}/articles`, headers: cast.headers.lead, payload: { articleId: everyone.id } });
    expect(again.statusCode).toBe(201);
    expect((await linked('agent', key)).json().items.map((item: { title: string }) => item.title)).toEqual(['Clear a jam', 'Printer internals']);
    expect((await linked('employee', key)).json().items.map((item: { title: string }) => item.title)).toEqual(['Clear a jam']);
    expect((await linked('otherEmployee', key)).statusCode).toBe(404);

    const byRequester = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${key}/articles`, headers: cast.headers.employee, payload: { articleId: agentsOnly.id } });
    expect(byRequester.statusCode).toBe(403);
    const removedByRequester = await t.app.inject({ method: 'DELETE', url: `/api/v1/requests/${key}/articles/${everyone.id}`, headers: cast.headers.employee });
    expect(removedByRequester.statusCode).toBe(403);

    const removed = await t.app.inject({ method: 'DELETE', url: `/api/v1/requests/${key}/articles/${agentsOnly.id}`, headers: cast.headers.agent });
    expect(removed.statusCode).toBe(204);
    expect((await linked('agent', key)).json().items.map((item: { title: string }) => item.title)).toEqual(['Clear a jam']);
    const removedTwice = await t.app.inject({ method: 'DELETE', url: `/api/v1/requests/${key}/articles/${agentsOnly.id}`, headers: cast.headers.agent });
    expect(removedTwice.statusCode).toBe(404);
  });

  it("refuses an article the agent may not read (another team's draft) as unknown, and a malformed id", async () => {
    const key = await fileRequest('Anything');
    const otherDraft = await t.app.inject({ method: 'POST', url: '/api/v1/articles', headers: cast.headers.agentOfOtherTeam, payload: { teamId: cast.otherTeam.id, title: 'Their draft' } });
    expect(otherDraft.statusCode).toBe(201);
    const before = await fingerprint(t.database);
    const hidden = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${key}/articles`, headers: cast.headers.agent, payload: { articleId: otherDraft.json().id } });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toMatchObject({ code: 'ARTICLE_NOT_FOUND', errors: [{ field: 'body.articleId' }] });
    const malformed = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${key}/articles`, headers: cast.headers.agent, payload: { articleId: 'nope' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].field).toBe('body.articleId');
    expect(await fingerprint(t.database)).toEqual(before);
  });
});
