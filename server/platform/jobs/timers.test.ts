import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearTimers, openTwoCallers, type TwoCallers } from '../../../test/support/timer-databases.ts';
import type { Database } from '../db/database.ts';
import { PROBE_TIMER_KIND, probeTimerHandlers } from './probe-timer.ts';
import {
  fireDueTimers,
  MAX_TIMER_ATTEMPTS,
  nextTimerDueAt,
  scheduleTimer,
  scheduleTimers,
  type TimerFailure,
  type TimerHandlers,
} from './timers.ts';

// Instants far from the real clock: which timers are due is decided by the `now` each call passes.
const base = new Date('2030-03-01T09:00:00Z');
const at = (seconds: number) => new Date(base.getTime() + seconds * 1000);

let callers: TwoCallers;
let database: Database;

beforeAll(async () => {
  callers = await openTwoCallers();
  database = callers.first;
});
afterAll(async () => callers.close());
beforeEach(async () => clearTimers(database));

interface TimerRow extends Record<string, unknown> {
  id: number;
  firedAt: string | null;
  failedAt: string | null;
  dueAt: string;
  attempts: number;
  lastError: string | null;
}

async function timerRow(id: number): Promise<TimerRow> {
  const [row] = await database.rows<TimerRow>(
    sql`select id, to_json(fired_at) as "firedAt", to_json(failed_at) as "failedAt", to_json(due_at) as "dueAt",
          attempts, last_error as "lastError" from timers where id = ${id}`,
  );
  return row!;
}

async function probeFirings(): Promise<Array<{ timerId: number; firedBy: string }>> {
  const rows = await database.rows<{ timerId: number; firedBy: string }>(
    sql`select timer_id as "timerId", fired_by as "firedBy" from timer_probe_firings order by timer_id`,
  );
  return rows.map((row) => ({ ...row, timerId: Number(row.timerId) }));
}

const probe = (dueAt: Date) => scheduleTimer(database.db, { kind: PROBE_TIMER_KIND, dueAt });

describe('scheduling several timers at once', () => {
  it('stores each with its own due instant and payload, ids in the order given, and they fire like any other', async () => {
    expect(await scheduleTimers(database.db, [])).toEqual([]);
    const ids = await scheduleTimers(database.db, [
      { kind: PROBE_TIMER_KIND, dueAt: at(30), payload: { n: 1 } },
      { kind: PROBE_TIMER_KIND, dueAt: at(-30), payload: { n: 2 } },
      { kind: PROBE_TIMER_KIND, dueAt: at(3600) },
    ]);
    expect(ids).toHaveLength(3);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const rows = await database.rows<{ id: number; payload: Record<string, unknown>; dueAt: string }>(
      sql`select id, payload, to_json(due_at) as "dueAt" from timers order by id`,
    );
    expect(rows.map((row) => [Number(row.id), row.payload, new Date(row.dueAt).toISOString()])).toEqual([
      [ids[0], { n: 1 }, at(30).toISOString()],
      [ids[1], { n: 2 }, at(-30).toISOString()],
      [ids[2], {}, at(3600).toISOString()],
    ]);
    expect(await fireDueTimers(database, probeTimerHandlers, { now: at(60) })).toBe(2);
    expect((await probeFirings()).map((firing) => firing.timerId)).toEqual([ids[0], ids[1]]);
  });
});

