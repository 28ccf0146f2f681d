import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { itRefusesBadInput, rawJson, type BadInput } from '../../../test/support/bad-input.ts';
import { buildCast, type Cast } from '../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

// Every bad call is a clear problem naming the field, and writes nothing at all.

let t: TestApp;
let cast: Cast;
const SLUG = 'bad-input-target';
let teamId = '';

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
  teamId = cast.team.id;
  const created = await t.app.inject({ method: 'POST', url: '/api/v1/articles', headers: cast.headers.lead, payload: { teamId, title: 'Target', slug: SLUG } });
  if (created.statusCode !== 201) throw new Error(created.body);
});
afterAll(() => t.close());

const create = (payload: Record<string, unknown>): BadInput['request'] => ({ method: 'POST', url: '/api/v1/articles', payload: { teamId, title: 'Valid title', ...payload } });
// The team id is known only once the cast exists: build the create body lazily.
const createFor = (payload: () => Record<string, unknown>): BadInput['request'] => ({
  method: 'POST',
  url: '/api/v1/articles',
  get payload() {
    return { teamId, title: 'Valid title', ...payload() };
  },
});
const patch = (payload: Record<string, unknown>, ifMatch: string | null = '"1"'): BadInput['request'] => ({
  method: 'PATCH',
  url: `/api/v1/articles/${SLUG}`,
  payload,
  ...(ifMatch === null ? {} : { headers: { 'if-match': ifMatch } }),
});

