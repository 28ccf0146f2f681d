import { sql } from 'drizzle-orm';
import SMTPConnection from 'nodemailer/lib/smtp-connection/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast, type Cast } from '../../../../../test/support/roles.ts';
import { startSmtpSink, type SmtpSink, type SunkMail } from '../../../../../test/support/smtp-sink.ts';
import { createTestApp, type TestApp } from '../../../../../test/support/test-app.ts';
import { rowsOf } from '../../../../platform/db/database.ts';
import { drainDeliveries } from '../../../../platform/jobs/delivery-worker.ts';
import { fireDueTimers } from '../../../../platform/jobs/timers.ts';
import { domainTimerHandlers } from '../../../domain-timers.ts';
import type { UnknownSenderRule } from '../mail.tables.ts';
import { upsertMailSettings } from '../inbound.store.ts';
import { startSmtpListener, type SmtpListener } from '../smtp-listener.ts';
import { RATE_LIMIT_PER_HOUR } from './loop-guard.ts';
import { mailDeliveryQueue, type MailDeliveryQueue } from './mail-delivery.queue.ts';

// Issue 6, done when: two Hallway teams mailing each other's addresses with automatic answers on
// (acknowledgements of mail, rejections of strangers) produce a bounded number of messages. Each
// Hallway's relay is a sink whose mail the test carries into the addressed Hallway's own SMTP
// listener, round after round (timers fire, outboxes drain, mail is carried) until nothing moves.
// Honest mail stops at the first automatic answer (Auto-Submitted is recognised); a relay that
// strips every such header, and an outside responder that answers everything, are stopped by the
// loop guard's rate limit.

interface Hallway {
  name: string;
  t: TestApp;
  cast: Cast;
  listener: SmtpListener;
  sink: SmtpSink;
  queue: MailDeliveryQueue;
  carried: number;
}

const hallways: Hallway[] = [];

async function startHallway(name: string): Promise<Hallway> {
  const t = await createTestApp();
  const [cast, listener, sink] = await Promise.all([buildCast(t.database), startSmtpListener(t.database, { port: 0, host: '127.0.0.1' }), startSmtpSink()]);
  const hallway = { name, t, cast, listener, sink, queue: mailDeliveryQueue({ relayUrl: sink.url }), carried: 0 };
  hallways.push(hallway);
  return hallway;
}

async function setTeamMail(hallway: Hallway, team: 'team' | 'otherTeam', address: string, rule: UnknownSenderRule) {
  await upsertMailSettings(hallway.t.database.db, { teamId: hallway.cast[team].id, inboundAddress: address, unknownSenderRule: rule });
}

afterAll(async () => {
  for (const hallway of hallways) {
    hallway.queue.close();
    await hallway.listener.close();
    await hallway.sink.close();
    await hallway.t.close();
  }
});

/** Sends raw bytes into an SMTP server with this envelope, as a relay would. */
async function relay(port: number, envelope: { from: string; to: string[] }, raw: Buffer): Promise<void> {
  const connection = new SMTPConnection({ host: '127.0.0.1', port, ignoreTLS: true });
  await new Promise<void>((resolve, reject) => connection.connect((error?: Error) => (error ? reject(error) : resolve())));
  try {
    await new Promise<void>((resolve, reject) => connection.send(envelope, raw, (error) => (error ? reject(error) : resolve())));
  } finally {
    connection.quit();
  }
}

// What a careless relay or a badly written responder drops: everything that says "a machine wrote this".
const MACHINE_HEADERS = /^(auto-submitted|x-auto-response-suppress|precedence|x-autoreply|x-autorespond|return-path|in-reply-to|references|list-[a-z-]+):/i;
function stripMachineHeaders(raw: Buffer): Buffer {
  const text = raw.toString('utf8');
  const end = text.indexOf('\r\n\r\n');
  const lines = text.slice(0, end).split('\r\n');
  const kept: string[] = [];
  let dropping = false;
  for (const line of lines) {
    if (/^[ \t]/.test(line)) {
      if (!dropping) kept.push(line);
      continue;
    }
    dropping = MACHINE_HEADERS.test(line);
    if (!dropping) kept.push(line);
  }
  return Buffer.from(`${kept.join('\r\n')}${text.slice(end)}`, 'utf8');
}
const fromHeader = (raw: Buffer) => /^From:.*?<?([^\s<>]+@[^\s<>]+?)>?\s*$/im.exec(raw.toString('utf8').split('\r\n\r\n')[0] ?? '')?.[1]?.toLowerCase() ?? '';

