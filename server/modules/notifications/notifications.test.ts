import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCallingPerson, buildTeam, type CallingPerson } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { setPublicUrl } from '../../platform/http/public-url.ts';
import { fireDueTimers } from '../../platform/jobs/timers.ts';
import { startSmtpListener, type SmtpListener } from '../channels/email/smtp-listener.ts';
import { domainTimerHandlers } from '../domain-timers.ts';
import { upsertMailSettings } from '../channels/email/inbound.store.ts';
import { addComment, findRequestForHallway } from '../requests/requests.service.ts';
import { notificationsReaction } from './notifications.reaction.ts';
import { outboxOfRequest } from './notifications-outbox.test-support.ts';

// Mail to the people a request's change concerns, read from the outbox the change wrote: the right
// person, the right headers, and nothing for anyone else.

let t: TestApp;
let employee: CallingPerson;
let agent: CallingPerson;
let teamSlug: string;
let noMailTeamSlug: string;
let listener: SmtpListener;
const teamAddress = 'it-desk@hallway.test';

beforeAll(async () => {
  t = await createTestApp();
  setPublicUrl('https://hallway.example.test');
  const team = await buildTeam(t.database, { name: 'IT Desk' });
  const noMailTeam = await buildTeam(t.database, { name: 'No Mail Team' });
  teamSlug = team.slug;
  noMailTeamSlug = noMailTeam.slug;
  await upsertMailSettings(t.database.db, { teamId: team.id, inboundAddress: teamAddress, unknownSenderRule: 'hold' });
  employee = await buildCallingPerson(t.database, { name: 'Emma Employee', email: 'emma@corp.test', timeZone: 'Europe/Paris' });
  agent = await buildCallingPerson(t.database, { name: 'Alan Agent', agentOf: [team.id, noMailTeam.id] });
  listener = await startSmtpListener(t.database, { port: 0, host: '127.0.0.1' });
}, 120_000);
afterAll(async () => {
  await listener.close();
  await t.close();
});

async function file(subject: string, extra: Record<string, unknown> = {}, headers = employee.headers): Promise<string> {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers, payload: { team: teamSlug, subject, ...extra } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().key;
}

async function comment(key: string, who: CallingPerson, body: string, visibility: 'public' | 'internal' = 'public') {
  const response = await t.app.inject({ method: 'POST', url: `/api/v1/requests/${key}/comments`, headers: who.headers, payload: { body, visibility } });
  expect(response.statusCode, response.body).toBe(201);
}

