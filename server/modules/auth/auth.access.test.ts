import { afterAll, beforeAll } from 'vitest';
import { describeAccessMatrix, signedInOnly } from '../../../test/support/access-matrix.ts';
import { buildPerson } from '../../../test/support/factories.ts';
import { buildCast, type Cast } from '../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { issueApiToken } from '../../platform/auth/api-tokens.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';

let t: TestApp;
let cast: Cast;
let passwordHash: string;
beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
  passwordHash = await hashPassword('a long enough password');
});
afterAll(() => t.close());

describeAccessMatrix(
  [
    {
      endpoint: 'POST /api/v1/session',
      request: async () => {
        const person = await buildPerson(t.database, { passwordHash });
        return { method: 'POST', url: '/api/v1/session', payload: { email: person.email, password: 'a long enough password' } };
      },
      expected: { ...signedInOnly(200), anonymous: 200 },
    },
    { endpoint: 'DELETE /api/v1/session', request: () => ({ method: 'DELETE', url: '/api/v1/session' }), expected: signedInOnly(204) },
    { endpoint: 'GET /api/v1/me', request: () => ({ method: 'GET', url: '/api/v1/me' }), expected: signedInOnly(200) },
    {
      // Each caller answers for themselves only: there is no one else's recognition to set here.
      endpoint: 'PATCH /api/v1/me (recognition)',
      request: () => ({ method: 'PATCH', url: '/api/v1/me', payload: { recognition: 'private' } }),
      expected: signedInOnly(200),
    },
    { endpoint: 'GET /api/v1/me/tokens', request: () => ({ method: 'GET', url: '/api/v1/me/tokens' }), expected: signedInOnly(200) },
    {
      endpoint: 'POST /api/v1/me/tokens',
      request: () => ({ method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'script', scopes: ['requests:read'] } }),
      expected: signedInOnly(201),
    },
    {
      // The token belongs to the employee: only they may revoke it; to anyone else it does not exist.
      endpoint: "DELETE /api/v1/me/tokens/{id} (the employee's token)",
      request: async (roles) => {
        const token = await issueApiToken(t.database.db, roles.people.employee.id, 'to revoke');
        return { method: 'DELETE', url: `/api/v1/me/tokens/${token.id}` };
      },
      expected: { ...signedInOnly(404), employee: 204 },
    },
  ],
  () => ({ t, cast }),
);
