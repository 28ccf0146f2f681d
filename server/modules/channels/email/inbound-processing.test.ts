import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import SMTPConnection from 'nodemailer/lib/smtp-connection/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIL_CORPUS_FOLDER } from '../../../../test/fixtures/mail/manifest.ts';
import { fingerprint } from '../../../../test/support/database-fingerprint.ts';
import { buildCast, type Cast } from '../../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { rowsOf } from '../../../platform/db/database.ts';
import { fireDueTimers, MAX_TIMER_ATTEMPTS } from '../../../platform/jobs/timers.ts';
import { domainTimerHandlers } from '../../domain-timers.ts';
import type { InboundMessageView } from './inbound-mail.schema.ts';
import { upsertMailSettings } from './inbound.store.ts';
import { smtpReceivedKeys } from './mail-corpus.test-support.ts';
import { replyAddress, replyTokenFor } from './reply-tokens.ts';
import { startSmtpListener, type SmtpListener } from './smtp-listener.ts';

// From SMTP to the timeline: a new message files a request, a reply lands on its request by token,
// References or [KEY], and what must never be answered (automated mail) or filed (strangers) is kept
// with its reason.

let t: TestApp;
let cast: Cast;
let listener: SmtpListener;
const teamAddress = 'service-desk@hallway.test';

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
  await upsertMailSettings(t.database.db, { teamId: cast.team.id, inboundAddress: teamAddress, unknownSenderRule: 'hold' });
  listener = await startSmtpListener(t.database, { port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await listener.close();
  await t.close();
});

const employee = () => cast.people.employee.email;
const send = (mail: SendMailOptions) =>
  nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true }).sendMail(mail);
const processAll = () => fireDueTimers(t.database, domainTimerHandlers);
/** Sends these exact bytes, as a mail server relaying them would (nodemailer would rewrite them). */
async function sendRaw(raw: string | Buffer): Promise<void> {
  const connection = new SMTPConnection({ host: '127.0.0.1', port: listener.port, ignoreTLS: true });
  await new Promise<void>((resolve, reject) => connection.connect((error?: Error) => (error ? reject(error) : resolve())));
  await new Promise<void>((resolve, reject) => connection.send({ from: employee(), to: [teamAddress] }, raw, (error) => (error ? reject(error) : resolve())));
  connection.quit();
}

