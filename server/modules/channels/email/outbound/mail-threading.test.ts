import { sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast, type Cast } from '../../../../../test/support/roles.ts';
import { startSmtpSink, type SmtpSink } from '../../../../../test/support/smtp-sink.ts';
import { createTestApp, type TestApp } from '../../../../../test/support/test-app.ts';
import { rowsOf } from '../../../../platform/db/database.ts';
import { drainDeliveries } from '../../../../platform/jobs/delivery-worker.ts';
import { fireDueTimers } from '../../../../platform/jobs/timers.ts';
import { domainTimerHandlers } from '../../../domain-timers.ts';
import { upsertMailSettings } from '../inbound.store.ts';
import { startSmtpListener, type SmtpListener } from '../smtp-listener.ts';
import { mailDeliveryQueue, type MailDeliveryQueue } from './mail-delivery.queue.ts';
import { queueMail } from './outbox.ts';

// Threading end to end: a mail about a request leaves through the relay; the requester's mail client
// answers it (In-Reply-To and References from the delivered bytes, any subject); the answer comes in
// through Hallway's SMTP listener and lands on the same request as their comment.

let t: TestApp;
let cast: Cast;
let sink: SmtpSink;
let listener: SmtpListener;
let queue: MailDeliveryQueue;
const teamAddress = 'threads@hallway.test';

beforeAll(async () => {
  [t, sink] = await Promise.all([createTestApp(), startSmtpSink()]);
  cast = await buildCast(t.database);
  await upsertMailSettings(t.database.db, { teamId: cast.team.id, inboundAddress: teamAddress });
  listener = await startSmtpListener(t.database, { port: 0, host: '127.0.0.1' });
  queue = mailDeliveryQueue({ relayUrl: sink.url });
}, 120_000);
afterAll(async () => {
  queue?.close();
  await listener?.close();
  await sink?.close();
  await t?.close();
});

describe('a reply to a mail Hallway sent', () => {
  it('lands on the request the mail was about, found by its In-Reply-To', async () => {
    const filed = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: cast.headers.employee, payload: { team: cast.team.slug, subject: 'Docking station dead' } });
    expect(filed.statusCode, filed.body).toBe(201);
    const key: string = filed.json().key;
    const [request] = rowsOf<{ id: string }>(await t.database.db.execute(sql`select id from requests where key = ${key}`));
    const queued = await t.database.db.transaction((tx) =>
      queueMail(tx, { kind: 'reply', from: teamAddress, to: cast.people.employee.email, subject: `[${key}] Docking station dead`, text: 'Try the other USB-C port.', teamId: cast.team.id, requestId: request!.id, recipientId: cast.people.employee.id }),
    );
    const before = sink.received.length;
    await drainDeliveries(t.database, queue);
    const delivered = sink.received.slice(before).find((mail) => mail.raw.toString().includes(queued!.messageId));
    expect(delivered).toBeDefined();
    const original = await simpleParser(delivered!.raw);
    expect(original.messageId).toBe(`<${queued!.messageId}>`);

    // The requester's client answers: threading headers from what it received, a subject of its own.
    await nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true }).sendMail({
      from: cast.people.employee.email,
      to: teamAddress,
      subject: 'AW: that did not help',
      text: 'Still dead on both ports.',
      inReplyTo: original.messageId,
      references: [original.messageId!],
      messageId: '<answer-1@corp.test>',
    });
    await fireDueTimers(t.database, domainTimerHandlers);

    const [outcome] = rowsOf<{ status: string; status_reason: string; request_id: string }>(
      await t.database.db.execute(sql`select status, status_reason, request_id from inbound_messages where message_key = 'id:answer-1@corp.test'`),
    );
    expect(outcome).toEqual({ status: 'processed', status_reason: 'reply found by references', request_id: request!.id });
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${key}`, headers: cast.headers.agent });
    expect(detail.json().timeline).toContainEqual(
      expect.objectContaining({ kind: 'commented', data: expect.objectContaining({ body: 'Still dead on both ports.', visibility: 'public' }) }),
    );
  });
});
