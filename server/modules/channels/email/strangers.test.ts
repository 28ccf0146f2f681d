import { sql } from 'drizzle-orm';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast, type Cast } from '../../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { rowsOf } from '../../../platform/db/database.ts';
import { fireDueTimers } from '../../../platform/jobs/timers.ts';
import { domainTimerHandlers } from '../../domain-timers.ts';
import { upsertMailSettings } from './inbound.store.ts';
import { startSmtpListener, type SmtpListener } from './smtp-listener.ts';

// Senders not in the directory: a team that rejects them answers once, kindly, and never a machine;
// a team that accepts them adds them as employees and files as them. And every team's address is
// in the teams list.

let t: TestApp;
let cast: Cast;
let listener: SmtpListener;
const rejecting = 'rejecting@hallway.test';
const accepting = 'accepting@hallway.test';

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
  await upsertMailSettings(t.database.db, { teamId: cast.team.id, inboundAddress: rejecting, unknownSenderRule: 'reject' });
  await upsertMailSettings(t.database.db, { teamId: cast.otherTeam.id, inboundAddress: accepting, unknownSenderRule: 'accept' });
  listener = await startSmtpListener(t.database, { port: 0, host: '127.0.0.1' });
}, 120_000);
afterAll(async () => {
  await listener?.close();
  await t?.close();
});

const send = (mail: SendMailOptions) => nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true }).sendMail(mail);
const processAll = () => fireDueTimers(t.database, domainTimerHandlers);

async function inbound(messageId: string) {
  const [row] = rowsOf<{ status: string; status_reason: string | null; request_id: string | null }>(
    await t.database.db.execute(sql`select status, status_reason, request_id from inbound_messages where message_key = ${`id:${messageId}`}`),
  );
  return row;
}
async function outboxTo(address: string) {
  return rowsOf<{ kind: string; status: string; from_address: string; subject: string; text_body: string; in_reply_to: string | null; headers: Record<string, string> }>(
    await t.database.db.execute(sql`select kind, status, from_address, subject, text_body, in_reply_to, headers from outbound_messages where to_address = ${address} order by created_at`),
  );
}

describe('a team that rejects strangers', () => {
  it('answers a stranger once with a kind rejection, threaded to their message, and keeps the message as rejected', async () => {
    await send({ from: 'Vera Visitor <vera@partner.test>', to: rejecting, subject: 'Meeting room booking', text: 'Can I book room 4?', messageId: '<vera-1@partner.test>' });
    await processAll();
    expect(await inbound('vera-1@partner.test')).toMatchObject({ status: 'rejected', status_reason: expect.stringMatching(/not in the directory; answered with a polite rejection/), request_id: null });
    const [rejection, ...more] = await outboxTo('vera@partner.test');
    expect(more).toEqual([]);
    expect(rejection).toMatchObject({ kind: 'rejection', status: 'queued', from_address: rejecting, subject: 'Re: Meeting room booking', in_reply_to: 'vera-1@partner.test' });
    expect(rejection!.headers['Auto-Submitted']).toBe('auto-replied');
    expect(rejection!.text_body).toMatch(/Hallway/);
    expect(rejection!.text_body).toMatch(/ask a colleague/);
    expect(rejection!.text_body).toMatch(/portal/);
    // Her message is not quoted back: an answer never carries a stranger's text onwards.
    expect(rejection!.text_body).not.toContain('Can I book room 4?');

    await send({ from: 'vera@partner.test', to: rejecting, subject: 'Hello again?', text: 'Anyone?', messageId: '<vera-2@partner.test>' });
    await processAll();
    expect(await inbound('vera-2@partner.test')).toMatchObject({ status: 'rejected', status_reason: expect.stringMatching(/already answered today/) });
    expect(await outboxTo('vera@partner.test')).toHaveLength(1);
  });

  it('never answers automated mail or a null sender', async () => {
    await send({ from: 'robot@partner.test', to: rejecting, subject: 'Out of office', text: 'Away.', messageId: '<robot-1@partner.test>', headers: { 'Auto-Submitted': 'auto-replied' } });
    await send({ envelope: { from: '', to: rejecting }, from: 'notices@partner.test', to: rejecting, subject: 'Notice', text: 'Something.', messageId: '<null-1@partner.test>' });
    await processAll();
    expect(await inbound('robot-1@partner.test')).toMatchObject({ status: 'processed', request_id: null });
    expect(await inbound('null-1@partner.test')).toMatchObject({ status: 'rejected', status_reason: expect.stringMatching(/not answered \(a null sender\)/) });
    expect(await outboxTo('robot@partner.test')).toEqual([]);
    expect(await outboxTo('notices@partner.test')).toEqual([]);
  });
});