type Carry = (mail: SunkMail, from: Hallway) => Promise<void>;

/** Rounds of timers, deliveries and carried mail until a round moves nothing; the rounds it took. */
async function runUntilQuiet(carry: Carry, maxRounds = 60): Promise<number> {
  for (let round = 1; round <= maxRounds; round += 1) {
    let moved = 0;
    for (const hallway of hallways) moved += await fireDueTimers(hallway.t.database, domainTimerHandlers);
    for (const hallway of hallways) moved += await drainDeliveries(hallway.t.database, hallway.queue);
    for (const hallway of hallways) {
      while (hallway.carried < hallway.sink.received.length) {
        const mail = hallway.sink.received[hallway.carried]!;
        hallway.carried += 1;
        moved += 1;
        await carry(mail, hallway);
      }
    }
    if (moved === 0) return round;
  }
  throw new Error(`mail was still moving after ${maxRounds} rounds`);
}

interface Counts {
  inbound: number;
  sent: number;
  suppressed: number;
  automated: number;
}
async function counts(hallway: Hallway): Promise<Counts> {
  const [row] = rowsOf<Counts>(
    await hallway.t.database.db.execute(sql`select
      (select count(*)::int from inbound_messages) as inbound,
      (select count(*)::int from outbound_messages where status = 'sent') as sent,
      (select count(*)::int from outbound_messages where status = 'suppressed') as suppressed,
      (select count(*)::int from inbound_messages where automated_kind is not null) as automated`),
  );
  return row!;
}

const startMessage = (from: string, to: string, id: string) =>
  Buffer.from(`From: ${from}\r\nTo: ${to}\r\nSubject: Please call us back\r\nMessage-ID: <${id}>\r\nDate: Thu, 26 Nov 2026 09:00:00 +0000\r\n\r\nHello from the other team.\r\n`);

describe('two teams of one Hallway mailing each other', () => {
  let one: Hallway;
  beforeAll(async () => {
    one = await startHallway('one');
    await setTeamMail(one, 'team', 'alpha@one.test', 'reject');
    await setTeamMail(one, 'otherTeam', 'beta@one.test', 'accept');
  }, 180_000);

  it('stops at once: nothing is ever queued to one of our own addresses', async () => {
    await relay(one.listener.port, { from: 'alpha@one.test', to: ['beta@one.test'] }, startMessage('alpha@one.test', 'beta@one.test', 'start-ab@one.test'));
    await relay(one.listener.port, { from: 'beta@one.test', to: ['alpha@one.test'] }, startMessage('beta@one.test', 'alpha@one.test', 'start-ba@one.test'));
    const rounds = await runUntilQuiet(async (mail, from) => relay(from.listener.port, { from: mail.from, to: mail.to }, mail.raw));
    expect(rounds).toBeLessThanOrEqual(3);
    const result = await counts(one);
    expect(result).toMatchObject({ inbound: 2, sent: 0 });
    // The rejection beta@ earned was written, and kept back by the guard, for the admins to see.
    const suppressed = rowsOf<{ to_address: string; status_reason: string }>(await one.t.database.db.execute(sql`select to_address, status_reason from outbound_messages where status = 'suppressed'`));
    expect(suppressed).toEqual([{ to_address: 'beta@one.test', status_reason: expect.stringMatching(/own team addresses/) }]);
  });
});

