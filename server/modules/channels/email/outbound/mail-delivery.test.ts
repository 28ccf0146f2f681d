import { sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildCast, type Cast } from '../../../../../test/support/roles.ts';
import { startSmtpSink, type SmtpSink } from '../../../../../test/support/smtp-sink.ts';
import { createTestApp, type TestApp } from '../../../../../test/support/test-app.ts';
import { rowsOf } from '../../../../platform/db/database.ts';
import { deliverDueRound, drainDeliveries } from '../../../../platform/jobs/delivery-worker.ts';
import { upsertMailSettings } from '../inbound.store.ts';
import { mailDeliveryQueue, MAIL_RETRY_POLICY, type MailDeliveryQueue } from './mail-delivery.queue.ts';
import { queueMail, type MailToQueue } from './outbox.ts';

// The sender: what the relay receives, byte for byte in the headers that matter, and what the
// outbox records when the relay says yes, "later" or never.

let t: TestApp;
let cast: Cast;
let sink: SmtpSink;
let queue: MailDeliveryQueue;
const teamAddress = 'desk-out@hallway.test';

beforeAll(async () => {
  [t, sink] = await Promise.all([createTestApp(), startSmtpSink()]);
  cast = await buildCast(t.database);
  await upsertMailSettings(t.database.db, { teamId: cast.team.id, inboundAddress: teamAddress });
  // Retries drawn at the ceiling, so a test knows when the next try is due.
  queue = mailDeliveryQueue({ relayUrl: sink.url, random: () => 0.999 });
}, 120_000);
afterAll(async () => {
  queue?.close();
  await sink?.close();
  await t?.close();
});
beforeEach(() => sink.answer('accept'));

let counter = 0;
function mail(overrides: Partial<MailToQueue> = {}): MailToQueue {
  counter += 1;
  return { kind: 'reply', from: teamAddress, to: `reader-${counter}@corp.test`, subject: `Update ${counter}`, text: `Body ${counter}`, teamId: cast.team.id, ...overrides };
}
const queued = (values: MailToQueue) => t.database.db.transaction((tx) => queueMail(tx, values));

interface Row {
  status: string;
  status_reason: string | null;
  attempts: number;
  last_error: string | null;
  smtp_response: string | null;
  sent_at: string | Date | null;
  next_attempt_at: string | Date;
  message_id: string;
}
async function row(id: string): Promise<Row> {
  const [found] = rowsOf<Row>(await t.database.db.execute(sql`select * from outbound_messages where id = ${id}`));
  return found!;
}

