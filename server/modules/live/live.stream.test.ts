import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast, type Cast } from '../../../test/support/roles.ts';
import { buildPerson } from '../../../test/support/factories.ts';
import { signInAs } from '../../../test/support/sessions.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { fileRequest, patchRequest } from '../requests/requests.test-support.ts';
import { openLiveStreams } from './live.routes.ts';
import { condition, listenOnFreePort, openStream, type StreamReader } from './live.test-support.ts';

// A real listening server and a real HTTP client reading the stream, on this run's database.
let t: TestApp;
let base: string;
let cast: Cast;
const streams: StreamReader[] = [];

beforeAll(async () => {
  t = await createTestApp();
  base = await listenOnFreePort(t.app);
  cast = await buildCast(t.database);
  await condition(() => t.database.changes.live);
});
afterAll(async () => {
  for (const stream of streams) stream.close();
  await t.close();
});

async function listen(headers: Record<string, string>): Promise<StreamReader> {
  const stream = await openStream(base, headers);
  expect(stream.status).toBe(200);
  streams.push(stream);
  return stream;
}
const hears = (stream: StreamReader, hint: string) => condition(() => stream.hints().includes(hint));
const keyOf = (hint: string) => hint.split('@')[0];

async function comment(headers: Record<string, string>, key: string, visibility: 'public' | 'internal', body = 'On it') {
  const response = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${key}/comments`, headers, payload: { body, visibility } });
  expect(response.statusCode, response.body).toBe(201);
  return `${key}@${response.json().event.id}`;
}
/** Files a request for another team and waits until its agent hears it: whatever came before has been heard. */
async function markerHeardBy(stream: StreamReader, headers: Record<string, string>, team: string) {
  const marker = await fileRequest(t.app, headers, { team, subject: 'Marker' });
  await condition(() => stream.hints().some((hint) => keyOf(hint) === marker.key));
  return marker.key;
}

describe('GET /api/v1/live', () => {
  it('refuses the signed-out with problem+json, and a made-up cookie the same way', async () => {
    for (const headers of [{}, { cookie: 'hallway_session=made-up' }]) {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/live', headers });
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('opens no stream for a HEAD request', async () => {
    const response = await t.app.inject({ method: 'HEAD', url: '/api/v1/live', headers: cast.headers.employee });
    expect(response.statusCode).toBe(404);
  });

  it('is documented in the API document, as the web app uses only the public API', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(document.paths['/api/v1/live'].get.summary).toMatch(/Server-Sent Events/);
  });

  it('is an event stream that tells the browser how soon to reconnect', async () => {
    const stream = await listen(cast.headers.employee);
    expect(stream.contentType).toBe('text/event-stream; charset=utf-8');
    await condition(() => stream.retry !== undefined);
    expect(stream.retry).toBeGreaterThan(0);
  });

  it("tells the team's agents of a new request and a reply; another team's agent hears nothing", async () => {
    const agent = await listen(cast.headers.agent);
    const elsewhere = await listen(cast.headers.agentOfOtherTeam);
    const filed = await fileRequest(t.app, cast.headers.employee, { team: cast.team.slug, subject: 'Laptop will not start' });
    await condition(() => agent.hints().some((hint) => keyOf(hint) === filed.key));
    const reply = await comment(cast.headers.employee, filed.key, 'public', 'It beeps three times');
    await hears(agent, reply);
    // A server hands the process its own commits twice (echo and listener): each is told once.
    expect(new Set(agent.hints()).size).toBe(agent.hints().length);
    // Only a key and an event id travel, never the subject or the text.
    expect(agent.events.map((event) => Object.keys(JSON.parse(event.data)).sort())).toContainEqual(['key', 'last']);
    expect(agent.events.some((event) => event.data.includes('beeps') || event.data.includes('Laptop'))).toBe(false);

    await markerHeardBy(elsewhere, cast.headers.employee, cast.otherTeam.slug);
    expect(elsewhere.hints().filter((hint) => keyOf(hint) === filed.key)).toEqual([]);
  });

  it('tells the requester of a public reply but not of an internal note', async () => {
    const requester = await listen(cast.headers.employee);
    const agent = await listen(cast.headers.agent);
    const filed = await fileRequest(t.app, cast.headers.employee, { team: cast.team.slug, subject: 'Printer jam' });
    const reply = await comment(cast.headers.agent, filed.key, 'public');
    await hears(requester, reply);
    const note = await comment(cast.headers.agent, filed.key, 'internal', 'Third jam this week');
    await hears(agent, note);
    const secondReply = await comment(cast.headers.agent, filed.key, 'public', 'Fixed');
    await hears(requester, secondReply);
    expect(requester.hints()).not.toContain(note);
  });

  it("does not tell a plain agent of a confidential request; the team's lead hears it", async () => {
    const agent = await listen(cast.headers.agent);
    const lead = await listen(cast.headers.lead);
    const admin = await listen(cast.headers.admin);
    const secret = await fileRequest(t.app, cast.headers.employee, { team: cast.team.slug, subject: 'A matter for HR', confidential: true });
    await condition(() => lead.hints().some((hint) => keyOf(hint) === secret.key));
    await markerHeardBy(agent, cast.headers.employee, cast.team.slug);
    await markerHeardBy(admin, cast.headers.employee, cast.team.slug);
    expect(agent.hints().filter((hint) => keyOf(hint) === secret.key)).toEqual([]);
    expect(admin.hints().filter((hint) => keyOf(hint) === secret.key)).toEqual([]);
  });

  it('tells both teams of a handoff, so the one it left can drop it from its queue', async () => {
    const filed = await fileRequest(t.app, cast.headers.employee, { team: cast.team.slug, subject: 'Door badge' });
    const agent = await listen(cast.headers.agent);
    const elsewhere = await listen(cast.headers.agentOfOtherTeam);
    const handoff = await patchRequest(t.app, cast.headers.lead, filed.key, filed.version, { team: cast.otherTeam.slug, reason: 'Facilities own the doors' });
    expect(handoff.statusCode, handoff.body).toBe(200);
    for (const stream of [agent, elsewhere]) await condition(() => stream.hints().some((hint) => keyOf(hint) === filed.key));
  });

  it('ends a session’s stream when it signs out; the browser reconnecting is refused', async () => {
    const password = 'a long enough password';
    const person = await buildPerson(t.database, { passwordHash: await hashPassword(password) });
    const session = await signInAs(t.app, person.email, password);
    const stream = await listen({ cookie: session.cookie });
    await condition(() => stream.retry !== undefined);
    const signOut = await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken } });
    expect(signOut.statusCode).toBe(204);
    await condition(() => stream.isEnded());
    expect((await openStream(base, { cookie: session.cookie })).status).toBe(401);
  });

  it('ends a token’s stream when the token is revoked, and an agent’s when they leave the team', async () => {
    const person = await buildPerson(t.database, { agentOf: [cast.team.id] });
    const issued = await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: cast.headers.employee, payload: { name: 'live', scopes: ['requests:read'] } });
    const token = issued.json() as { id: string; token: string };
    const revoked = await listen({ authorization: `Bearer ${token.token}` });
    const bystander = await listen(cast.headers.employee);
    const moving = await listen(await import('../../../test/support/factories.ts').then((f) => f.bearerFor(t.database, person.id)));
    await condition(() => revoked.retry !== undefined && moving.retry !== undefined);

    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${token.id}`, headers: cast.headers.employee })).statusCode).toBe(204);
    await condition(() => revoked.isEnded());
    await t.database.rows(sql`delete from team_memberships where person_id = ${person.id}`);
    await condition(() => moving.isEnded());
    // Someone whose credential did not change keeps listening.
    const filed = await fileRequest(t.app, cast.headers.employee, { team: cast.team.slug, subject: 'Still listening?' });
    await condition(() => bystander.hints().some((hint) => keyOf(hint) === filed.key));
    expect(bystander.isEnded()).toBe(false);
  });

  it('forgets a stream as soon as its client goes away', async () => {
    const before = openLiveStreams(t.database.changes);
    const opened = await Promise.all([cast.headers.employee, cast.headers.agent, cast.headers.lead].map((headers) => openStream(base, headers)));
    await condition(() => openLiveStreams(t.database.changes) === before + 3);
    for (const stream of opened) stream.close();
    await condition(() => openLiveStreams(t.database.changes) === before);
  });
});
