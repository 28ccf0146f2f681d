import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../../platform/db/database.ts';
import { buildCast, type Cast } from '../../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';

// Live chat's edges: a team with no mail address, and bad input on every endpoint (a clear 4xx,
// nothing changed).

let t: TestApp;
let cast: Cast;

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
}, 120_000);
afterAll(() => t.close());

type Headers = Record<string, string>;
const call = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

async function count(query: ReturnType<typeof sql>): Promise<number> {
  return Number(rowsOf<{ n: string }>(await t.database.db.execute(query))[0]!.n);
}

describe('a team without a mail address', () => {
  it('keeps a reply after the employee left in the portal: no mail that could not be answered', async () => {
    const key = (await call('POST', '/chats', cast.headers.employee, { team: cast.team.slug, message: 'No address team' })).json().key;
    await call('POST', `/chats/${key}/presence`, cast.headers.employee, { state: 'left' });
    expect((await call('POST', `/chats/${key}/messages`, cast.headers.agent, { body: 'Answer while you are away' })).statusCode).toBe(201);
    expect(await count(sql`select count(*) as n from outbound_messages where kind = 'chat-followup'`)).toBe(0);
    const chat = (await call('GET', `/chats/${key}`, cast.headers.employee)).json();
    expect(chat.messages.map((message: { body: string }) => message.body)).toContain('Answer while you are away');
  });
});

describe('bad input', () => {
  it('gets a problem naming the field, and changes nothing', async () => {
    const key = (await call('POST', '/chats', cast.headers.employee, { team: cast.team.slug, message: 'Bad input target' })).json().key;
    const eventsBefore = await count(sql`select count(*) as n from request_events`);
    const cases: Array<[ReturnType<typeof call>, number, string]> = [
      [call('POST', `/chats/${key}/messages`, cast.headers.employee, { body: '' }), 400, 'body'],
      [call('POST', `/chats/${key}/messages`, cast.headers.employee, { body: 'hi', visibility: 'internal' }), 400, 'visibility'],
      [call('POST', `/chats/${key}/presence`, cast.headers.employee, { state: 'here', extra: 1 }), 400, 'extra'],
      [call('POST', `/chats/${key}/presence`, cast.headers.employee, {}), 400, 'state'],
      [call('PUT', `/me/shifts/${cast.team.slug}`, cast.headers.agent, { onShift: 'yes' }), 400, 'onShift'],
      [call('PUT', '/me/shifts/no-such-team', cast.headers.agent, { onShift: true }), 404, 'TEAM_NOT_FOUND'],
      [call('GET', '/desk/chats?team=no-such-team', cast.headers.agent), 404, 'TEAM_NOT_FOUND'],
      [call('GET', '/desk/chats', cast.headers.agent), 400, 'team'],
      [call('POST', '/chats/IT-999999/pick-up', cast.headers.agent), 404, 'REQUEST_NOT_FOUND'],
      [call('GET', `/chats/${'X'.repeat(41)}`, cast.headers.employee), 400, 'key'],
    ];
    for (const [attempt, status, mention] of cases) {
      const refused = await attempt;
      expect(refused.statusCode, refused.body).toBe(status);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body).toContain(mention);
    }
    expect(await count(sql`select count(*) as n from request_events`)).toBe(eventsBefore);
    expect(await count(sql`select count(*) as n from agent_shifts`)).toBe(0);
    const chat = (await call('GET', `/chats/${key}`, cast.headers.employee)).json();
    expect(chat).toMatchObject({ status: 'waiting', requesterAway: false });
  });

  it('anonymous callers get 401 everywhere', async () => {
    for (const [method, url] of [['GET', '/chats/teams'], ['GET', '/chats'], ['GET', '/me/shifts'], ['GET', `/desk/chats?team=${cast.team.slug}`]] as const) {
      expect((await call(method, url, {})).statusCode, url).toBe(401);
    }
  });
});
