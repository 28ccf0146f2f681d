import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast, type Cast } from '../../../test/support/roles.ts';
import { testDatabaseKind } from '../../../test/support/test-database-kind.ts';
import { createServerDatabaseUrl } from '../../../test/support/test-database.ts';
import { buildApp } from '../../app.ts';
import { fromPool, type Database } from '../../platform/db/database.ts';
import { LISTENER_APPLICATION_NAME } from '../../platform/events/change-signals.ts';
import { fileRequest } from '../requests/requests.test-support.ts';
import { condition, listenOnFreePort, openStream, type StreamReader } from './live.test-support.ts';

// Two app instances, each with its own pool and listener, as two Hallway processes would be, on one
// PostgreSQL database: what happens through one reaches the streams of the other.
describe.runIf(testDatabaseKind() === 'postgres')('live streams across two processes on one database', () => {
  const instances: Array<{ app: FastifyInstance; database: Database }> = [];
  const streams: StreamReader[] = [];
  let a: FastifyInstance;
  let bDatabase: Database;
  let bUrl: string;
  let cast: Cast;

  beforeAll(async () => {
    const url = await createServerDatabaseUrl();
    for (const delays of [undefined, { firstMs: 300, maxMs: 300 }]) {
      const database = fromPool(new pg.Pool({ connectionString: url, max: 5 }), delays && { reconnectDelays: delays });
      const app = await buildApp({ database, config: { secureCookies: false, bodyLimitBytes: 1_000_000, logLevel: 'silent' }, logger: false });
      await app.ready();
      instances.push({ app, database });
    }
    a = instances[0]!.app;
    bDatabase = instances[1]!.database;
    bUrl = await listenOnFreePort(instances[1]!.app);
    await condition(() => instances.every(({ database }) => database.changes.live));
    cast = await buildCast(instances[0]!.database);
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    for (const { app, database } of instances) {
      await app.close();
      await database.close();
    }
  });

  async function listenOnB(headers: Record<string, string>) {
    const stream = await openStream(bUrl, headers);
    expect(stream.status).toBe(200);
    streams.push(stream);
    await condition(() => stream.retry !== undefined);
    return stream;
  }
  const heardKey = (stream: StreamReader, key: string) => stream.hints().some((hint) => hint.startsWith(`${key}@`));

  it("a request filed and answered through one reaches the team's stream on the other, once each", async () => {
    const agent = await listenOnB(cast.headers.agent);
    const filed = await fileRequest(a, cast.headers.employee, { team: cast.team.slug, subject: 'VPN drops every hour' });
    await condition(() => heardKey(agent, filed.key));
    const reply = await a.inject({ method: 'POST', url: `/api/v1/requests/${filed.key}/comments`, headers: cast.headers.agent, payload: { body: 'Try the new profile' } });
    expect(reply.statusCode).toBe(201);
    await condition(() => agent.hints().includes(`${filed.key}@${reply.json().event.id}`));
    expect(new Set(agent.hints()).size).toBe(agent.hints().length);
  });

  it('a token revoked through one ends its stream on the other', async () => {
    const issued = (await a.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: cast.headers.employee, payload: { name: 'tab', scopes: ['requests:read'] } })).json();
    const stream = await listenOnB({ authorization: `Bearer ${issued.token}` });
    expect((await a.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${issued.id}`, headers: cast.headers.employee })).statusCode).toBe(204);
    await condition(() => stream.isEnded());
  });

  it('when the other lost its listener, its streams are told to read everything again once it is back', async () => {
    const agent = await listenOnB(cast.headers.agent);
    await instances[0]!.database.rows(sql`
      select pg_terminate_backend(pid) from pg_stat_activity
      where application_name = ${LISTENER_APPLICATION_NAME} and datname = current_database()`);
    await condition(() => !bDatabase.changes.live);
    // Filed while B is deaf: B's stream cannot hear of it, so it must be told to resync.
    await fileRequest(a, cast.headers.employee, { team: cast.team.slug, subject: 'Filed while the other was deaf' });
    await condition(() => bDatabase.changes.live);
    await condition(() => agent.events.some((event) => event.event === 'resync'));
    expect(agent.isEnded()).toBe(false);
  });
});
