import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerFor, buildPerson, buildTeam } from '../../../test/support/factories.ts';
import { testDatabaseKind } from '../../../test/support/test-database-kind.ts';
import { createServerDatabaseUrl, createTestDatabase } from '../../../test/support/test-database.ts';
import { buildApp } from '../../app.ts';
import { issueApiToken } from '../auth/api-tokens.ts';
import { cacheStatsOf } from '../cache/signalled-cache.ts';
import { fromPool, type Database } from '../db/database.ts';
import { CHANGE_CHANNEL, LISTENER_APPLICATION_NAME, type ChangeTopic } from './change-signals.ts';

const onServer = testDatabaseKind() === 'postgres';

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('what the triggers announce', () => {
  let database: Database;
  let announced: (work: () => Promise<unknown>) => Promise<string[]>;
  let raw: pg.Client | undefined;

  beforeAll(async () => {
    if (!onServer) {
      database = await createTestDatabase();
      const heard: string[] = [];
      for (const topic of ['credentials', 'teams'] as const) database.changes.subscribe(topic, () => heard.push(topic));
      await until(() => database.changes.live);
      // PGlite hands a notification over before the committing statement returns.
      announced = async (work) => {
        heard.length = 0;
        await work();
        return [...heard];
      };
      return;
    }
    // A server delivers notifications asynchronously and in commit order: a marker sent after the
    // work arrives after everything the work announced.
    const url = await createServerDatabaseUrl();
    database = fromPool(new pg.Pool({ connectionString: url, max: 2 }));
    raw = new pg.Client({ connectionString: url });
    await raw.connect();
    await raw.query(`LISTEN ${CHANGE_CHANNEL}`);
    const heard: string[] = [];
    raw.on('notification', (message) => heard.push(message.payload ?? ''));
    announced = async (work) => {
      heard.length = 0;
      await work();
      await database.rows(sql`select pg_notify(${CHANGE_CHANNEL}, 'marker')`);
      await until(() => heard.includes('marker'));
      return heard.filter((payload) => payload !== 'marker');
    };
  });
  afterAll(async () => {
    await raw?.end();
    await database.close();
  });

  it('says nothing for bookkeeping and for statements that changed no row', async () => {
    const amy = await buildPerson(database);
    await bearerFor(database, amy.id);
    expect(await announced(() => database.rows(sql`update api_tokens set last_used_at = now() where person_id = ${amy.id}`))).toEqual([]);
    expect(await announced(() => database.rows(sql`delete from sessions where expires_at < now() - interval '1 year'`))).toEqual([]);
    expect(await announced(() => database.rows(sql`update people set title = 'Engineer' where id = ${amy.id}`))).toEqual([]);
    expect(await announced(() => buildTeam(database))).toEqual([]);
  });

  it('announces credentials once per statement, however many rows it changed', async () => {
    const team = await buildTeam(database);
    const people = await Promise.all([1, 2, 3].map(() => buildPerson(database)));
    const ids = sql.join(people.map((person) => sql`(${team.id}::uuid, ${person.id}::uuid, 'agent')`), sql`, `);
    const expected: ChangeTopic[] = ['credentials'];
    expect(await announced(() => database.rows(sql`insert into team_memberships (team_id, person_id, role) values ${ids}`))).toEqual(expected);
    expect(await announced(() => database.rows(sql`update people set is_admin = true where id = ${people[0]!.id}`))).toEqual(expected);
    expect(await announced(() => database.rows(sql`update api_tokens set revoked_at = now()`))).toEqual(expected);
  });

  it('announces teams on a change, and nothing for a transaction rolled back', async () => {
    const team = await buildTeam(database);
    expect(await announced(() => database.rows(sql`update teams set name = 'Facilities' where id = ${team.id}`))).toEqual(['teams']);
    const rolledBack = database.db.transaction(async (tx) => {
      await tx.execute(sql`update teams set name = 'Never' where id = ${team.id}`);
      tx.rollback();
    });
    expect(await announced(() => rolledBack.catch(() => undefined))).toEqual([]);
  });
});

