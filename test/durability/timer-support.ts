import { hostname } from 'node:os';
import { sql } from 'drizzle-orm';
import type { Database } from '../../server/platform/db/database.ts';
import { PROBE_TIMER_KIND } from '../../server/platform/jobs/probe-timer.ts';
import { scheduleTimer } from '../../server/platform/jobs/timers.ts';
import type { ServerProcess } from '../support/processes.ts';

/** What `hallway serve` records as firedBy on its probe firings (main.ts: hostname and pid). */
export const firedByOf = (server: ServerProcess) => `${hostname()}:${server.child.pid}`;

export interface Scheduled {
  id: number;
  dueAt: Date;
}

/** Probe timers due from `first` on, `spacingMs` apart; inserted a few at a time, as requests would. */
export async function scheduleProbes(database: Database, count: number, first: Date, spacingMs: number): Promise<Scheduled[]> {
  const scheduled: Scheduled[] = [];
  for (let start = 0; start < count; start += 50) {
    const batch = Array.from({ length: Math.min(50, count - start) }, (_, i) => new Date(first.getTime() + (start + i) * spacingMs));
    const ids = await Promise.all(batch.map((dueAt) => scheduleTimer(database.db, { kind: PROBE_TIMER_KIND, dueAt })));
    ids.forEach((id, i) => scheduled.push({ id, dueAt: batch[i]! }));
  }
  return scheduled;
}

export interface ProbeFiring extends Record<string, unknown> {
  timerId: number;
  firedBy: string;
  /** fired_at - due_at */
  lagMs: number;
}

export async function probeFirings(database: Database): Promise<ProbeFiring[]> {
  const rows = await database.rows<ProbeFiring>(
    sql`select timer_id as "timerId", fired_by as "firedBy",
          (extract(epoch from fired_at - due_at) * 1000)::float8 as "lagMs"
        from timer_probe_firings order by timer_id`,
  );
  return rows.map((row) => ({ ...row, timerId: Number(row.timerId), lagMs: Number(row.lagMs) }));
}

/** The ids fired more than once, and those scheduled but never fired. */
export function onceEach(scheduled: Scheduled[], firings: ProbeFiring[]): { twice: number[]; missing: number[] } {
  const times = new Map<number, number>();
  for (const { timerId } of firings) times.set(timerId, (times.get(timerId) ?? 0) + 1);
  return {
    twice: [...times].filter(([, n]) => n > 1).map(([id]) => id),
    missing: scheduled.filter(({ id }) => !times.has(id)).map(({ id }) => id),
  };
}

/** Probe timers not fired yet (the daily cleanup, due tomorrow, is not one of them). */
export async function unfiredTimers(database: Database): Promise<number> {
  const [row] = await database.rows<{ unfired: number }>(sql`select count(*)::int as unfired from timers where fired_at is null and kind = 'probe'`);
  return row?.unfired ?? -1;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Pending daily cleanups: exactly one, however many processes started together. */
export async function pendingCleanups(database: Database): Promise<number> {
  const [row] = await database.rows<{ pending: number }>(
    sql`select count(*)::int as pending from timers where kind = 'timers.cleanup' and fired_at is null`,
  );
  return row?.pending ?? -1;
}
