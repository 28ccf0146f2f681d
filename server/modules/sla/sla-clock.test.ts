import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, isOpen, type BusinessCalendar, type Weekday } from '../calendars/business-time.ts';
import {
  countedMinutes,
  pauseClock,
  remainingMinutes,
  restartClock,
  resumeClock,
  retargetClock,
  startClock,
  stopClock,
  type ClockCalendar,
  type ClockState,
} from './sla-clock.ts';

const MINUTE = 60_000;
const at = (iso: string) => new Date(iso);

/** London office hours, Monday to Friday 09:00-17:00, closed on 2026-03-04 (a Wednesday). */
const office: BusinessCalendar = {
  timeZone: 'Europe/London',
  weekly: ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
  closures: [{ startsOn: '2026-03-04', endsOn: '2026-03-04' }],
};
const target = { targetMinutes: 240, warnAtPercent: 75 };

describe('the clock on a calendar', () => {
  it('starts running: due and warning in business time, across the night', () => {
    const clock = startClock(office, at('2026-03-02T15:00:00Z'), target, { paused: false });
    expect(clock.dueAt).toEqual(at('2026-03-03T11:00:00Z')); // 2h Monday, 2h Tuesday
    expect(clock.warnAt).toEqual(at('2026-03-03T10:00:00Z')); // 180 minutes
  });

  it('a clock started at night starts at opening', () => {
    const clock = startClock(office, at('2026-03-02T06:00:00Z'), target, { paused: false });
    expect(clock.dueAt).toEqual(at('2026-03-02T13:00:00Z'));
  });

  it('starts paused (waiting for approval): no due instant until it resumes', () => {
    const paused = startClock(office, at('2026-03-02T09:00:00Z'), target, { paused: true });
    expect(paused).toMatchObject({ runningSince: null, dueAt: null, warnAt: null, consumedMinutes: 0 });
    const running = resumeClock(office, paused, at('2026-03-02T10:00:00Z'));
    expect(running.dueAt).toEqual(at('2026-03-02T14:00:00Z'));
  });

  it('pausing banks business time; resuming moves due by the paused business time, skipping the closed day', () => {
    let clock = startClock(office, at('2026-03-02T09:00:00Z'), target, { paused: false });
    clock = pauseClock(office, clock, at('2026-03-02T10:00:00Z'));
    expect(clock.consumedMinutes).toBe(60);
    clock = resumeClock(office, clock, at('2026-03-03T16:00:00Z'));
    // 180 left: 60 Tuesday, Wednesday closed, 120 Thursday.
    expect(clock.dueAt).toEqual(at('2026-03-05T11:00:00Z'));
  });

  it('stops met at or before due and missed after, counting pauses', () => {
    const clock = startClock(office, at('2026-03-02T09:00:00Z'), target, { paused: false });
    expect(stopClock(office, clock, at('2026-03-02T13:00:00Z')).met).toBe('met');
    expect(stopClock(office, clock, at('2026-03-02T13:00:01Z')).met).toBe('missed');
    const pausedTwoHours = resumeClock(office, pauseClock(office, clock, at('2026-03-02T10:00:00Z')), at('2026-03-02T12:00:00Z'));
    expect(stopClock(office, pausedTwoHours, at('2026-03-02T14:59:00Z')).met).toBe('met');
    const stoppedWhilePaused = stopClock(office, pauseClock(office, clock, at('2026-03-02T12:00:00Z')), at('2026-03-09T12:00:00Z'));
    expect(stoppedWhilePaused).toMatchObject({ met: 'met', consumedMinutes: 180 });
  });

  it('a clock that never counted a minute is neither met nor missed when it stops (rejected while waiting for approval)', () => {
    const waiting = startClock(office, at('2026-03-02T09:00:00Z'), target, { paused: true });
    expect(stopClock(office, waiting, at('2026-03-04T09:00:00Z'))).toMatchObject({ met: null, stoppedAt: at('2026-03-04T09:00:00Z'), consumedMinutes: 0 });
    // Filed at night and answered before opening: it ran, and the team kept its word.
    const night = startClock(office, at('2026-03-02T03:00:00Z'), target, { paused: false });
    expect(stopClock(office, night, at('2026-03-02T07:00:00Z')).met).toBe('met');
  });

  it('a breached clock is missed however it stops', () => {
    const clock: ClockState = { ...startClock(office, at('2026-03-02T09:00:00Z'), target, { paused: false }), breachedAt: at('2026-03-02T13:00:00Z') };
    expect(stopClock(office, clock, at('2026-03-02T12:00:00Z')).met).toBe('missed');
  });

  it('retargeting keeps what ran: a shorter target may be due at once', () => {
    const clock = startClock(office, at('2026-03-02T09:00:00Z'), target, { paused: false });
    const shorter = retargetClock(office, clock, at('2026-03-02T11:00:00Z'), 60);
    expect(shorter).toMatchObject({ targetMinutes: 60, consumedMinutes: 120, dueAt: at('2026-03-02T11:00:00Z') });
    const longer = retargetClock(office, clock, at('2026-03-02T11:00:00Z'), 480);
    expect(longer.dueAt).toEqual(at('2026-03-02T17:00:00Z'));
    const whilePaused = retargetClock(office, pauseClock(office, clock, at('2026-03-02T10:00:00Z')), at('2026-03-02T11:00:00Z'), 30);
    expect(whilePaused).toMatchObject({ targetMinutes: 30, dueAt: null });
  });

  it('a reopened (restarted) clock counts on from what it ran', () => {
    const stopped = stopClock(office, startClock(office, at('2026-03-02T09:00:00Z'), target, { paused: false }), at('2026-03-02T11:00:00Z'));
    const reopened = restartClock(office, stopped, at('2026-03-02T15:00:00Z'), { paused: false });
    expect(reopened).toMatchObject({ stoppedAt: null, met: null, consumedMinutes: 120, dueAt: at('2026-03-02T17:00:00Z') });
  });

  it('a warning share passed while paused and unwarned warns on resume', () => {
    let clock = startClock(office, at('2026-03-02T09:00:00Z'), target, { paused: false });
    clock = resumeClock(office, pauseClock(office, clock, at('2026-03-02T12:30:00Z')), at('2026-03-02T14:00:00Z'));
    expect(clock.warnAt).toEqual(at('2026-03-02T14:00:00Z'));
    const warned = resumeClock(office, pauseClock(office, { ...clock, warnedAt: clock.warnAt }, at('2026-03-02T14:10:00Z')), at('2026-03-02T15:00:00Z'));
    expect(warned.warnAt).toBeNull();
  });

  it('remaining minutes go negative past due', () => {
    const clock = startClock(office, at('2026-03-02T09:00:00Z'), target, { paused: false });
    expect(remainingMinutes(office, clock, at('2026-03-02T10:00:00Z'))).toBe(180);
    expect(remainingMinutes(office, clock, at('2026-03-02T14:00:00Z'))).toBe(-60);
  });
});