describe.runIf(onServer)('two app processes on one PostgreSQL database', () => {
  let url: string;
  const instances: Array<{ app: FastifyInstance; database: Database }> = [];
  const build = async (database: Database) => {
    const app = await buildApp({ database, config: { secureCookies: false, bodyLimitBytes: 1_000_000, logLevel: 'silent' }, logger: false });
    await app.ready();
    instances.push({ app, database });
    return { app, database };
  };
  let a: { app: FastifyInstance; database: Database };
  let b: { app: FastifyInstance; database: Database };
  let admin: Record<string, string>;

  beforeAll(async () => {
    url = await createServerDatabaseUrl();
    a = await build(fromPool(new pg.Pool({ connectionString: url, max: 5 })));
    // B waits longer before listening again, so a test can act while it is deaf.
    b = await build(fromPool(new pg.Pool({ connectionString: url, max: 5 }), { reconnectDelays: { firstMs: 1_500, maxMs: 1_500 } }));
    await until(() => a.database.changes.live && b.database.changes.live, 5_000);
    admin = await bearerFor(a.database, (await buildPerson(a.database, { isAdmin: true })).id);
  });
  afterAll(async () => {
    for (const { app, database } of instances) {
      await app.close();
      await database.close();
    }
  });

  const me = (on: { app: FastifyInstance }, headers: Record<string, string>) =>
    on.app.inject({ method: 'GET', url: '/api/v1/me', headers }).then((response) => response.statusCode);
  const stats = (on: { database: Database }) => cacheStatsOf(on.database.changes)['actors by API token']!;
  /** Until a call is answered from memory: B's listener may still bring B's own earlier writes. */
  async function warmOnB(headers: Record<string, string>) {
    await until(async () => {
      const hits = stats(b).hits;
      expect(await me(b, headers)).toBe(200);
      return stats(b).hits > hits;
    });
  }

  it('a token revoked through one is refused by the other', async () => {
    const amy = await buildPerson(a.database);
    const auth = await bearerFor(a.database, amy.id);
    const issued = (await a.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: auth, payload: { name: 'ci', scopes: ['requests:read'] } })).json();
    const bearer = { authorization: `Bearer ${issued.token}` };
    await warmOnB(bearer);
    expect((await a.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${issued.id}`, headers: auth })).statusCode).toBe(204);
    await until(async () => (await me(b, bearer)) === 401);
  });

  it('a person deactivated through one is refused by the other', async () => {
    const amy = await buildPerson(a.database);
    const bearer = await bearerFor(a.database, amy.id);
    await warmOnB(bearer);
    await a.app.inject({ method: 'PATCH', url: `/api/v1/people/${amy.id}`, headers: admin, payload: { active: false } });
    await until(async () => (await me(b, bearer)) === 401);
  });

  it('a lead taken off the team through one may no longer manage it on the other', async () => {
    const team = await buildTeam(a.database);
    const lena = await buildPerson(a.database, { leadOf: [team.id] });
    const someone = await buildPerson(a.database);
    const bearer = await bearerFor(a.database, lena.id);
    const probe = () =>
      b.app
        .inject({ method: 'PUT', url: `/api/v1/teams/${team.slug}/members/${someone.id}`, headers: bearer, payload: { role: 'agent' } })
        .then((response) => response.statusCode);
    expect(await probe()).toBe(200);
    await warmOnB(bearer);
    expect((await a.app.inject({ method: 'DELETE', url: `/api/v1/teams/${team.slug}/members/${lena.id}`, headers: admin })).statusCode).toBe(204);
    await until(async () => (await probe()) === 403);
  });

  it('a team renamed through one files under its new slug on the other', async () => {
    const team = await buildTeam(a.database);
    const bearer = await bearerFor(a.database, (await buildPerson(a.database)).id);
    const file = (slug: string) =>
      b.app
        .inject({ method: 'POST', url: '/api/v1/requests', headers: bearer, payload: { team: slug, subject: 'Badge does not open door 3' } })
        .then((response) => response.statusCode);
    expect(await file(team.slug)).toBe(201);
    expect(await file(team.slug)).toBe(201);
    const renamed = `${team.slug}-x`;
    expect((await a.app.inject({ method: 'PATCH', url: `/api/v1/teams/${team.slug}`, headers: admin, payload: { slug: renamed } })).statusCode).toBe(200);
    await until(async () => (await file(renamed)) === 201);
    expect(await file(team.slug)).toBe(404);
  });

  it('while its listener is down, the other reads the database every time, then caches again', async () => {
    const amy = await buildPerson(a.database);
    const revokedMeanwhile = await issueApiToken(a.database.db, amy.id, 'old');
    const stillValid = { authorization: `Bearer ${(await issueApiToken(a.database.db, amy.id, 'new')).token}` };
    const revokedBearer = { authorization: `Bearer ${revokedMeanwhile.token}` };
    await warmOnB(revokedBearer);

    await a.database.rows(sql`
      select pg_terminate_backend(pid) from pg_stat_activity
      where application_name = ${LISTENER_APPLICATION_NAME} and datname = current_database()`);
    await until(() => !b.database.changes.live);
    await a.database.rows(sql`update api_tokens set revoked_at = now() where id = ${revokedMeanwhile.id}`);
    const bypassed = stats(b).bypassed;
    expect(await me(b, revokedBearer)).toBe(401);
    expect(await me(b, stillValid)).toBe(200);
    expect(stats(b).bypassed).toBe(bypassed + 2);

    await until(() => b.database.changes.live, 5_000);
    expect(await me(b, revokedBearer)).toBe(401);
    await warmOnB(stillValid);
    await a.database.rows(sql`update people set active = false where id = ${amy.id}`);
    await until(async () => (await me(b, stillValid)) === 401);
  });
});
