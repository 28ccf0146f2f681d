import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, buildPerson } from '../../../test/support/factories.ts';
import { issueApiToken } from './api-tokens.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import type { Database } from '../db/database.ts';
import { registerProblemHandlers } from '../http/problem.ts';
import { registerAuthentication } from './authenticate.ts';

// The API is closed by default: a route a module forgot to guard still refuses the signed-out.
let database: Database;
const app = Fastify();
beforeAll(async () => {
  database = await createTestDatabase();
  registerProblemHandlers(app);
  await app.register(fastifyCookie);
  registerAuthentication(app, database);
  app.get('/unguarded', async () => ({ secret: 'for colleagues only' }));
  app.get('/open', { config: { public: true } }, async () => ({ hello: 'anyone' }));
  app.get('/declared', { config: { tokenScope: 'knowledge:read' } }, async () => ({ read: 'articles' }));
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('authentication by default', () => {
  it('refuses a route that does not check, unless the caller is signed in', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/unguarded' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const person = await buildPerson(database);
    const signedIn = await app.inject({ method: 'GET', url: '/unguarded', headers: await bearerFor(database, person.id) });
    expect(signedIn.statusCode).toBe(200);
  });

  it('lets the signed-out reach only routes marked public', async () => {
    expect((await app.inject({ method: 'GET', url: '/open' })).statusCode).toBe(200);
  });
});

describe('token scopes by default', () => {
  it('refuses a scoped token on a route no scope was given to, and lets an unscoped token through', async () => {
    const person = await buildPerson(database);
    const scoped = await issueApiToken(database.db, person.id, 'scoped', ['requests:read', 'admin']);
    const refused = await app.inject({ method: 'GET', url: '/unguarded', headers: { authorization: `Bearer ${scoped.token}` } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'TOKEN_SCOPE_MISSING', missingScope: null });
    const legacy = await issueApiToken(database.db, person.id, 'before scopes');
    expect((await app.inject({ method: 'GET', url: '/unguarded', headers: { authorization: `Bearer ${legacy.token}` } })).statusCode).toBe(200);
  });

  it('honours a scope the route declares itself', async () => {
    const person = await buildPerson(database);
    const reader = await issueApiToken(database.db, person.id, 'reader', ['knowledge:read']);
    const other = await issueApiToken(database.db, person.id, 'other', ['requests:read']);
    expect((await app.inject({ method: 'GET', url: '/declared', headers: { authorization: `Bearer ${reader.token}` } })).statusCode).toBe(200);
    const refused = await app.inject({ method: 'GET', url: '/declared', headers: { authorization: `Bearer ${other.token}` } });
    expect(refused.json()).toMatchObject({ code: 'TOKEN_SCOPE_MISSING', missingScope: 'knowledge:read' });
  });
});