describe('two Hallways mailing each other', () => {
  let it1: Hallway;
  let hr2: Hallway;
  const route = (to: string): Hallway | undefined => (to.endsWith('@it.test') ? it1 : to.endsWith('@hr.test') ? hr2 : undefined);

  beforeAll(async () => {
    [it1, hr2] = await Promise.all([startHallway('it'), startHallway('hr')]);
    await setTeamMail(it1, 'team', 'desk@it.test', 'accept');
    await setTeamMail(hr2, 'team', 'desk@hr.test', 'accept');
  }, 180_000);

  const reset = async () => {
    for (const hallway of [it1, hr2]) hallway.carried = hallway.sink.received.length;
  };

  it('end after one acknowledgement when the mail says it was written by a machine', async () => {
    await reset();
    const before = await Promise.all([counts(it1), counts(hr2)]);
    await relay(hr2.listener.port, { from: 'desk@it.test', to: ['desk@hr.test'] }, startMessage('desk@it.test', 'desk@hr.test', 'honest-1@it.test'));
    await runUntilQuiet(async (mail) => {
      const target = route(mail.to[0]!);
      if (target) await relay(target.listener.port, { from: mail.from, to: mail.to }, mail.raw);
    });
    const [it, hr] = await Promise.all([counts(it1), counts(hr2)]);
    // HR filed the first message and acknowledged it; IT recognised the acknowledgement as automatic.
    expect(hr.sent - before[1]!.sent).toBe(1);
    expect(it.sent - before[0]!.sent).toBe(0);
    expect(it.automated - before[0]!.automated).toBe(1);
    expect(it.inbound + hr.inbound - before[0]!.inbound - before[1]!.inbound).toBe(2);
  });

  it('stay bounded by the rate limit when a relay strips every header that says so', async () => {
    await reset();
    const before = await Promise.all([counts(it1), counts(hr2)]);
    await relay(hr2.listener.port, { from: 'desk@it.test', to: ['desk@hr.test'] }, startMessage('desk@it.test', 'desk@hr.test', 'stripped-1@it.test'));
    const rounds = await runUntilQuiet(async (mail) => {
      const target = route(mail.to[0]!);
      // The careless relay: no machine headers, and the envelope sender made up from From.
      const raw = stripMachineHeaders(mail.raw);
      if (target) await relay(target.listener.port, { from: fromHeader(raw), to: mail.to }, raw);
    });
    const [it, hr] = await Promise.all([counts(it1), counts(hr2)]);
    const sent = it.sent + hr.sent - before[0]!.sent - before[1]!.sent;
    const limit = RATE_LIMIT_PER_HOUR['auto-replied'];
    // Without the guard this would never end: each acknowledgement files a request the other side acknowledges.
    expect(sent).toBeGreaterThan(2);
    expect(sent).toBeLessThanOrEqual(2 * limit);
    expect(it.suppressed + hr.suppressed - before[0]!.suppressed - before[1]!.suppressed).toBeGreaterThanOrEqual(1);
    expect(rounds).toBeLessThan(60);
  });
});

describe('an outside responder that answers everything and hides that it is a machine', () => {
  let desk: Hallway;
  const bot = 'always-answers@outside.test';

  beforeAll(async () => {
    desk = await startHallway('desk');
    await setTeamMail(desk, 'team', 'rejects@desk.test', 'reject');
    await setTeamMail(desk, 'otherTeam', 'accepts@desk.test', 'accept');
  }, 180_000);

  it('gets at most one rejection a day, and acknowledgements up to the hourly limit, then nothing', async () => {
    let answered = 0;
    const answer = async (mail: SunkMail) => {
      // A fresh message each time, no threading, no Auto-Submitted: the worst kind of responder.
      answered += 1;
      const team = fromHeader(mail.raw);
      await relay(desk.listener.port, { from: bot, to: [team] }, startMessage(`Bot <${bot}>`, team, `bot-${answered}@outside.test`));
    };
    await relay(desk.listener.port, { from: bot, to: ['rejects@desk.test'] }, startMessage(bot, 'rejects@desk.test', 'bot-start-1@outside.test'));
    await relay(desk.listener.port, { from: bot, to: ['accepts@desk.test'] }, startMessage(bot, 'accepts@desk.test', 'bot-start-2@outside.test'));
    await runUntilQuiet(answer);

    const byKind = rowsOf<{ kind: string; status: string; count: number }>(
      await desk.t.database.db.execute(sql`select kind, status, count(*)::int as count from outbound_messages where to_address = ${bot} group by kind, status order by kind, status`),
    );
    const limit = RATE_LIMIT_PER_HOUR['auto-replied'];
    const sentOf = (kind: string) => byKind.filter((row) => row.kind === kind && row.status === 'sent').reduce((sum, row) => sum + row.count, 0);
    expect(sentOf('rejection')).toBe(1);
    expect(sentOf('acknowledgement') + sentOf('rejection')).toBeLessThanOrEqual(limit);
    expect(byKind.some((row) => row.status === 'suppressed')).toBe(true);
    expect(answered).toBeLessThanOrEqual(limit);
  });
});