async function change(key: string, who: CallingPerson, payload: Record<string, unknown>) {
  const current = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${key}`, headers: who.headers });
  const response = await t.app.inject({
    method: 'PATCH',
    url: `/api/v1/requests/${key}`,
    headers: { ...who.headers, 'if-match': `"${current.json().version}"` },
    payload,
  });
  expect(response.statusCode, response.body).toBe(200);
}

describe('acknowledgement', () => {
  it('tells the requester of a request filed through the API: key, team, link, from the team with a reply-token Reply-To', async () => {
    const key = await file('Printer on floor 3 jams');
    const [mail, ...others] = await outboxOfRequest(t.database, key);
    expect(others).toEqual([]);
    expect(mail).toMatchObject({ kind: 'acknowledgement', to_address: 'emma@corp.test', from_address: teamAddress, recipient_id: employee.id, status: 'queued' });
    expect(mail!.subject).toBe(`Received: [${key}] Printer on floor 3 jams`);
    expect(mail!.reply_to).toMatch(/^it-desk\+r-[0-9a-f]{32}@hallway\.test$/);
    expect(mail!.text_body).toContain('IT Desk has your request');
    expect(mail!.text_body).toContain(`https://hallway.example.test/requests/${key}`);
    expect(mail!.headers['Auto-Submitted']).toBe('auto-generated');
    expect(mail!.dedupe_key).toMatch(new RegExp(`^acknowledgement:[0-9a-f-]{36}:${employee.id}$`));
  });

  it('answers a request filed by e-mail as an auto-reply, and threads the agent\'s reply after it', async () => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });
    await transport.sendMail({ from: 'emma@corp.test', to: teamAddress, subject: 'Keyboard missing keys', text: 'The Q key fell off.', messageId: '<kbd-1@corp.test>' });
    await fireDueTimers(t.database, domainTimerHandlers);
    const request = await t.app.inject({ method: 'GET', url: '/api/v1/requests?limit=50', headers: employee.headers });
    const key = request.json().items.find((item: { subject: string }) => item.subject === 'Keyboard missing keys').key as string;
    const [ack] = await outboxOfRequest(t.database, key);
    expect(ack).toMatchObject({ kind: 'acknowledgement', to_address: 'emma@corp.test' });
    expect(ack!.headers['Auto-Submitted']).toBe('auto-replied');
    expect(ack!.text_body).toContain('reply to this mail');
    await comment(key, agent, 'A new keyboard is on its way');
    const reply = (await outboxOfRequest(t.database, key)).find((mail) => mail.kind === 'reply')!;
    // The client groups the reply with the employee's own first mail and with the acknowledgement.
    expect(reply.references).toEqual(expect.arrayContaining(['kbd-1@corp.test', ack!.message_id]));
    expect(reply.headers['Auto-Submitted']).toBe('auto-generated');
  });

  it('escapes what the requester wrote in the HTML body', async () => {
    const key = await file('<img src=x onerror=alert(1)> broken');
    const [mail] = await outboxOfRequest(t.database, key);
    expect(mail!.html_body).toContain('&lt;img src=x onerror=alert(1)&gt; broken');
    expect(mail!.html_body).not.toContain('<img');
  });

  it('queues nothing for a request that came by Slack, chat, Teams or SMS (answered there)', async () => {
    for (const channel of ['slack', 'chat', 'teams', 'sms']) {
      const key = await file(`From ${channel}`, { channel });
      await comment(key, agent, 'Looking into it');
      await change(key, agent, { status: 'resolved' });
      expect(await outboxOfRequest(t.database, key), channel).toEqual([]);
    }
  });

  it('queues nothing when the team has no mail address (and no default sender is set)', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: employee.headers, payload: { team: noMailTeamSlug, subject: 'Nowhere to send from' } });
    expect(response.statusCode).toBe(201);
    expect(await outboxOfRequest(t.database, response.json().key)).toEqual([]);
  });
});

