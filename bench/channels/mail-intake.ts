// Inbound e-mail throughput: from SMTP accept to request visible, against a bare SMTP intake run side
// by side in the same process on the same database (one INSERT of the raw bytes, then 250).
//
// Per database: a team with an inbound address and known senders; N messages sent with nodemailer
// over a pool of C connections. Hallway's side is what `hallway serve` runs: the SMTP listener
// (250 once the raw message and its email.process timer committed) and the timer loop (parsing,
// threading, filing the request), with the agent's request list read every --visible-poll-ms.
//   accepts/s        N / (last 250 - first send), both sides
//   end to end/s     N / (last request visible - first send), Hallway only; the baseline's message
//                    is "visible" (committed) at its 250, so it is compared with the baseline's accepts/s
//   accept->visible  per message: first seen in GET /api/v1/requests minus its 250 (p50, p95, max)
// The two sides alternate for --rounds rounds; medians are reported.
// Usage: npm run bench:mail -- [--db pglite|postgres|both] [--messages 500] [--connections 4] [--rounds 3]
//        [--poll-ms 500] [--visible-poll-ms 100] [--timeout-seconds 600] [--warmup 20]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { domainTimerHandlers } from '../../server/modules/domain-timers.ts';
import { startSmtpListener } from '../../server/modules/channels/email/smtp-listener.ts';
import type { Database } from '../../server/platform/db/database.ts';
import { runMigrations } from '../../server/platform/db/migrate.ts';
import { startTimerLoop } from '../../server/platform/jobs/timer-loop.ts';
import { openBenchDatabase } from '../bench-database.ts';
import { startBareSmtpIntake } from './bare-smtp-intake.ts';
import { benchEachDatabase, buildBenchDesk, call, median, quantile, round1, round2, runTag, type BenchDesk } from './bench-desk.ts';
import { watchRequestVisibility } from './request-visibility.ts';

const { values: options } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    messages: { type: 'string', default: '500' },
    connections: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '3' },
    'poll-ms': { type: 'string', default: '500' },
    'visible-poll-ms': { type: 'string', default: '100' },
    'timeout-seconds': { type: 'string', default: '600' },
    warmup: { type: 'string', default: '20' },
  },
});
const messageCount = Number(options.messages);
const connections = Number(options.connections);
const rounds = Number(options.rounds);
const timerPollMs = Number(options['poll-ms']);
const visiblePollMs = Number(options['visible-poll-ms']);
const timeoutMs = Number(options['timeout-seconds']) * 1000;
const warmupCount = Number(options.warmup);
const TEAM_ADDRESS = 'desk@bench.example';

interface Sent {
  subjects: string[];
  startedAt: number;
  /** performance.now() of each message's 250, in the order of `subjects`. */
  acceptedAt: number[];
}

/** N messages from the team's employees, over a pool of `connections` SMTP connections. */
async function sendMessages(port: number, desk: BenchDesk, tag: string, count = messageCount): Promise<Sent> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, pool: true, maxConnections: connections, maxMessages: Infinity });
  const subjects = Array.from({ length: count }, (_, i) => `Bench ${tag} #${i}`);
  const acceptedAt: number[] = new Array(count);
  const startedAt = performance.now();
  try {
    await Promise.all(
      subjects.map(async (subject, i) => {
        const info = await transport.sendMail({
          from: desk.employees[i % desk.employees.length]!.email,
          to: TEAM_ADDRESS,
          subject,
          messageId: `<bench-${tag}-${i}@bench.example>`,
          text: `My laptop will not start after the update (${subject}).\n\nThanks`,
        });
        if (info.accepted.length !== 1) throw new Error(`${subject} was not accepted: ${info.response}`);
        acceptedAt[i] = performance.now();
      }),
    );
  } finally {
    transport.close();
  }
  return { subjects, startedAt, acceptedAt };
}

const perSecond = (count: number, fromMs: number, toMs: number) => Math.round((count * 1000) / (toMs - fromMs));

async function baselineRound(port: number, desk: BenchDesk, count = messageCount) {
  const sent = await sendMessages(port, desk, `base-${runTag()}`, count);
  return { acceptsPerSecond: perSecond(count, sent.startedAt, Math.max(...sent.acceptedAt)) };
}

