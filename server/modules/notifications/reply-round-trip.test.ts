import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCallingPerson, buildTeam, type CallingPerson } from '../../../test/support/factories.ts';
import { startSmtpSink, type SmtpSink } from '../../../test/support/smtp-sink.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { drainDeliveries } from '../../platform/jobs/delivery-worker.ts';
import { fireDueTimers } from '../../platform/jobs/timers.ts';
import { upsertMailSettings } from '../channels/email/inbound.store.ts';
import { mailDeliveryQueue, type MailDeliveryQueue } from '../channels/email/outbound/mail-delivery.queue.ts';
import { startSmtpListener, type SmtpListener } from '../channels/email/smtp-listener.ts';
import { domainTimerHandlers } from '../domain-timers.ts';
import { outboxOfRequest } from './notifications-outbox.test-support.ts';

// The whole way round: an agent's public reply leaves as mail through the relay, the requester
// answers it from their mail client, and the answer lands as their comment on the same request.

let t: TestApp;
let sink: SmtpSink;
let listener: SmtpListener;
let queue: MailDeliveryQueue;
let employee: CallingPerson;
let agent: CallingPerson;
let teamSlug: string;
const teamAddress = 'round-trip-desk@hallway.test';

beforeAll(async () => {
  t = await createTestApp();
  sink = await startSmtpSink();
  listener = await startSmtpListener(t.database, { port: 0, host: '127.0.0.1' });
  queue = mailDeliveryQueue({ relayUrl: sink.url });
  const team = await buildTeam(t.database, { name: 'Round Trip Desk' });
  teamSlug = team.slug;
  await upsertMailSettings(t.database.db, { teamId: team.id, inboundAddress: teamAddress, unknownSenderRule: 'hold' });
  employee = await buildCallingPerson(t.database, { name: 'Rosa Requester', email: 'rosa@corp.test' });
  agent = await buildCallingPerson(t.database, { name: 'Adam Agent', agentOf: [team.id] });
}, 120_000);
afterAll(async () => {
  queue?.close();
  await listener?.close();
  await sink?.close();
  await t.close();
});

describe('agent reply -> mail -> requester answers by mail -> comment', () => {
  it('threads the answer back onto the same request as the requester, and mails nobody about their own words', async () => {
    const filed = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: employee.headers, payload: { team: teamSlug, subject: 'Docking station dead' } });
    expect(filed.statusCode, filed.body).toBe(201);
    const key: string = filed.json().key;
    const commented = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${key}/comments`,
      headers: agent.headers,
      payload: { body: 'Does it work with the other USB-C port?', visibility: 'public' },
    });
    expect(commented.statusCode, commented.body).toBe(201);

    expect(await drainDeliveries(t.database, queue)).toBe(2);
    const delivered = await sink.waitFor(2);
    const mails = await Promise.all(delivered.map((mail) => simpleParser(mail.raw)));
    const ack = mails.find((mail) => mail.subject?.startsWith('Received:'))!;
    const reply = mails.find((mail) => mail.subject?.startsWith('Re:'))!;
    expect(delivered.map((mail) => mail.to)).toEqual([['rosa@corp.test'], ['rosa@corp.test']]);
    expect(reply.subject).toBe(`Re: [${key}] Docking station dead`);
    expect(reply.from?.value[0]?.address).toBe(teamAddress);
    expect(reply.text).toContain('Does it work with the other USB-C port?');
    // The client groups it with the acknowledgement: the first mail's Message-ID is in the second's References.
    expect([reply.references].flat()).toContain(ack.messageId);
    expect(reply.inReplyTo).toBe(ack.messageId);
    const replyTo = reply.replyTo?.value[0]?.address;
    expect(replyTo).toMatch(/^round-trip-desk\+r-[0-9a-f]{32}@hallway\.test$/);

    // Rosa answers from her mail client: to the Reply-To, quoting the message as clients do.
    await nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true }).sendMail({
      from: 'Rosa Requester <rosa@corp.test>',
      to: replyTo,
      subject: `Re: ${reply.subject}`,
      inReplyTo: reply.messageId,
      references: [ack.messageId!, reply.messageId!],
      messageId: '<rosa-answer-1@corp.test>',
      text: `Yes, the other port works.\n\nOn Thu, Adam Agent wrote:\n> Does it work with the other USB-C port?\n`,
    });
    await fireDueTimers(t.database, domainTimerHandlers);

    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${key}`, headers: agent.headers });
    const comments = detail.json().timeline.filter((entry: { kind: string }) => entry.kind === 'commented');
    expect(comments.map((entry: { actor: { id: string }; data: { body: string; visibility: string } }) => [entry.actor.id, entry.data.visibility])).toEqual([
      [agent.id, 'public'],
      [employee.id, 'public'],
    ]);
    expect(comments[1].data.body).toContain('Yes, the other port works.');
    // Her own words come back to nobody: still only the acknowledgement and the reply in the outbox.
    expect((await outboxOfRequest(t.database, key)).map((mail) => [mail.kind, mail.status])).toEqual([
      ['acknowledgement', 'sent'],
      ['reply', 'sent'],
    ]);
  });
});