describe('public replies', () => {
  it("sends an agent's public reply to the requester, threaded after the acknowledgement", async () => {
    const key = await file('VPN drops every hour');
    await comment(key, agent, 'Please try the new client:\nhttps://vpn.corp.test/client');
    const [ack, reply, ...others] = await outboxOfRequest(t.database, key);
    expect(others).toEqual([]);
    expect(reply).toMatchObject({ kind: 'reply', to_address: 'emma@corp.test', subject: `Re: [${key}] VPN drops every hour`, reply_to: ack!.reply_to });
    expect(reply!.text_body).toContain('Alan Agent (IT Desk) wrote');
    expect(reply!.text_body).toContain('Please try the new client:\nhttps://vpn.corp.test/client');
    expect(reply!.in_reply_to).toBe(ack!.message_id);
    expect(reply!.references).toEqual([ack!.message_id]);
    expect(reply!.headers['Auto-Submitted']).toBe('auto-generated');
  });

  it('sends nothing for an internal note, nor to the requester for their own comment', async () => {
    const key = await file('Monitor flickers');
    await comment(key, agent, 'Probably the cable; order one', 'internal');
    await comment(key, employee, 'It flickers more in the afternoon');
    expect((await outboxOfRequest(t.database, key)).map((mail) => mail.kind)).toEqual(['acknowledgement']);
  });

  it('sends nothing to an agent who filed for themselves and answers themselves', async () => {
    const key = await file('My own laptop', {}, agent.headers);
    await comment(key, agent, 'Note to self: reinstall');
    expect((await outboxOfRequest(t.database, key)).filter((mail) => mail.kind === 'reply')).toEqual([]);
  });

  it('queues nothing when the change rolls back', async () => {
    const key = await file('Rolled back reply');
    const actor = { personId: agent.id, name: 'Alan Agent', isAdmin: false, memberships: [] as Array<{ teamId: string; role: 'agent' | 'lead' }> };
    const request = await findRequestForHallway(t.database.db, { key });
    actor.memberships.push({ teamId: request!.teamId, role: 'agent' });
    await expect(
      t.database.db.transaction(async (tx) => {
        await addComment(tx, actor, key, { body: 'This is never sent', visibility: 'public' });
        throw new Error('the change fails after the comment');
      }),
    ).rejects.toThrow('the change fails');
    expect((await outboxOfRequest(t.database, key)).map((mail) => mail.kind)).toEqual(['acknowledgement']);
  });

  it('queues one mail when the same change is reacted to twice (a replay)', async () => {
    const key = await file('Replayed reply');
    await comment(key, agent, 'Replayed words');
    const request = (await findRequestForHallway(t.database.db, { key }))!;
    const [replyRow] = (await outboxOfRequest(t.database, key)).filter((mail) => mail.kind === 'reply');
    const eventId = Number(replyRow!.dedupe_key!.split(':')[1]);
    const replay = {
      before: request,
      after: request,
      events: [{ id: eventId, actorId: agent.id, kind: 'commented', visibility: 'public' as const, data: { body: 'Replayed words', visibility: 'public' } }],
      actorId: agent.id,
      at: new Date(),
    };
    await t.database.db.transaction((tx) => notificationsReaction(tx, replay));
    await t.database.db.transaction((tx) => notificationsReaction(tx, replay));
    expect((await outboxOfRequest(t.database, key)).filter((mail) => mail.kind === 'reply')).toHaveLength(1);
  });
});

describe('status changes', () => {
  it('tells the requester it is resolved (with the reason and how to reopen) and waits on them; not when they close it', async () => {
    const key = await file('Cannot print PDF');
    await change(key, agent, { status: 'acknowledged' });
    await change(key, agent, { status: 'waiting_on_requester', reason: 'Which printer do you use?' });
    await comment(key, employee, 'The one by the kitchen');
    await change(key, agent, { status: 'resolved', reason: 'Reinstalled the driver' });
    await change(key, employee, { status: 'closed' });
    const mails = (await outboxOfRequest(t.database, key)).filter((mail) => mail.kind === 'status');
    expect(mails.map((mail) => mail.subject)).toEqual([`Waiting for you: [${key}] Cannot print PDF`, `Resolved: [${key}] Cannot print PDF`]);
    expect(mails[0]!.text_body).toContain('Which printer do you use?');
    expect(mails[1]!.text_body).toContain('Reinstalled the driver');
    expect(mails[1]!.text_body).toContain('choose Reopen');
    expect(mails.every((mail) => mail.to_address === 'emma@corp.test')).toBe(true);
  });

  it('does not mail moves the requester need not act on (acknowledged, in progress)', async () => {
    const key = await file('Slow laptop');
    await change(key, agent, { status: 'acknowledged' });
    await change(key, agent, { status: 'in_progress' });
    expect((await outboxOfRequest(t.database, key)).map((mail) => mail.kind)).toEqual(['acknowledgement']);
  });
});

describe('preferences honoured', () => {
  it('queues no reply mail for a person who turned replies off, and the rest as before', async () => {
    const person = await buildCallingPerson(t.database, { name: 'Quiet Quentin' });
    const off = await t.app.inject({ method: 'PUT', url: '/api/v1/me/notifications', headers: person.headers, payload: { items: [{ kind: 'reply', enabled: false }] } });
    expect(off.statusCode, off.body).toBe(200);
    const key = await file('Quiet please', {}, person.headers);
    await comment(key, agent, 'Done quietly');
    await change(key, agent, { status: 'resolved' });
    expect((await outboxOfRequest(t.database, key)).map((mail) => mail.kind)).toEqual(['acknowledgement', 'status']);
  });
});