async function hallwayRound(port: number, desk: BenchDesk, database: Database, count = messageCount) {
  const tag = runTag();
  const watch = watchRequestVisibility(desk, `Bench ${tag} #`, count, { pollMs: visiblePollMs, timeoutMs });
  try {
    const sent = await sendMessages(port, desk, tag, count);
    await watch.done;
    const latencies = sent.subjects.map((subject, i) => watch.seenAt.get(subject)! - sent.acceptedAt[i]!);
    const lastVisible = Math.max(...watch.seenAt.values());
    // For the record: a held, rejected or failed message files no request, so the watch would
    // already have timed out; this says which it was.
    const outcomes = await database.rows<{ status: string; count: number }>(sql`select status, count(*)::int as count from inbound_messages
      where message_key like ${`id:bench-${tag}-%`} group by status`);
    return {
      acceptsPerSecond: perSecond(count, sent.startedAt, Math.max(...sent.acceptedAt)),
      endToEndPerSecond: perSecond(count, sent.startedAt, lastVisible),
      acceptToVisibleMs: { p50: Math.round(quantile(latencies, 0.5)), p95: Math.round(quantile(latencies, 0.95)), max: Math.round(Math.max(...latencies)) },
      outcomes: Object.fromEntries(outcomes.map(({ status, count }) => [status, count])),
      processingMsPerMessage: await processingGap(database, tag),
    };
  } finally {
    watch.stop();
  }
}

/**
 * The timer loop fires one email.process at a time, and `processed_at` is its transaction's start:
 * the median gap between consecutive ones is what processing one message costs while the loop is
 * busy (parse, thread, file the request with its reactions), apart from the wait for a poll.
 */
async function processingGap(database: Database, tag: string): Promise<number> {
  const rows = await database.rows<{ gapMs: number }>(sql`select extract(epoch from processed_at - lag(processed_at) over (order by processed_at)) * 1000 as "gapMs"
    from inbound_messages where message_key like ${`id:bench-${tag}-%`} and processed_at is not null`);
  return round1(median(rows.slice(1).map(({ gapMs }) => Number(gapMs))));
}

async function benchDatabase(kind: 'pglite' | 'postgres') {
  const { database, dispose } = await openBenchDatabase(kind, 'mail');
  try {
    await runMigrations(database);
    const desk = await buildBenchDesk(database, { employees: 20 });
    await call(desk.app, { method: 'PUT', url: `/api/v1/admin/teams/${desk.team.slug}/mail`, headers: desk.adminHeaders, payload: { inboundAddress: TEAM_ADDRESS, unknownSenderRule: 'hold' } });
    const bare = await startBareSmtpIntake(database);
    const listener = await startSmtpListener(database, { port: 0, host: '127.0.0.1' });
    const timers = startTimerLoop(database, domainTimerHandlers, { pollIntervalMs: timerPollMs, firedBy: 'bench', logger: console });
    try {
      // Unmeasured: both sides' first connections and first queries (prepared, planned, cached),
      // Hallway's until its requests are visible, so no warm-up work runs into the first round.
      await baselineRound(bare.port, desk, warmupCount);
      await hallwayRound(listener.port, desk, database, warmupCount);
      const base = [];
      const ours = [];
      for (let round = 0; round < rounds; round += 1) {
        base.push(await baselineRound(bare.port, desk));
        ours.push(await hallwayRound(listener.port, desk, database));
        console.log(JSON.stringify({ database: kind, round, baseline: base.at(-1), hallway: ours.at(-1) }));
      }
      const baselineAccepts = median(base.map((r) => r.acceptsPerSecond));
      const hallwayAccepts = median(ours.map((r) => r.acceptsPerSecond));
      const hallwayEndToEnd = median(ours.map((r) => r.endToEndPerSecond));
      const row = {
        database: kind,
        messages: messageCount,
        connections,
        rounds,
        timerPollMs,
        visiblePollMs,
        loadAverage: round1(loadavg()[0]!),
        baselineAcceptsPerSecond: baselineAccepts,
        hallwayAcceptsPerSecond: hallwayAccepts,
        acceptRatio: round2(hallwayAccepts / baselineAccepts),
        hallwayEndToEndPerSecond: hallwayEndToEnd,
        endToEndRatio: round2(hallwayEndToEnd / baselineAccepts),
        acceptToVisibleMs: {
          p50: median(ours.map((r) => r.acceptToVisibleMs.p50)),
          p95: median(ours.map((r) => r.acceptToVisibleMs.p95)),
          max: Math.max(...ours.map((r) => r.acceptToVisibleMs.max)),
        },
        processingMsPerMessage: median(ours.map((r) => r.processingMsPerMessage)),
        outcomes: ours.map((r) => r.outcomes),
      };
      console.log(JSON.stringify(row));
      return row;
    } finally {
      await timers.stop();
      await Promise.all([listener.close(), bare.close()]);
      await desk.app.close();
    }
  } finally {
    await dispose();
  }
}

await benchEachDatabase(options.db, 'mail-intake', benchDatabase);
