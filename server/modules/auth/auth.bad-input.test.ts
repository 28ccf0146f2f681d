import { afterAll, beforeAll, describe } from 'vitest';
import { itRefusesBadInput, rawJson } from '../../../test/support/bad-input.ts';
import { bearerFor, buildPerson } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
let headers: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  headers = await bearerFor(t.database, (await buildPerson(t.database)).id);
});
afterAll(() => t.close());
const context = () => ({ t, headers });

describe('POST /api/v1/session refuses', () => {
  itRefusesBadInput(
    [
      { name: 'malformed JSON', request: rawJson('POST', '/api/v1/session', '{"email": "a@b.c",'), status: 400, code: 'MALFORMED_JSON', field: 'body' },
      {
        name: 'an unknown field',
        request: { method: 'POST', url: '/api/v1/session', payload: { email: 'a@example.test', password: 'x', rememberMe: true } },
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'body.rememberMe',
      },
      {
        name: 'a number for the e-mail',
        request: { method: 'POST', url: '/api/v1/session', payload: { email: 42, password: 'x' } },
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'body.email',
      },
      {
        name: 'an SQL-shaped e-mail',
        request: { method: 'POST', url: '/api/v1/session', payload: { email: "' or 1=1 --", password: 'x' } },
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'body.email',
      },
      {
        name: 'a missing password',
        request: { method: 'POST', url: '/api/v1/session', payload: { email: 'a@example.test' } },
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'body.password',
      },
      {
        name: 'an oversized password (the server would hash it)',
        request: { method: 'POST', url: '/api/v1/session', payload: { email: 'a@example.test', password: 'x'.repeat(5000) } },
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'body.password',
      },
      {
        name: 'a form post (what a cross-site form would send)',
        request: {
          method: 'POST',
          url: '/api/v1/session',
          payload: 'email=a%40example.test&password=x',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      },
    ],
    () => ({ t, headers: {} }),
  );
});

describe('POST /api/v1/me/tokens refuses', () => {
  itRefusesBadInput(
    [
      { name: 'malformed JSON', request: rawJson('POST', '/api/v1/me/tokens', '{name:'), status: 400, code: 'MALFORMED_JSON', field: 'body' },
      {
        name: 'an unknown field',
        request: { method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'ci', scopes: ['requests:read'], personId: '00000000-0000-4000-8000-000000000000' } },
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'body.personId',
      },
      { name: 'a number for the name', request: { method: 'POST', url: '/api/v1/me/tokens', payload: { name: 7, scopes: ['requests:read'] } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.name' },
      { name: 'an empty name', request: { method: 'POST', url: '/api/v1/me/tokens', payload: { name: '   ', scopes: ['requests:read'] } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.name' },
      {
        name: 'an oversized name',
        request: { method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'n'.repeat(101), scopes: ['requests:read'] } },
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'body.name',
      },
      {
        name: 'a name smuggling a header (CR LF)',
        request: { method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'ci\r\nSet-Cookie: hallway_session=x', scopes: ['requests:read'] } },
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'body.name',
      },
      ...(
        [
          ['no scopes at all', undefined, 'body.scopes'],
          ['an empty list of scopes', [], 'body.scopes'],
          ['scopes as a text', 'requests:read', 'body.scopes'],
          ['an unknown scope', ['requests:read', 'everything'], 'body.scopes.1'],
          ['a scope in other letters', ['Requests:Read'], 'body.scopes.0'],
          ['a scope smuggling SQL', ["requests:read' or '1'='1"], 'body.scopes.0'],
          ['a scope named twice', ['requests:read', 'requests:read'], 'body.scopes'],
          ['a number for a scope', [7], 'body.scopes.0'],
        ] as const
      ).map(([name, scopes, field]) => ({
        name,
        request: { method: 'POST' as const, url: '/api/v1/me/tokens', payload: { name: 'ci', ...(scopes === undefined ? {} : { scopes }) } },
        status: 400,
        code: 'VALIDATION_FAILED',
        field,
      })),
    ],
    context,
  );
});

describe('DELETE /api/v1/me/tokens/{id} refuses', () => {
  itRefusesBadInput(
    [
      { name: 'an id that is not a UUID', request: { method: 'DELETE', url: '/api/v1/me/tokens/1%20or%201=1' }, status: 400, code: 'VALIDATION_FAILED', field: 'params.id' },
    ],
    context,
  );
});