interface Outcome {
  status: string;
  status_reason: string | null;
  automated_kind: string | null;
  key: string | null;
}
async function outcomeOf(messageId: string): Promise<Outcome[]> {
  return rowsOf<Outcome>(
    await t.database.db.execute(sql`select m.status, m.status_reason, m.automated_kind, r.key from inbound_messages m
      left join requests r on r.id = m.request_id where m.message_key = ${`id:${messageId}`}`),
  );
}
async function requestsWithSubject(subject: string) {
  return rowsOf<{ key: string; channel: string; description: string; requester_id: string }>(
    await t.database.db.execute(sql`select key, channel, description, requester_id from requests where subject = ${subject}`),
  );
}
async function timeline(key: string) {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${key}`, headers: cast.headers.agent });
  return response.json<{ timeline: Array<{ kind: string; data: Record<string, unknown> }> }>().timeline;
}

/** The admins' entry for the failed message stored under this key (GET /admin/inbound-mail?status=failed). */
async function failedItem(messageKey: string): Promise<InboundMessageView> {
  const response = await t.app.inject({ method: 'GET', url: '/api/v1/admin/inbound-mail?status=failed&limit=200', headers: cast.headers.admin });
  expect(response.statusCode, response.body).toBe(200);
  const item = response.json<{ items: InboundMessageView[] }>().items.find((entry) => entry.messageKey === messageKey);
  expect(item, messageKey).toBeDefined();
  return item!;
}

/** Every try of the due processing, while filing a request fails (a database fault): its messages end failed. */
async function processEveryTryWhileRequestsRefused(): Promise<void> {
  await t.database.db.execute(sql`create function refuse_requests() returns trigger language plpgsql as $$ begin raise exception 'requests are read-only today'; end $$`);
  await t.database.db.execute(sql`create trigger refuse_requests before insert on requests for each row execute function refuse_requests()`);
  try {
    // Each try is retried later (2, 4, 8 ... s): fire at instants far enough apart for every retry.
    for (let hour = 1; hour <= MAX_TIMER_ATTEMPTS; hour += 1) {
      await fireDueTimers(t.database, domainTimerHandlers, { now: new Date(Date.now() + hour * 3_600_000) });
    }
  } finally {
    await t.database.db.execute(sql`drop trigger refuse_requests on requests`);
    await t.database.db.execute(sql`drop function refuse_requests()`);
  }
}

async function fileByMail(subject: string, messageId: string): Promise<string> {
  await send({ from: employee(), to: teamAddress, subject, text: `${subject}.\n\nThanks`, messageId: `<${messageId}>` });
  await processAll();
  const [request] = await requestsWithSubject(subject);
  return request!.key;
}

describe('processing inbound mail', () => {
  it('files a request for the team from a known sender, by e-mail, as that person', async () => {
    const key = await fileByMail('Monitor flickers', 'new-1@corp.test');
    const [request] = await requestsWithSubject('Monitor flickers');
    expect(request).toMatchObject({ key, channel: 'email', requester_id: cast.people.employee.id });
    expect(request!.description).toContain('Monitor flickers.');
    expect(await outcomeOf('new-1@corp.test')).toEqual([expect.objectContaining({ status: 'processed', key })]);
  });

  it("puts the mail's attachments on the request, through the attachments service", async () => {
    await send({
      from: employee(),
      to: teamAddress,
      subject: 'Error dialog on start',
      text: 'Screenshot attached.',
      messageId: '<files-1@corp.test>',
      attachments: [{ filename: 'error.txt', content: 'Error 0x80070005: access denied', contentType: 'text/plain' }],
    });
    await processAll();
    const [request] = await requestsWithSubject('Error dialog on start');
    const files = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${request!.key}/attachments`, headers: cast.headers.employee });
    expect(files.json().items).toEqual([expect.objectContaining({ fileName: 'error.txt', visibility: 'public', size: 31 })]);
  });

  it('files one request for a message delivered twice (a raw SMTP redelivery of the same Message-ID)', async () => {
    const raw = `From: ${employee()}\r\nTo: ${teamAddress}\r\nSubject: Badge does not open door\r\nMessage-ID: <twice-1@corp.test>\r\n\r\nBadge 4411.\r\n`;
    for (let delivery = 0; delivery < 2; delivery += 1) {
      await sendRaw(raw);
      await processAll();
    }
    expect(await requestsWithSubject('Badge does not open door')).toHaveLength(1);
    expect(await outcomeOf('twice-1@corp.test')).toHaveLength(1);
  });

  it("adds a reply sent to the request's reply address as a public comment on it", async () => {
    const key = await fileByMail('VPN drops', 'vpn-1@corp.test');
    const [request] = rowsOf<{ id: string }>(await t.database.db.execute(sql`select id from requests where key = ${key}`));
    const token = await replyTokenFor(t.database.db, request!.id);
    await send({ from: employee(), to: replyAddress(teamAddress, token), subject: 'Something else entirely', text: 'It dropped again at 10:02.', messageId: '<vpn-2@corp.test>' });
    await processAll();
    expect(await timeline(key)).toContainEqual(expect.objectContaining({ kind: 'commented', data: expect.objectContaining({ body: 'It dropped again at 10:02.', visibility: 'public' }) }));
    expect(await outcomeOf('vpn-2@corp.test')).toEqual([expect.objectContaining({ status: 'processed', key, status_reason: 'reply found by reply-token' })]);
  });

  it('threads a reply by In-Reply-To onto the request its first message filed', async () => {
    const key = await fileByMail('Laptop fan loud', 'fan-1@corp.test');
    await send({ from: employee(), to: teamAddress, subject: 'Re: Laptop fan loud', text: 'Still loud.', inReplyTo: '<fan-1@corp.test>', references: ['<fan-1@corp.test>'], messageId: '<fan-2@corp.test>' });
    await processAll();
    expect(await outcomeOf('fan-2@corp.test')).toEqual([expect.objectContaining({ key, status_reason: 'reply found by references' })]);
    expect(await requestsWithSubject('Re: Laptop fan loud')).toHaveLength(0);
  });

  it('threads by a [KEY] in the subject, and never by "Re:" alone', async () => {
    const key = await fileByMail('Keyboard missing keys', 'kb-1@corp.test');
    await send({ from: employee(), to: teamAddress, subject: `About [${key}]`, text: 'The Q key too.', messageId: '<kb-2@corp.test>' });
    await send({ from: employee(), to: teamAddress, subject: 'Re: Keyboard missing keys', text: 'A different keyboard.', messageId: '<kb-3@corp.test>' });
    await processAll();
    expect(await outcomeOf('kb-2@corp.test')).toEqual([expect.objectContaining({ key, status_reason: 'reply found by subject-key' })]);
    const [separate] = await outcomeOf('kb-3@corp.test');
    expect(separate!.key).not.toBe(key);
    expect(await requestsWithSubject('Re: Keyboard missing keys')).toHaveLength(1);
  });

  it('keeps an auto-reply, marked, without filing or answering anything', async () => {
    await send({ from: employee(), to: teamAddress, subject: 'Out of office', text: 'I am away until Monday.', messageId: '<ooo-1@corp.test>', headers: { 'Auto-Submitted': 'auto-replied' } });
    await processAll();
    expect(await outcomeOf('ooo-1@corp.test')).toEqual([expect.objectContaining({ status: 'processed', automated_kind: 'auto-reply', key: null })]);
    expect(await requestsWithSubject('Out of office')).toHaveLength(0);
  });

  it("holds a stranger's message under the team's rule, and an admin reprocesses it once they are in the directory", async () => {
    await send({ from: 'visitor@elsewhere.test', to: teamAddress, subject: 'Wifi password?', text: 'For the guest network.', messageId: '<guest-1@elsewhere.test>' });
    await processAll();
    expect(await outcomeOf('guest-1@elsewhere.test')).toEqual([expect.objectContaining({ status: 'held', key: null })]);
    const held = await t.app.inject({ method: 'GET', url: '/api/v1/admin/inbound-mail?status=held', headers: cast.headers.admin });
    expect(held.statusCode).toBe(200);
    const item = held.json<{ items: Array<{ id: string; statusReason: string }> }>().items.find((entry) => entry.statusReason.includes('visitor@elsewhere.test'));
    expect(item).toBeDefined();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/admin/inbound-mail?status=held', headers: cast.headers.agent })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/admin/inbound-mail/${item!.id}/reprocess`, headers: cast.headers.lead })).statusCode).toBe(403);

    await t.database.db.execute(sql`update people set email = 'visitor@elsewhere.test' where id = ${cast.people.otherEmployee.id}`);
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/admin/inbound-mail/${item!.id}/reprocess`, headers: cast.headers.admin });
    expect(again.statusCode, again.body).toBe(202);
    await processAll();
    expect(await outcomeOf('guest-1@elsewhere.test')).toEqual([expect.objectContaining({ status: 'processed' })]);
    expect(await requestsWithSubject('Wifi password?')).toHaveLength(1);
    const twice = await t.app.inject({ method: 'POST', url: `/api/v1/admin/inbound-mail/${item!.id}/reprocess`, headers: cast.headers.admin });
    expect(twice.json()).toMatchObject({ code: 'INBOUND_MESSAGE_NOT_REPROCESSABLE' });
  });

  it('keeps a message that cannot be parsed as failed, with the reason, for the admins', async () => {
    await sendRaw('this is not a mail message at all, just a line of text\r\nand another\r\n');
    await processAll();
    const failed = await t.app.inject({ method: 'GET', url: '/api/v1/admin/inbound-mail?status=failed', headers: cast.headers.admin });
    expect(failed.json().items).toContainEqual(expect.objectContaining({ status: 'failed', statusReason: expect.stringMatching(/header/i), requestId: null }));
  });

  it('marks a message failed, for the admins, when its processing fails on every try', async () => {
    await send({ from: employee(), to: teamAddress, subject: 'Projector dead', text: 'Room 1.01.', messageId: '<projector-1@corp.test>' });
    await processEveryTryWhileRequestsRefused();
    const [outcome] = await outcomeOf('projector-1@corp.test');
    expect(outcome).toMatchObject({ status: 'failed', key: null, status_reason: expect.stringMatching(/processing failed 8 times.*read-only today/s) });
    expect(outcome!.status_reason).not.toContain('Room 1.01');
    expect(await requestsWithSubject('Projector dead')).toHaveLength(0);
  });

  it('lets only an admin reprocess an unparseable message; it stays failed with its reason, and nothing is filed or sent', async () => {
    const file = '40-malformed-no-headers.eml';
    const raw = await readFile(path.join(MAIL_CORPUS_FOLDER, file));
    await sendRaw(raw);
    await processAll();
    const item = await failedItem(smtpReceivedKeys(new Map([[file, raw]])).get(file)!);
    expect(item).toMatchObject({ status: 'failed', statusReason: expect.stringMatching(/header/i), requestId: null });
    const inboundRow = async () => rowsOf(await t.database.db.execute(sql`select * from inbound_messages where id = ${item.id}`));
    const outboundCount = async () => rowsOf(await t.database.db.execute(sql`select count(*)::int as count from outbound_messages`));
    const untouched = { row: await inboundRow(), tables: await fingerprint(t.database), outbound: await outboundCount() };

    for (const role of ['employee', 'agent', 'lead'] as const) {
      const refused = await t.app.inject({ method: 'POST', url: `/api/v1/admin/inbound-mail/${item.id}/reprocess`, headers: cast.headers[role] });
      expect(refused.statusCode, role).toBe(403);
    }
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/admin/inbound-mail/${item.id}/reprocess` })).statusCode).toBe(401);
    await processAll();
    expect({ row: await inboundRow(), tables: await fingerprint(t.database), outbound: await outboundCount() }).toEqual(untouched);

    const reprocessed = await t.app.inject({ method: 'POST', url: `/api/v1/admin/inbound-mail/${item.id}/reprocess`, headers: cast.headers.admin });
    expect(reprocessed.statusCode, reprocessed.body).toBe(202);
    await processAll();
    expect(await failedItem(item.messageKey)).toMatchObject({ id: item.id, status: 'failed', statusReason: item.statusReason, requestId: null, attempts: item.attempts + 1 });
    // Its processing ran (a timer, done) and filed, commented and sent nothing.
    const after = await fingerprint(t.database);
    expect({ requests: after.requests, events: after.request_events, outbound: await outboundCount() }).toEqual({
      requests: untouched.tables.requests,
      events: untouched.tables.request_events,
      outbound: untouched.outbound,
    });
  });

  it('files a message that failed on every try once an admin reprocesses it after the fault is gone, and only once', async () => {
    await send({ from: employee(), to: teamAddress, subject: 'Scanner offline', text: 'The scanner on floor 2.', messageId: '<scanner-1@corp.test>' });
    await processEveryTryWhileRequestsRefused();
    const item = await failedItem('id:scanner-1@corp.test');
    expect(item).toMatchObject({ status: 'failed', statusReason: expect.stringMatching(/read-only today/), requestId: null });
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/admin/inbound-mail/${item.id}/reprocess`, headers: cast.headers.agent })).statusCode).toBe(403);
    await processAll();
    expect(await outcomeOf('scanner-1@corp.test')).toEqual([expect.objectContaining({ status: 'failed', key: null })]);

    const reprocessed = await t.app.inject({ method: 'POST', url: `/api/v1/admin/inbound-mail/${item.id}/reprocess`, headers: cast.headers.admin });
    expect(reprocessed.statusCode, reprocessed.body).toBe(202);
    await processAll();
    const [request] = await requestsWithSubject('Scanner offline');
    expect(request).toMatchObject({ channel: 'email', requester_id: cast.people.employee.id, description: expect.stringContaining('The scanner on floor 2.') });
    expect(await outcomeOf('scanner-1@corp.test')).toEqual([expect.objectContaining({ status: 'processed', key: request!.key })]);
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/admin/inbound-mail/${item.id}/reprocess`, headers: cast.headers.admin });
    expect(again.statusCode).toBe(409);
    await processAll();
    expect(await requestsWithSubject('Scanner offline')).toHaveLength(1);
  });

  it('refuses a bad status or id with a 400 naming the field', async () => {
    const badStatus = await t.app.inject({ method: 'GET', url: '/api/v1/admin/inbound-mail?status=lost', headers: cast.headers.admin });
    expect(badStatus.statusCode).toBe(400);
    expect(JSON.stringify(badStatus.json().errors)).toContain('status');
    const badId = await t.app.inject({ method: 'POST', url: '/api/v1/admin/inbound-mail/not-an-id/reprocess', headers: cast.headers.admin });
    expect(badId.statusCode).toBe(400);
  });
});
