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
        request: { method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'ci', personId: '00000000-0000-4000-8000-000000000000' } },
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'body.personId',
      },
      { name: 'a number for the name', request: { method: 'POST', url: '/api/v1/me/tokens', payload: { name: 7 } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.name' },
      { name: 'an empty name', request: { method: 'POST', url: '/api/v1/me/tokens', payload: { name: '   ' } }, status: 400, code: 'VALIDATION_FAILED', field: 'body.name' },
      {
        name: 'an oversized name',
        request: { method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'n'.repeat(101) } },
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'body.name',
      },
      {
        name: 'a name smuggling a header (CR LF)',
        request: { method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'ci\r\nSet-Cookie: hallway_session=x' } },
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'body.name',
      },
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