describe('the clock without a calendar counts every minute', () => {
  it('due is the target in wall-clock minutes, pauses included', () => {
    let clock = startClock(null, at('2026-03-07T22:00:00Z'), target, { paused: false });
    expect(clock.dueAt).toEqual(at('2026-03-08T02:00:00Z'));
    clock = resumeClock(null, pauseClock(null, clock, at('2026-03-07T23:00:00Z')), at('2026-03-08T01:00:00Z'));
    expect(clock.dueAt).toEqual(at('2026-03-08T04:00:00Z'));
  });
});

// --- Properties --------------------------------------------------------------------------------------

const ZONES = ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'] as const;
const FROM = Date.UTC(2026, 0, 1);
const SPAN = 200 * 86_400_000;

const intervalArb = fc
  .tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 22 }), fc.integer({ min: 1, max: 10 }))
  .map(([weekday, startHour, hours]) => ({
    weekday: weekday as Weekday,
    start: `${String(startHour).padStart(2, '0')}:00`,
    end: `${String(Math.min(24, startHour + hours)).padStart(2, '0')}:00`,
  }));
const calendarArb: fc.Arbitrary<ClockCalendar> = fc.oneof(
  fc.constant(null),
  fc.record({
    timeZone: fc.constantFrom(...ZONES),
    // One interval per weekday at most, so no overlaps; at least one, so the calendar opens.
    weekly: fc.uniqueArray(intervalArb, { minLength: 1, maxLength: 7, selector: (interval) => interval.weekday }),
    closures: fc.array(
      fc.integer({ min: 0, max: 200 }).map((day) => {
        const date = new Date(FROM + day * 86_400_000).toISOString().slice(0, 10);
        return { startsOn: date, endsOn: date };
      }),
      { maxLength: 4 },
    ),
  }),
);
const instantArb = fc.integer({ min: FROM / MINUTE, max: (FROM + SPAN) / MINUTE }).map((minute) => new Date(minute * MINUTE));
const targetArb = fc.record({ targetMinutes: fc.integer({ min: 1, max: 5_000 }), warnAtPercent: fc.integer({ min: 1, max: 99 }) });
const sorted = (...instants: Date[]) => [...instants].sort((a, b) => a.getTime() - b.getTime());