describe('a team that accepts strangers', () => {
  it('adds the sender to the directory as an employee, named as their mail says, and files the request as them', async () => {
    await send({ from: '"Zoe Outsider" <Zoe@Partner.test>', to: accepting, subject: 'Badge for contractor', text: 'I start Monday.', messageId: '<zoe-1@partner.test>' });
    await processAll();
    const outcome = await inbound('zoe-1@partner.test');
    expect(outcome).toMatchObject({ status: 'processed', request_id: expect.any(String) });
    const [person] = rowsOf<{ id: string; name: string; is_admin: boolean; active: boolean }>(
      await t.database.db.execute(sql`select id, name, is_admin, active from people where email = 'zoe@partner.test'`),
    );
    expect(person).toMatchObject({ name: 'Zoe Outsider', is_admin: false, active: true });
    const memberships = rowsOf(await t.database.db.execute(sql`select 1 from team_memberships where person_id = ${person!.id}`));
    expect(memberships).toEqual([]);
    const [request] = rowsOf<{ requester_id: string; team_id: string; channel: string }>(
      await t.database.db.execute(sql`select requester_id, team_id, channel from requests where id = ${outcome!.request_id}`),
    );
    expect(request).toEqual({ requester_id: person!.id, team_id: cast.otherTeam.id, channel: 'email' });

    // Her next message is hers like anyone's: no second person.
    await send({ from: 'zoe@partner.test', to: accepting, subject: 'Also parking', text: 'And a parking spot.', messageId: '<zoe-2@partner.test>' });
    await processAll();
    expect(await inbound('zoe-2@partner.test')).toMatchObject({ status: 'processed' });
    expect(rowsOf(await t.database.db.execute(sql`select 1 from people where email = 'zoe@partner.test'`))).toHaveLength(1);
  });

  it('names a sender without a usable display name by their address, and never makes a person of our own address', async () => {
    await send({ from: 'no-name@partner.test', to: accepting, subject: 'Plain', text: 'x', messageId: '<plain-1@partner.test>' });
    await send({ from: rejecting, to: accepting, subject: 'From another team', text: 'y', messageId: '<ours-1@hallway.test>' });
    await processAll();
    const [plain] = rowsOf<{ name: string }>(await t.database.db.execute(sql`select name from people where email = 'no-name@partner.test'`));
    expect(plain).toEqual({ name: 'no-name' });
    expect(await inbound('ours-1@hallway.test')).toMatchObject({ status: 'held', status_reason: expect.stringMatching(/own team addresses/) });
    expect(rowsOf(await t.database.db.execute(sql`select 1 from people where email = ${rejecting}`))).toEqual([]);
  });

  it('holds a deactivated person instead of bringing them back', async () => {
    await t.database.db.execute(sql`update people set active = false where id = ${cast.people.otherEmployee.id}`);
    await send({ from: cast.people.otherEmployee.email, to: accepting, subject: 'I left', text: 'z', messageId: '<left-1@partner.test>' });
    await processAll();
    expect(await inbound('left-1@partner.test')).toMatchObject({ status: 'held', status_reason: expect.stringMatching(/deactivated/) });
    await t.database.db.execute(sql`update people set active = true where id = ${cast.people.otherEmployee.id}`);
  });
});

describe('GET /api/v1/teams', () => {
  it("shows each team's inbound address, null for a team without one", async () => {
    await t.database.db.execute(sql`delete from team_mail_settings where team_id = ${cast.otherTeam.id}`);
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/teams', headers: cast.headers.employee });
    expect(response.statusCode).toBe(200);
    const teams = response.json<{ items: Array<{ id: string; inboundAddress: string | null }> }>().items;
    expect(teams.find((team) => team.id === cast.team.id)?.inboundAddress).toBe(rejecting);
    expect(teams.find((team) => team.id === cast.otherTeam.id)?.inboundAddress).toBeNull();
    const one = await t.app.inject({ method: 'GET', url: `/api/v1/teams/${cast.team.slug}`, headers: cast.headers.employee });
    expect(one.json()).toMatchObject({ inboundAddress: rejecting });
  });
});
