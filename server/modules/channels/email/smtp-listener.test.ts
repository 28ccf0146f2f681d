import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import SMTPConnection from 'nodemailer/lib/smtp-connection/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast, type Cast } from '../../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { rowsOf } from '../../../platform/db/database.ts';
import { upsertMailSettings } from './inbound.store.ts';
import { startSmtpListener, type SmtpListener } from './smtp-listener.ts';
import { PROCESS_INBOUND_TIMER } from './store-inbound.ts';

// The listener answers 250 only for a message it has stored, refuses what it cannot take with a
// code the sending server understands, and stores a redelivered message once.

let t: TestApp;
let cast: Cast;
let listener: SmtpListener;
const teamAddress = 'it-desk@hallway.test';
const MAX_BYTES = 64 * 1024;

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
  await upsertMailSettings(t.database.db, { teamId: cast.team.id, inboundAddress: teamAddress });
  listener = await startSmtpListener(t.database, { port: 0, host: '127.0.0.1', maxMessageBytes: MAX_BYTES });
});
afterAll(async () => {
  await listener.close();
  await t.close();
});

const transport = () => nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });

async function storedWith(messageKey: string) {
  return rowsOf<{ id: string; raw: Buffer | Uint8Array; envelope_to: string[]; channel: string; team_id: string; status: string }>(
    await t.database.db.execute(sql`select id, raw, envelope_to, channel, team_id, status from inbound_messages where message_key = ${messageKey}`),
  );
}

async function processingTimersFor(id: string) {
  return rowsOf<{ id: number }>(
    await t.database.db.execute(sql`select id from timers where kind = ${PROCESS_INBOUND_TIMER} and payload->>'inboundMessageId' = ${id}`),
  );
}

describe('the SMTP listener', () => {
  it('stores a message to a team address, raw and whole, with its processing scheduled', async () => {
    const info = await transport().sendMail({
      from: 'Emma <emma@corp.test>',
      to: teamAddress,
      subject: 'Printer on floor 3 is jammed',
      text: 'It jams on every page.',
      messageId: '<first-1@corp.test>',
    });
    expect(info.accepted).toEqual([teamAddress]);
    const [row] = await storedWith('id:first-1@corp.test');
    expect(row).toMatchObject({ channel: 'smtp', team_id: cast.team.id, status: 'received', envelope_to: [teamAddress] });
    const raw = Buffer.from(row!.raw).toString('utf8');
    expect(raw).toContain('Subject: Printer on floor 3 is jammed');
    expect(raw).toContain('It jams on every page.');
    expect(await processingTimersFor(row!.id)).toHaveLength(1);
  });

  it('takes plus-addresses of a team address (reply tokens) for that team', async () => {
    const info = await transport().sendMail({ from: 'emma@corp.test', to: 'IT-Desk+r-abc123@Hallway.test', subject: 'x', text: 'y', messageId: '<plus-1@corp.test>' });
    expect(info.accepted).toHaveLength(1);
    expect(await storedWith('id:plus-1@corp.test')).toHaveLength(1);
  });

  it('stores a redelivery of the same Message-ID once, with one processing', async () => {
    const mail = { from: 'emma@corp.test', to: teamAddress, subject: 'Again', text: 'Same message twice', messageId: '<again-1@Corp.Test>' };
    await transport().sendMail(mail);
    await transport().sendMail({ ...mail, text: 'A relay that rewrote the body' });
    const rows = await storedWith('id:again-1@corp.test');
    expect(rows).toHaveLength(1);
    expect(Buffer.from(rows[0]!.raw).toString('utf8')).toContain('Same message twice');
    expect(await processingTimersFor(rows[0]!.id)).toHaveLength(1);
  });

  it('refuses a recipient that is no team address with 550 at RCPT, storing nothing', async () => {
    const before = await countStored();
    const refused = await transport()
      .sendMail({ from: 'emma@corp.test', to: 'nobody@hallway.test', subject: 'x', text: 'y' })
      .catch((error: { responseCode?: number; response?: string }) => error);
    expect(refused).toMatchObject({ responseCode: 550 });
    expect(await countStored()).toBe(before);
  });

  it('refuses a message over the size limit with 552, storing nothing', async () => {
    const before = await countStored();
    const refused = await transport()
      .sendMail({ from: 'emma@corp.test', to: teamAddress, subject: 'Big', text: 'x'.repeat(MAX_BYTES * 2), messageId: '<big-1@corp.test>' })
      .catch((error: { responseCode?: number }) => error);
    expect(refused).toMatchObject({ responseCode: 552 });
    expect(await countStored()).toBe(before);
  });

  it('refuses with 552 a message that grows past the limit during DATA without declaring its size', async () => {
    const before = await countStored();
    const connection = new SMTPConnection({ host: '127.0.0.1', port: listener.port, ignoreTLS: true });
    await new Promise<void>((resolve, reject) => connection.connect((error?: Error) => (error ? reject(error) : resolve())));
    const raw = `From: emma@corp.test\r\nTo: ${teamAddress}\r\nSubject: Undeclared\r\nMessage-ID: <undeclared-1@corp.test>\r\n\r\n${'y'.repeat(MAX_BYTES * 2)}\r\n`;
    const refused = await new Promise<{ responseCode?: number; response?: string }>((resolve) =>
      connection.send({ from: 'emma@corp.test', to: [teamAddress] }, raw, (error) => resolve(error ?? {})),
    );
    connection.close();
    expect(refused.responseCode).toBe(552);
    expect(refused.response).toMatch(/at most 65536 bytes/);
    expect(await countStored()).toBe(before);
  });

  it('answers 451 when the database cannot store, and keeps the message when the sender retries', async () => {
    await t.database.db.execute(sql`create function refuse_inbound() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`);
    await t.database.db.execute(sql`create trigger refuse_inbound before insert on inbound_messages for each row execute function refuse_inbound()`);
    const mail = { from: 'emma@corp.test', to: teamAddress, subject: 'Retry me', text: 'Please keep me', messageId: '<retry-1@corp.test>' };
    try {
      const refused = await transport().sendMail(mail).catch((error: { responseCode?: number }) => error);
      expect(refused).toMatchObject({ responseCode: 451 });
      expect(await storedWith('id:retry-1@corp.test')).toHaveLength(0);
    } finally {
      await t.database.db.execute(sql`drop trigger refuse_inbound on inbound_messages`);
      await t.database.db.execute(sql`drop function refuse_inbound()`);
    }
    const info = await transport().sendMail(mail);
    expect(info.accepted).toEqual([teamAddress]);
    expect(await storedWith('id:retry-1@corp.test')).toHaveLength(1);
  });
});

async function countStored(): Promise<number> {
  const [row] = rowsOf<{ count: number | string }>(await t.database.db.execute(sql`select count(*) as count from inbound_messages`));
  return Number(row!.count);
}
