import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../../platform/db/database.ts';
import { buildCast, type Cast } from '../../../../test/support/roles.ts';
import { buildCallingPerson } from '../../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';

// Live chat through the API: started by an employee, offered to the team's agents on shift, picked
// up by one of them, and continued by e-mail when an agent answers after the employee has left.

let t: TestApp;
let cast: Cast;
let secondAgent: { id: string; headers: Record<string, string> };

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
  secondAgent = await buildCallingPerson(t.database, { name: 'Sam Second', agentOf: [cast.team.id] });
  const mail = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/admin/teams/${cast.team.slug}/mail`,
    headers: cast.headers.admin,
    payload: { inboundAddress: 'help@corp.example' },
  });
  expect(mail.statusCode, mail.body).toBe(200);
}, 120_000);
afterAll(() => t.close());

type Headers = Record<string, string>;
const call = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Headers, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

async function startChat(message = 'My VPN drops every ten minutes'): Promise<string> {
  const started = await call('POST', '/chats', cast.headers.employee, { team: cast.team.slug, message });
  expect(started.statusCode, started.body).toBe(201);
  return started.json().key;
}

const shift = (headers: Headers, onShift: boolean, team = cast.team.slug) => call('PUT', `/me/shifts/${team}`, headers, { onShift });
const say = (key: string, headers: Headers, body: string) => call('POST', `/chats/${key}/messages`, headers, { body });

async function followUps(key: string): Promise<Array<{ to_address: string; reply_to: string; subject: string; text_body: string }>> {
  const result = await t.database.db.execute(sql`
    select o.to_address, o.reply_to, o.subject, o.text_body from outbound_messages o
      join requests r on r.id = o.request_id
     where r.key = ${key} and o.kind = 'chat-followup' order by o.created_at`);
  return rowsOf(result);
}

async function countRows(table: 'chat_conversations' | 'requests'): Promise<number> {
  return Number(rowsOf<{ n: string }>(await t.database.db.execute(sql`select count(*) as n from ${sql.identifier(table)}`))[0]!.n);
}

describe('starting a chat', () => {
  it('files a chat request whose first message opens the conversation, waiting for an agent', async () => {
    const key = await startChat('Printer on 3rd floor jams\nIt says E-42 each time');
    const chat = (await call('GET', `/chats/${key}`, cast.headers.employee)).json();
    expect(chat).toMatchObject({ status: 'waiting', subject: 'Printer on 3rd floor jams', pickedUpBy: null, requesterAway: false });
    expect(chat.messages).toEqual([expect.objectContaining({ byRequester: true, body: 'Printer on 3rd floor jams\nIt says E-42 each time' })]);
    const request = (await call('GET', `/requests/${key}`, cast.headers.employee)).json();
    expect(request).toMatchObject({ channel: 'chat', status: 'new' });
    expect((await call('GET', '/chats', cast.headers.employee)).json().chats.map((c: { key: string }) => c.key)).toContain(key);
  });

  it('refuses bad input with 400 or 404 naming the field, and files nothing', async () => {
    const [chatsBefore, requestsBefore] = [await countRows('chat_conversations'), await countRows('requests')];
    const cases: Array<[unknown, number, string]> = [
      [{ team: cast.team.slug, message: '   ' }, 400, 'message'],
      [{ team: cast.team.slug, message: 'x'.repeat(4001) }, 400, 'message'],
      [{ team: cast.team.slug, message: 'a\u0000b' }, 400, 'message'],
      [{ team: 'Robert"); drop table people;--', message: 'hi' }, 400, 'team'],
      [{ team: cast.team.slug, message: 'hi', channel: 'email' }, 400, 'channel'],
      [{ team: 'no-such-team', message: 'hi' }, 404, 'team'],
    ];
    for (const [payload, status, field] of cases) {
      const refused = await call('POST', '/chats', cast.headers.employee, payload);
      expect(refused.statusCode, JSON.stringify(payload)).toBe(status);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(refused.json())).toContain(field);
    }
    expect(await countRows('chat_conversations')).toBe(chatsBefore);
    expect(await countRows('requests')).toBe(requestsBefore);
    expect((await call('POST', '/chats', {}, { team: cast.team.slug, message: 'hi' })).statusCode).toBe(401);
  });
});

describe('offering waiting chats', () => {
  it('only to agents of the team on shift; the team is available while one is', async () => {
    await shift(cast.headers.agent, false);
    await shift(secondAgent.headers, false);
    const available = async () => (await call('GET', '/chats/teams', cast.headers.employee)).json().teams.find((team: { slug: string }) => team.slug === cast.team.slug).available;
    expect(await available()).toBe(false);
    const key = await startChat();

    const offFirst = (await call('GET', `/desk/chats?team=${cast.team.slug}`, cast.headers.agent)).json();
    expect(offFirst).toEqual({ team: cast.team.slug, onShift: false, chats: [] });
    expect((await call('POST', `/chats/${key}/pick-up`, cast.headers.agent)).statusCode).toBe(403);

    expect((await shift(cast.headers.agent, true)).json()).toMatchObject({ onShift: true });
    expect(await available()).toBe(true);
    const offered = (await call('GET', `/desk/chats?team=${cast.team.slug}`, cast.headers.agent)).json();
    expect(offered.onShift).toBe(true);
    expect(offered.chats.map((chat: { key: string }) => chat.key)).toContain(key);
    expect((await call('GET', '/me/shifts', cast.headers.agent)).json().shifts).toEqual([{ team: cast.team.slug, teamName: cast.team.name, onShift: true }]);

    for (const role of ['employee', 'otherEmployee', 'agentOfOtherTeam'] as const) {
      expect((await call('GET', `/desk/chats?team=${cast.team.slug}`, cast.headers[role])).statusCode, role).toBe(403);
      expect((await shift(cast.headers[role], true)).statusCode, role).toBe(403);
    }
    expect((await call('GET', '/desk/chats?team=Not%20A%20Slug', cast.headers.agent)).statusCode).toBe(400);
  });

  it('gives a chat to the first of two agents picking it up; the second gets 409 and nothing is lost', async () => {
    await shift(cast.headers.agent, true);
    await shift(secondAgent.headers, true);
    const key = await startChat('Two agents race for this one');
    const [first, second] = await Promise.all([
      call('POST', `/chats/${key}/pick-up`, cast.headers.agent),
      call('POST', `/chats/${key}/pick-up`, secondAgent.headers),
    ]);
    const statuses = [first.statusCode, second.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const [winner, loser] = first.statusCode === 200 ? [first, second] : [second, first];
    expect(loser.json()).toMatchObject({ code: 'CHAT_TAKEN' });
    expect(winner.json()).toMatchObject({ status: 'active', pickedUpBy: { id: expect.any(String) } });
    const request = (await call('GET', `/requests/${key}`, cast.headers.lead)).json();
    expect(request).toMatchObject({ status: 'in_progress', assignee: { id: winner.json().pickedUpBy.id } });
    expect(request.timeline.filter((entry: { kind: string }) => entry.kind === 'assigned')).toHaveLength(1);
    // Taken chats are no longer offered, and the loser can still write in it as an agent of the team.
    const offered = (await call('GET', `/desk/chats?team=${cast.team.slug}`, cast.headers.agent)).json();
    expect(offered.chats.map((chat: { key: string }) => chat.key)).not.toContain(key);
    expect((await say(key, cast.headers.employee, 'Still here')).statusCode).toBe(201);
    expect((await call('GET', `/chats/${key}`, cast.headers.employee)).json().messages).toHaveLength(2);
  });
});

describe('continued by e-mail', () => {
  it('mails an agent reply only once the employee has left; never an internal note, never their own words', async () => {
    await shift(cast.headers.agent, true);
    const key = await startChat('Need access to the finance share');
    expect((await call('POST', `/chats/${key}/pick-up`, cast.headers.agent)).statusCode).toBe(200);
    expect((await call('POST', `/chats/${key}/presence`, cast.headers.employee, { state: 'here' })).statusCode).toBe(204);

    expect((await say(key, cast.headers.agent, 'Which folder exactly?')).statusCode).toBe(201);
    expect(await followUps(key)).toEqual([]);

    expect((await call('POST', `/chats/${key}/presence`, cast.headers.employee, { state: 'left' })).statusCode).toBe(204);
    expect((await call('GET', `/chats/${key}`, cast.headers.agent)).json().requesterAway).toBe(true);
    const note = await call('POST', `/requests/${key}/comments`, cast.headers.agent, { body: 'SECRET internal note', visibility: 'internal' });
    expect(note.statusCode, note.body).toBe(201);
    expect(await followUps(key)).toEqual([]);

    expect((await say(key, cast.headers.agent, 'Done: you have read access now.')).statusCode).toBe(201);
    const mails = await followUps(key);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to_address).toBe((await personEmail(cast.people.employee.id)).toLowerCase());
    expect(mails[0]!.reply_to).toMatch(/^help\+r-[0-9a-f]{32}@corp\.example$/);
    expect(mails[0]!.subject).toBe(`[${key}] Need access to the finance share`);
    expect(mails[0]!.text_body).toContain('Done: you have read access now.');
    expect(mails[0]!.text_body).not.toContain('SECRET');

    // The employee comes back: the panel beats again, and the next reply is read in the chat.
    await call('POST', `/chats/${key}/presence`, cast.headers.employee, { state: 'here' });
    await say(key, cast.headers.agent, 'Anything else?');
    await say(key, cast.headers.employee, 'No, thanks');
    expect(await followUps(key)).toHaveLength(1);
  });

  it('counts a panel silent for over a minute as gone', async () => {
    const key = await startChat('Heartbeat test');
    await t.database.db.execute(sql`update chat_conversations set requester_seen_at = now() - interval '61 seconds'
                                     where request_id = (select id from requests where key = ${key})`);
    await say(key, cast.headers.agent, 'Are you still there?');
    expect(await followUps(key)).toHaveLength(1);
  });

  it('mails an agent reply after the chat ended', async () => {
    const key = await startChat('Ending test');
    const ended = await call('POST', `/chats/${key}/end`, cast.headers.employee);
    expect(ended.json()).toMatchObject({ status: 'ended', requesterAway: true });
    expect((await call('GET', '/chats', cast.headers.employee)).json().chats.map((c: { key: string }) => c.key)).not.toContain(key);
    expect((await call('POST', `/chats/${key}/pick-up`, cast.headers.agent)).json()).toMatchObject({ code: 'CHAT_ENDED' });
    await say(key, cast.headers.agent, 'Following up after the chat');
    expect(await followUps(key)).toHaveLength(1);
  });
});

describe('access', () => {
  it("another employee cannot read, write in, report presence for or end my chat, and learns nothing of it", async () => {
    const key = await startChat('Private chat');
    const other = cast.headers.otherEmployee;
    for (const attempt of [
      call('GET', `/chats/${key}`, other),
      say(key, other, 'intruder'),
      call('POST', `/chats/${key}/presence`, other, { state: 'left' }),
      call('POST', `/chats/${key}/end`, other),
      call('POST', `/chats/${key}/pick-up`, cast.headers.agentOfOtherTeam),
    ]) {
      const refused = await attempt;
      expect([403, 404], refused.body).toContain(refused.statusCode);
    }
    const chat = (await call('GET', `/chats/${key}`, cast.headers.employee)).json();
    expect(chat).toMatchObject({ status: 'waiting', requesterAway: false });
    expect(chat.messages).toHaveLength(1);
    // The agent's presence does not count as the employee's.
    expect((await call('POST', `/chats/${key}/presence`, cast.headers.agent, { state: 'left' })).statusCode).toBe(404);
    expect((await call('POST', `/chats/${key}/presence`, cast.headers.employee, { state: 'away' })).statusCode).toBe(400);
  });

  it('a plain request is not a chat', async () => {
    const filed = await call('POST', '/requests', cast.headers.employee, { team: cast.team.slug, subject: 'Not a chat' });
    const key = filed.json().key;
    expect((await call('GET', `/chats/${key}`, cast.headers.employee)).statusCode).toBe(404);
    expect((await say(key, cast.headers.employee, 'hello')).statusCode).toBe(404);
  });
});

async function personEmail(id: string): Promise<string> {
  return rowsOf<{ email: string }>(await t.database.db.execute(sql`select email from people where id = ${id}`))[0]!.email;
}