describe('delivering the outbox to the relay', () => {
  it('sends a mail with its Message-ID, threading headers, Reply-To and the loop guard headers, and records the relay answer', async () => {
    const before = sink.received.length;
    const sent = await queued(
      mail({ to: 'Emma@Corp.Test', replyTo: 'desk-out+r-abc@hallway.test', inReplyTo: 'first@corp.test', references: ['first@corp.test', 'second@hallway.test'], headers: { 'X-Hallway-Request': 'IT-7' } }),
    );
    expect(sent?.status).toBe('queued');
    expect(await drainDeliveries(t.database, queue)).toBeGreaterThanOrEqual(1);
    const [delivered] = sink.received.slice(before);
    expect(delivered!.to).toEqual(['emma@corp.test']);
    // A notification keeps our address as the envelope sender, so its bounce comes back to the team.
    expect(delivered!.from).toBe(teamAddress);
    const parsed = await simpleParser(delivered!.raw);
    expect(parsed.messageId).toBe(`<${sent!.messageId}>`);
    expect(parsed.inReplyTo).toBe('<first@corp.test>');
    expect(parsed.references).toEqual(['<first@corp.test>', '<second@hallway.test>']);
    expect(parsed.replyTo?.text).toBe('desk-out+r-abc@hallway.test');
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.headers.get('x-auto-response-suppress')).toBe('All');
    expect(parsed.headers.get('x-hallway-request')).toBe('IT-7');
    expect(parsed.text?.trim()).toBe(`Body ${counter}`);
    expect(await row(sent!.id)).toMatchObject({ status: 'sent', attempts: 1, last_error: null, smtp_response: expect.stringMatching(/^250/), sent_at: expect.anything() });
  });

  it('sends an answer to a mail (auto-replied) from the null sender, so its own failure is never bounced', async () => {
    const before = sink.received.length;
    const sent = await queued(mail({ kind: 'rejection' }));
    await drainDeliveries(t.database, queue);
    const [delivered] = sink.received.slice(before);
    expect(delivered!.from).toBe('');
    expect((await simpleParser(delivered!.raw)).headers.get('auto-submitted')).toBe('auto-replied');
    expect((await row(sent!.id)).status).toBe('sent');
  });

  it('tries again after a 451, later, with the same Message-ID, and sends it', async () => {
    const sent = await queued(mail());
    sink.answer({ code: 451, message: '4.3.0 Mailbox busy, try later' });
    const triedAt = Date.now();
    await drainDeliveries(t.database, queue);
    const waiting = await row(sent!.id);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, last_error: expect.stringContaining('451'), sent_at: null });
    // Not due again at once: the backoff's first ceiling (a minute), drawn at its top.
    const nextAttemptAt = new Date(waiting.next_attempt_at).getTime();
    expect(nextAttemptAt).toBeGreaterThan(triedAt + MAIL_RETRY_POLICY.baseDelayMs / 2);
    expect(await deliverDueRound(t.database, queue)).toBe(0);

    sink.answer('accept');
    const before = sink.received.length;
    await drainDeliveries(t.database, queue, { now: new Date(nextAttemptAt + 1000) });
    const [delivered] = sink.received.slice(before);
    expect((await simpleParser(delivered!.raw)).messageId).toBe(`<${sent!.messageId}>`);
    expect(await row(sent!.id)).toMatchObject({ status: 'sent', attempts: 2, message_id: sent!.messageId });
  });

  it('fails a mail at once on a 550, with the reason, and never tries it again', async () => {
    const sent = await queued(mail());
    sink.answer({ code: 550, message: '5.1.1 No such user here' });
    await drainDeliveries(t.database, queue);
    expect(await row(sent!.id)).toMatchObject({ status: 'failed', attempts: 1, status_reason: expect.stringMatching(/refused by the relay: 550.*No such user/) });
    sink.answer('accept');
    expect(await deliverDueRound(t.database, queue, { now: new Date(Date.now() + 86_400_000) })).toBe(0);
  });

  it('gives up after the last attempt of the policy, as failed', async () => {
    const short = mailDeliveryQueue({ relayUrl: sink.url, retryPolicy: { baseDelayMs: 1, maxDelayMs: 1, maxAttempts: 2 } });
    try {
      const sent = await queued(mail());
      sink.answer({ code: 421, message: '4.7.0 Too busy' });
      await drainDeliveries(t.database, short, { now: new Date(Date.now() + 10_000) });
      expect(await row(sent!.id)).toMatchObject({ status: 'failed', attempts: 2, status_reason: expect.stringMatching(/gave up after 2 attempts: 421/) });
    } finally {
      short.close();
    }
  });

  it('delivers again a mail whose worker died holding it, once the lease ran out', async () => {
    const sent = await queued(mail());
    const leaseUntil = new Date(Date.now() + 60_000);
    // A worker claims it, then dies before delivering.
    const claimed = await queue.claim(t.database, new Date(Date.now() + 1), 100, leaseUntil);
    expect(claimed.map((item) => item.id)).toContain(sent!.id);
    expect((await row(sent!.id)).status).toBe('sending');
    expect(await deliverDueRound(t.database, queue)).toBe(0);
    const before = sink.received.length;
    await drainDeliveries(t.database, queue, { now: new Date(leaseUntil.getTime() + 1000) });
    expect(sink.received.length).toBe(before + 1);
    expect(await row(sent!.id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('claims nothing without a relay: mail stays queued', async () => {
    const sent = await queued(mail());
    const noRelay = mailDeliveryQueue({});
    expect(await deliverDueRound(t.database, noRelay)).toBe(0);
    expect((await row(sent!.id)).status).toBe('queued');
    await drainDeliveries(t.database, queue);
  });
});