describe('firing due timers', () => {
  it('fires what is due by now (due exactly now included), leaves later ones pending, and stamps the firing', async () => {
    const early = await probe(at(-60));
    const onTheDot = await probe(at(0));
    const later = await probe(at(3600));

    expect(await fireDueTimers(database, probeTimerHandlers, { now: at(0) })).toBe(2);

    expect((await probeFirings()).map(({ timerId }) => timerId)).toEqual([early, onTheDot]);
    expect(new Date((await timerRow(early)).firedAt!)).toEqual(at(0));
    expect((await timerRow(later)).firedAt).toBeNull();
    expect(await nextTimerDueAt(database.db)).toEqual(at(3600));
    // Fired once: a second pass at the same instant finds nothing.
    expect(await fireDueTimers(database, probeTimerHandlers, { now: at(0) })).toBe(0);
  });

  it('fires each timer exactly once when two callers fire at the same time', async () => {
    const ids = await Promise.all(Array.from({ length: 200 }, (_, i) => probe(at(-i))));
    const fire = (caller: Database, firedBy: string) => fireDueTimers(caller, probeTimerHandlers, { now: at(0), firedBy });
    // On a server two pools, as two processes; on PGlite concurrent calls on its one connection.
    const counts = await Promise.all([
      fire(callers.first, 'first'),
      fire(callers.second, 'second'),
      fire(callers.first, 'first'),
      fire(callers.second, 'second'),
    ]);

    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(ids.length);
    const firings = await probeFirings();
    expect(firings.map(({ timerId }) => timerId)).toEqual([...ids].sort((a, b) => a - b));
    const [{ unfired }] = (await database.rows<{ unfired: number }>(
      sql`select count(*)::int as unfired from timers where fired_at is null`,
    )) as [{ unfired: number }];
    expect(unfired).toBe(0);
  });

  it("commits a handler's writes with the firing, and rolls them back with a failure", async () => {
    const handlers: TimerHandlers = {
      'write-then-maybe-fail': async (tx, timer, context) => {
        await probeTimerHandlers[PROBE_TIMER_KIND]!(tx, timer, context);
        if (timer.payload.fail === true) throw new Error('the effect could not be completed');
      },
    };
    const succeeds = await scheduleTimer(database.db, { kind: 'write-then-maybe-fail', dueAt: at(-1), payload: { fail: false } });
    const fails = await scheduleTimer(database.db, { kind: 'write-then-maybe-fail', dueAt: at(-1), payload: { fail: true } });

    expect(await fireDueTimers(database, handlers, { now: at(0) })).toBe(1);

    expect((await probeFirings()).map(({ timerId }) => timerId)).toEqual([succeeds]);
    expect((await timerRow(succeeds)).firedAt).not.toBeNull();
    const failed = await timerRow(fails);
    expect(failed).toMatchObject({ firedAt: null, failedAt: null, attempts: 1, lastError: 'the effect could not be completed' });
    // Tried again 2 s after the failed try.
    expect(new Date(failed.dueAt)).toEqual(at(2));
  });

  it('backs off 2, 4, 8 ... seconds after each failure and gives up after the last try, without holding others up', async () => {
    const handlers: TimerHandlers = {
      ...probeTimerHandlers,
      broken: async () => {
        throw new Error('always broken');
      },
    };
    const broken = await scheduleTimer(database.db, { kind: 'broken', dueAt: at(0) });
    const failures: TimerFailure[] = [];
    let now = at(0);
    for (let attempt = 1; attempt <= MAX_TIMER_ATTEMPTS; attempt += 1) {
      await probe(now); // a healthy timer due at the same instant fires regardless
      expect(await fireDueTimers(database, handlers, { now, onFailure: (failure) => failures.push(failure) })).toBe(1);
      const row = await timerRow(broken);
      expect(row.attempts).toBe(attempt);
      expect(new Date(row.dueAt)).toEqual(new Date(now.getTime() + Math.min(2 ** attempt, 600) * 1000));
      expect(row.failedAt === null).toBe(attempt < MAX_TIMER_ATTEMPTS);
      // Not due again before its retry instant.
      expect(await fireDueTimers(database, handlers, { now: new Date(new Date(row.dueAt).getTime() - 1) })).toBe(0);
      now = new Date(row.dueAt);
    }
    expect(failures.map(({ attempts, gaveUp }) => [attempts, gaveUp])).toEqual(
      Array.from({ length: MAX_TIMER_ATTEMPTS }, (_, i) => [i + 1, i + 1 === MAX_TIMER_ATTEMPTS]),
    );
    // Given up: never tried again, and not what the loop waits for.
    expect(await fireDueTimers(database, handlers, { now: at(86_400 * 365), onFailure: (failure) => failures.push(failure) })).toBe(0);
    expect(failures).toHaveLength(MAX_TIMER_ATTEMPTS);
    expect(await nextTimerDueAt(database.db)).toBeUndefined();
    expect((await probeFirings()).length).toBe(MAX_TIMER_ATTEMPTS);
  });

  it('records a timer of a kind nobody handles as a failure instead of crashing, and fires the rest', async () => {
    const orphan = await scheduleTimer(database.db, { kind: 'from-a-newer-version', dueAt: at(-5) });
    const fine = await probe(at(-1));

    expect(await fireDueTimers(database, probeTimerHandlers, { now: at(0) })).toBe(1);

    expect((await probeFirings()).map(({ timerId }) => timerId)).toEqual([fine]);
    expect(await timerRow(orphan)).toMatchObject({ firedAt: null, attempts: 1, lastError: 'no handler for timer kind "from-a-newer-version"' });
  });

  it('keeps query values and data-exception messages (which may quote the payload) out of the recorded error', async () => {
    const handlers: TimerHandlers = {
      leaky: async (tx, timer) => {
        await tx.execute(sql`select ${String(timer.payload.secret)}::int`);
      },
    };
    const leaky = await scheduleTimer(database.db, { kind: 'leaky', dueAt: at(-1), payload: { secret: 'salary-of-ana-silva' } });

    await fireDueTimers(database, handlers, { now: at(0) });

    const { lastError, attempts } = await timerRow(leaky);
    expect(attempts).toBe(1);
    expect(lastError).toContain('params: [redacted]');
    expect(lastError).toContain('caused by 22P02'); // what went wrong, by its SQLSTATE
    expect(lastError).not.toContain('salary-of-ana-silva');
  });
});
