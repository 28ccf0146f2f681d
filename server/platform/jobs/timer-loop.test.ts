import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearTimers, openTwoCallers, until, type TwoCallers } from '../../../test/support/timer-databases.ts';
import type { Database } from '../db/database.ts';
import { PROBE_TIMER_KIND, probeTimerHandlers } from './probe-timer.ts';
import { startTimerLoop, type TimerLoop, type TimerLoopLogger } from './timer-loop.ts';
import { scheduleTimer, type TimerHandlers } from './timers.ts';

let callers: TwoCallers;
let database: Database;
let loop: TimerLoop | undefined;

beforeAll(async () => {
  callers = await openTwoCallers();
  database = callers.first;
});
afterAll(async () => callers.close());
beforeEach(async () => clearTimers(database));
afterEach(async () => {
  await loop?.stop();
  loop = undefined;
});

const silent: TimerLoopLogger = { error: () => undefined, warn: () => undefined };

function capturingLogger(): TimerLoopLogger & { lines: Array<{ level: string; details: object; message: string }> } {
  const lines: Array<{ level: string; details: object; message: string }> = [];
  return {
    lines,
    error: (details, message) => lines.push({ level: 'error', details, message }),
    warn: (details, message) => lines.push({ level: 'warn', details, message }),
  };
}

async function firedBy(timerId: number): Promise<string[]> {
  const rows = await database.rows<{ firedBy: string }>(sql`select fired_by as "firedBy" from timer_probe_firings where timer_id = ${timerId}`);
  return rows.map((row) => row.firedBy);
}

const probeDueNow = (db: Database) => scheduleTimer(db.db, { kind: PROBE_TIMER_KIND, dueAt: new Date(Date.now() - 1) });

describe('the timer loop', () => {
  it('fires a timer that was already due when it started, then one scheduled while it sleeps when nudged', async () => {
    const first = await probeDueNow(database);
    // A poll interval far longer than the test's deadline: only the nudge can wake it for the second.
    loop = startTimerLoop(database, probeTimerHandlers, { pollIntervalMs: 60_000, firedBy: 'loop', logger: silent });
    await until(async () => (await firedBy(first)).length > 0);

    const second = await probeDueNow(database);
    loop.nudge();
    await until(async () => (await firedBy(second)).length > 0);
    expect(await firedBy(first)).toEqual(['loop']);
    expect(await firedBy(second)).toEqual(['loop']);
  });

  it('sees a timer another process scheduled within its poll interval, and one due soon at its due time', async () => {
    loop = startTimerLoop(database, probeTimerHandlers, { pollIntervalMs: 200, firedBy: 'loop', logger: silent });
    // On a server, `second` is another pool, as another process would be: no nudge reaches this loop.
    const fromElsewhere = await probeDueNow(callers.second);
    const dueSoon = await scheduleTimer(callers.second.db, { kind: PROBE_TIMER_KIND, dueAt: new Date(Date.now() + 300) });
    await until(async () => (await firedBy(fromElsewhere)).length > 0 && (await firedBy(dueSoon)).length > 0);
    expect(await firedBy(fromElsewhere)).toEqual(['loop']);
    expect(await firedBy(dueSoon)).toEqual(['loop']);
  });

  it('on stop, finishes the firing in progress, claims nothing more, and resolves only then', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered = 0;
    const handlers: TimerHandlers = {
      slow: async (tx, timer, context) => {
        entered += 1;
        await gate;
        await probeTimerHandlers[PROBE_TIMER_KIND]!(tx, timer, context);
      },
    };
    const past = new Date(Date.now() - 1000);
    const inProgress = await scheduleTimer(database.db, { kind: 'slow', dueAt: past });
    const notYetClaimed = await scheduleTimer(database.db, { kind: 'slow', dueAt: new Date(past.getTime() + 1) });
    loop = startTimerLoop(database, handlers, { pollIntervalMs: 100, firedBy: 'loop', logger: silent });
    await until(() => entered === 1);

    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false); // the handler is still waiting on the gate
    release();
    await stopping;

    expect(entered).toBe(1);
    expect(await firedBy(inProgress)).toEqual(['loop']);
    const [pending] = await database.rows<{ firedAt: string | null }>(sql`select fired_at as "firedAt" from timers where id = ${notYetClaimed}`);
    expect(pending?.firedAt).toBeNull();
  });

  it('logs a failing timer by id and kind, without its payload or query values, and keeps going', async () => {
    const logger = capturingLogger();
    const handlers: TimerHandlers = {
      ...probeTimerHandlers,
      leaky: async (tx, timer) => {
        await tx.execute(sql`select ${String(timer.payload.secret)}::int`);
      },
    };
    const leaky = await scheduleTimer(database.db, { kind: 'leaky', dueAt: new Date(Date.now() - 1), payload: { secret: 'salary-of-ana-silva' } });
    const healthy = await probeDueNow(database);
    loop = startTimerLoop(database, handlers, { pollIntervalMs: 100, firedBy: 'loop', logger });
    await until(async () => logger.lines.length > 0 && (await firedBy(healthy)).length > 0);

    expect(logger.lines[0]).toMatchObject({
      level: 'warn',
      details: { timerId: leaky, kind: 'leaky', attempts: 1, error: { cause: { code: '22P02' } } },
    });
    expect(JSON.stringify(logger.lines)).not.toContain('salary-of-ana-silva');
  });

  it('when the database fails, logs it and tries again later and later instead of stopping or spinning', async () => {
    const logger = capturingLogger();
    // Every firing transaction fails, as while the database restarts.
    const unreachable = { ...database, db: { transaction: () => Promise.reject(new Error('connection terminated')) } };
    loop = startTimerLoop(unreachable as unknown as Database, probeTimerHandlers, { pollIntervalMs: 20, firedBy: 'loop', logger });
    await until(() => logger.lines.length >= 4);
    await loop.stop();

    expect(logger.lines.slice(0, 4).map(({ level, message, details }) => [level, message, (details as { retryInMs: number }).retryInMs])).toEqual([
      ['error', 'timer loop could not fire timers', 20],
      ['error', 'timer loop could not fire timers', 40],
      ['error', 'timer loop could not fire timers', 80],
      ['error', 'timer loop could not fire timers', 160],
    ]);
  });
});