describe('articles refuse bad input', () => {
  itRefusesBadInput(
    [
      { name: 'no title', request: { method: 'POST', url: '/api/v1/articles', get payload() { return { teamId }; } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.title' },
      { name: 'blank title', request: createFor(() => ({ title: '   ' })), status: 400, code: 'VALIDATION_FAILED', field: 'body.title' },
      { name: 'title too long', request: createFor(() => ({ title: 'x'.repeat(201) })), status: 400, code: 'VALIDATION_FAILED', field: 'body.title' },
      { name: 'body too long', request: createFor(() => ({ body: 'x'.repeat(200_001) })), status: 400, code: 'VALIDATION_FAILED', field: 'body.body' },
      { name: 'NUL in the body', request: createFor(() => ({ body: 'a\u0000b' })), status: 400, code: 'VALIDATION_FAILED', field: 'body.body' },
      { name: 'unknown visibility', request: createFor(() => ({ visibility: 'public' })), status: 400, code: 'VALIDATION_FAILED', field: 'body.visibility' },
      { name: 'tags not a list', request: createFor(() => ({ tags: 'vpn' })), status: 400, code: 'VALIDATION_FAILED', field: 'body.tags' },
      { name: 'too many tags', request: createFor(() => ({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) })), status: 400, code: 'VALIDATION_FAILED', field: 'body.tags' },
      { name: 'tag too long', request: createFor(() => ({ tags: ['x'.repeat(41)] })), status: 400, code: 'VALIDATION_FAILED', field: 'body.tags.0' },
      { name: 'impossible review date', request: createFor(() => ({ reviewBy: '2026-02-30' })), status: 400, code: 'VALIDATION_FAILED', field: 'body.reviewBy' },
      { name: 'team id not an id', request: create({ teamId: 'it' }), status: 400, code: 'VALIDATION_FAILED', field: 'body.teamId' },
      { name: 'unknown team', request: create({ teamId: randomUUID() }), status: 400, code: 'VALIDATION_FAILED', field: 'body.teamId' },
      { name: 'owner not of the team', request: createFor(() => ({ ownerId: cast.people.employee.id })), status: 400, code: 'VALIDATION_FAILED', field: 'body.ownerId' },
      { name: 'slug of the wrong shape', request: createFor(() => ({ slug: 'Bad Slug' })), status: 400, code: 'VALIDATION_FAILED', field: 'body.slug' },
      { name: 'slug taken', request: createFor(() => ({ slug: SLUG })), status: 409, code: 'ARTICLE_SLUG_TAKEN', field: 'body.slug' },
      { name: 'reserved slug', request: createFor(() => ({ slug: 'categories' })), status: 409, code: 'ARTICLE_SLUG_TAKEN', field: 'body.slug' },
      { name: 'unknown field', request: createFor(() => ({ status: 'published' })), status: 400, code: 'VALIDATION_FAILED', field: 'body.status' },
      { name: 'malformed JSON', request: rawJson('POST', '/api/v1/articles', '{"title": '), status: 400, code: 'MALFORMED_JSON' },
      { name: 'edit without If-Match', request: patch({ title: 'x' }, null), status: 428, code: 'VERSION_REQUIRED' },
      { name: 'edit with a weak If-Match', request: patch({ title: 'x' }, 'W/"1"'), status: 400, code: 'VALIDATION_FAILED', field: 'headers.if-match' },
      { name: 'edit of an old version', request: patch({ title: 'x' }, '"7"'), status: 412, code: 'VERSION_CONFLICT' },
      { name: 'edit to an empty title', request: patch({ title: '' }), status: 400, code: 'VALIDATION_FAILED', field: 'body.title' },
      { name: 'edit to an owner of another team', request: { ...patch({}), get payload() { return { ownerId: cast.people.agentOfOtherTeam.id }; } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.ownerId' },
      { name: 'edit of an unknown field', request: patch({ slug: 'new-slug' }), status: 400, code: 'VALIDATION_FAILED', field: 'body.slug' },
      { name: 'transition to an unknown status', request: { method: 'POST', url: `/api/v1/articles/${SLUG}/transitions`, headers: { 'if-match': '"1"' }, payload: { to: 'deleted' } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.to' },
      { name: 'transition draft -> archived', request: { method: 'POST', url: `/api/v1/articles/${SLUG}/transitions`, headers: { 'if-match': '"1"' }, payload: { to: 'archived' } }, status: 409, code: 'ILLEGAL_ARTICLE_TRANSITION', field: 'body.to' },
      { name: 'transition to the same status', request: { method: 'POST', url: `/api/v1/articles/${SLUG}/transitions`, headers: { 'if-match': '"1"' }, payload: { to: 'draft' } }, status: 409, code: 'ILLEGAL_ARTICLE_TRANSITION', field: 'body.to' },
      { name: 'feedback not a boolean', request: { method: 'PUT', url: `/api/v1/articles/${SLUG}/feedback`, payload: { helpful: 'yes' } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.helpful' },
      { name: 'feedback comment too long', request: { method: 'PUT', url: `/api/v1/articles/${SLUG}/feedback`, payload: { helpful: true, comment: 'x'.repeat(2001) } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.comment' },
      { name: 'list with limit 0', request: { method: 'GET', url: '/api/v1/articles?limit=0' }, status: 400, code: 'VALIDATION_FAILED', field: 'query.limit' },
      { name: 'list with a forged cursor', request: { method: 'GET', url: '/api/v1/articles?cursor=bm90LWEtY3Vyc29y' }, status: 400, code: 'VALIDATION_FAILED', field: 'query.cursor' },
      { name: 'list with an unknown status', request: { method: 'GET', url: '/api/v1/articles?status=gone' }, status: 400, code: 'VALIDATION_FAILED', field: 'query.status' },
      { name: 'list with an empty tag', request: { method: 'GET', url: '/api/v1/articles?tag=' }, status: 400, code: 'VALIDATION_FAILED', field: 'query.tag' },
      { name: 'list with stale=maybe', request: { method: 'GET', url: '/api/v1/articles?stale=maybe' }, status: 400, code: 'VALIDATION_FAILED', field: 'query.stale' },
      { name: 'diff of a non-number', request: { method: 'GET', url: `/api/v1/articles/${SLUG}/diff?from=a&to=1` }, status: 400, code: 'VALIDATION_FAILED', field: 'query.from' },
      { name: 'diff of a missing version', request: { method: 'GET', url: `/api/v1/articles/${SLUG}/diff?from=2&to=1` }, status: 400, code: 'VALIDATION_FAILED', field: 'query.from' },
      { name: 'unknown article', request: { method: 'GET', url: '/api/v1/articles/no-such-article' }, status: 404, code: 'ARTICLE_NOT_FOUND', field: 'params.slug' },
      { name: 'hostile slug', request: { method: 'GET', url: "/api/v1/articles/x'%20or%201=1--" }, status: 404, code: 'ARTICLE_NOT_FOUND', field: 'params.slug' },
      { name: 'preview body too long', request: { method: 'POST', url: '/api/v1/articles/preview', payload: { body: 'x'.repeat(200_001) } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.body' },
    ],
    () => ({ t, headers: cast.headers.admin }),
  );
});