describe('clock properties', () => {
  it('pausing for any span adds exactly the paused business time to the due instant', () => {
    fc.assert(
      fc.property(calendarArb, targetArb, instantArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 20_000 }), (calendar, t, start, share, pauseLength) => {
        const running = startClock(calendar, start, t, { paused: false });
        // Pause somewhere before the clock is due, and resume pauseLength minutes later.
        const pauseAt = new Date(start.getTime() + Math.floor(share * (running.dueAt!.getTime() - start.getTime())));
        const resumeAt = new Date(pauseAt.getTime() + pauseLength * MINUTE);
        const resumed = resumeClock(calendar, pauseClock(calendar, running, pauseAt), resumeAt);
        const paused = countedMinutes(calendar, pauseAt, resumeAt);
        expect(resumed.dueAt!.getTime()).toBeGreaterThanOrEqual(running.dueAt!.getTime());
        expect(countedMinutes(calendar, running.dueAt!, resumed.dueAt!)).toBeCloseTo(paused, 6);
      }),
      { numRuns: 150 },
    );
  });

  it('a due instant is never strictly inside closed time, and the target is exactly what it counts', () => {
    fc.assert(
      fc.property(calendarArb, targetArb, instantArb, instantArb, (calendar, t, a, b) => {
        const [start, pauseAt] = sorted(a, b) as [Date, Date];
        let clock = startClock(calendar, start, t, { paused: false });
        if (pauseAt.getTime() < clock.dueAt!.getTime()) clock = resumeClock(calendar, pauseClock(calendar, clock, pauseAt), new Date(pauseAt.getTime() + 3 * 3_600_000));
        const due = clock.dueAt!;
        if (calendar) expect(isOpen(calendar, due) || isOpen(calendar, new Date(due.getTime() - 1))).toBe(true);
        const counted = clock.consumedMinutes + countedMinutes(calendar, clock.runningSince!, due);
        expect(counted).toBeCloseTo(t.targetMinutes, 6);
      }),
      { numRuns: 150 },
    );
  });

  it('a stopped clock consumed exactly its running spans, and is met exactly when that is within the target', () => {
    fc.assert(
      fc.property(calendarArb, targetArb, fc.array(instantArb, { minLength: 4, maxLength: 4 }), (calendar, t, instants) => {
        const [start, pauseAt, resumeAt, stopAt] = sorted(...instants) as [Date, Date, Date, Date];
        let clock = startClock(calendar, start, t, { paused: false });
        clock = resumeClock(calendar, pauseClock(calendar, clock, pauseAt), resumeAt);
        const stopped = stopClock(calendar, clock, stopAt);
        const ran = countedMinutes(calendar, start, pauseAt) + countedMinutes(calendar, resumeAt, stopAt);
        expect(stopped.consumedMinutes).toBeCloseTo(ran, 6);
        // Met means stopped by the due instant without having overshot before the pause.
        const byDue = stopAt.getTime() <= clock.dueAt!.getTime() && ran <= t.targetMinutes + 1e-6;
        expect(stopped.met).toBe(byDue ? 'met' : 'missed');
        if (stopped.met === 'met') expect(ran).toBeLessThanOrEqual(t.targetMinutes + 1e-6);
        else expect(ran).toBeGreaterThanOrEqual(t.targetMinutes - 1e-6);
      }),
      { numRuns: 150 },
    );
  });

  it('the warning comes before the due instant, at the warning share', () => {
    fc.assert(
      fc.property(calendarArb, targetArb, instantArb, (calendar, t, start) => {
        const clock = startClock(calendar, start, t, { paused: false });
        expect(clock.warnAt!.getTime()).toBeLessThanOrEqual(clock.dueAt!.getTime());
        expect(countedMinutes(calendar, start, clock.warnAt!)).toBeCloseTo((t.targetMinutes * t.warnAtPercent) / 100, 4);
      }),
      { numRuns: 100 },
    );
  });

  it('agrees with the engine: without pauses, due is addBusinessMinutes(start, target)', () => {
    fc.assert(
      fc.property(calendarArb, targetArb, instantArb, (calendar, t, start) => {
        fc.pre(calendar !== null);
        const clock = startClock(calendar, start, t, { paused: false });
        expect(clock.dueAt).toEqual(addBusinessMinutes(calendar!, start, t.targetMinutes));
        expect(businessMinutesBetween(calendar!, start, clock.dueAt!)).toBeCloseTo(t.targetMinutes, 6);
      }),
      { numRuns: 50 },
    );
  });
});
