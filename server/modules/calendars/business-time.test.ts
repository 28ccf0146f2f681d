import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  isOpen,
  nextClose,
  nextOpen,
  type BusinessCalendar,
  type Closure,
  type WeeklyInterval,
  type Weekday,
} from './business-time.ts';

const MINUTE = 60_000;
const ZONES = ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'] as const;
const YEAR_START = Date.UTC(2024, 0, 1);
const YEAR_END = Date.UTC(2025, 0, 1);

// --- The naive reference: read the wall clock minute by minute, no spans, no offsets. ---------------

function hhmm(text: string): number {
  const [hours, minutes] = text.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** The local wall clock's fields, read straight from Intl, one instant at a time. */
function wallClock(timeZone: string, instant: number): Record<string, string> {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    wallClocks.set(timeZone, format);
  }
  return Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
}

const WEEKDAYS = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function naiveIsOpen(calendar: BusinessCalendar, instant: number): boolean {
  const local = wallClock(calendar.timeZone, instant);
  const minuteOfDay = Number(local.hour) * 60 + Number(local.minute);
  const date = `${local.year}-${local.month}-${local.day}`;
  const dateTime = `${date}T${local.hour}:${local.minute}`;
  const inWeek = calendar.weekly.some(
    (interval) =>
      WEEKDAYS[interval.weekday] === local.weekday && minuteOfDay >= hhmm(interval.start) && minuteOfDay < hhmm(interval.end),
  );
  const closed = (calendar.closures ?? []).some((closure) =>
    'startsOn' in closure
      ? date >= closure.startsOn && date <= closure.endsOn
      : dateTime >= closure.startsAt && dateTime < closure.endsAt,
  );
  return inWeek && !closed;
}

function naiveAdd(calendar: BusinessCalendar, from: number, minutes: number): number {
  let instant = from;
  while (!naiveIsOpen(calendar, instant)) instant += MINUTE;
  for (let counted = 0; counted < minutes; instant += MINUTE) {
    if (naiveIsOpen(calendar, instant)) counted += 1;
  }
  return instant;
}

function naiveBetween(calendar: BusinessCalendar, from: number, to: number): number {
  let counted = 0;
  for (let instant = from; instant < to; instant += MINUTE) if (naiveIsOpen(calendar, instant)) counted += 1;
  return counted;
}

// --- Generators --------------------------------------------------------------------------------

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

// Quarter-hour boundaries, and whole days, so some intervals straddle the DST changes at 01:00-03:00.
const intervalArb: fc.Arbitrary<WeeklyInterval> = fc
  .tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 96 }))
  .map(([weekday, startQuarter, length]) => ({
    weekday: weekday as Weekday,
    start: clock(startQuarter * 15),
    end: clock(Math.min(96, startQuarter + length) * 15),
  }));

const dayArb = fc.integer({ min: 0, max: 365 }).map((day) => new Date(YEAR_START + day * 86_400_000).toISOString().slice(0, 10));

const closureArb: fc.Arbitrary<Closure> = fc.oneof(
  fc.tuple(dayArb, fc.integer({ min: 0, max: 3 })).map(([startsOn, extra]) => ({
    startsOn,
    endsOn: new Date(Date.parse(startsOn) + extra * 86_400_000).toISOString().slice(0, 10),
  })),
  fc.tuple(dayArb, fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 40 })).map(([day, quarter, length]) => {
    const start = Date.parse(day) + quarter * 15 * MINUTE;
    const local = (ms: number) => new Date(ms).toISOString().slice(0, 16);
    return { startsAt: local(start), endsAt: local(start + length * 15 * MINUTE) };
  }),
);

const calendarArb: fc.Arbitrary<BusinessCalendar> = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  weekly: fc.array(intervalArb, { minLength: 1, maxLength: 10 }),
  closures: fc.array(closureArb, { maxLength: 8 }),
});

const instantArb = fc.integer({ min: YEAR_START, max: YEAR_END }).map((ms) => new Date(ms));
const minuteInstantArb = fc.integer({ min: YEAR_START / MINUTE, max: YEAR_END / MINUTE }).map((m) => new Date(m * MINUTE));
// Half the reference cases start within three days before a 2024 clock change in one of the zones.
const CLOCK_CHANGES = ['2024-03-10', '2024-03-31', '2024-04-07', '2024-10-06', '2024-10-27', '2024-11-03'];
const nearClockChangeArb = fc
  .tuple(fc.constantFrom(...CLOCK_CHANGES), fc.integer({ min: -3 * 1440, max: 0 }))
  .map(([day, minutes]) => new Date(Date.parse(day) + minutes * MINUTE));

const officeHours = (timeZone: string, closures: Closure[] = []): BusinessCalendar => ({
  timeZone,
  weekly: ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start: '09:00', end: '17:30' })),
  closures,
});

// --- Properties ----------------------------------------------------------------------------------

describe('business time, as properties', () => {
  it('measuring what was added gives back the minutes', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 0, max: 20_000 }), (calendar, from, minutes) => {
        const due = addBusinessMinutes(calendar, from, minutes);
        expect(businessMinutesBetween(calendar, from, due)).toBe(minutes);
      }),
      { numRuns: 200 },
    );
  });

  it('never lands inside closed hours or a closure', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 0, max: 20_000 }), (calendar, from, minutes) => {
        const due = addBusinessMinutes(calendar, from, minutes);
        // Zero lands on an open instant; a positive budget ends a minute that was open.
        if (minutes === 0) expect(isOpen(calendar, due)).toBe(true);
        else expect(isOpen(calendar, new Date(due.getTime() - 1))).toBe(true);
        expect(isOpen(calendar, nextOpen(calendar, from))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('adding a then b is adding a + b', () => {
    fc.assert(
      fc.property(
        calendarArb, instantArb, fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 1, max: 5_000 }),
        (calendar, from, a, b) => {
          const stepwise = addBusinessMinutes(calendar, addBusinessMinutes(calendar, from, a), b);
          expect(stepwise).toEqual(addBusinessMinutes(calendar, from, a + b));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a pause adds exactly the business time paused', () => {
    fc.assert(
      fc.property(
        calendarArb, minuteInstantArb, fc.integer({ min: 1, max: 5_000 }), fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 20_000 }),
        (calendar, from, target, pauseAt, pauseLength) => {
          // The pause starts before the unpaused due time, while the clock still runs.
          const unpausedDue = addBusinessMinutes(calendar, from, target);
          const pauseStart = new Date(from.getTime() + Math.floor(((unpausedDue.getTime() - from.getTime()) * pauseAt) / MINUTE) * MINUTE);
          const pauseEnd = new Date(pauseStart.getTime() + pauseLength * MINUTE);
          const usedBeforePause = businessMinutesBetween(calendar, from, pauseStart);
          fc.pre(usedBeforePause < target);
          const paused = businessMinutesBetween(calendar, pauseStart, pauseEnd);
          const resumedDue = addBusinessMinutes(calendar, pauseEnd, target - usedBeforePause);
          expect(resumedDue).toEqual(addBusinessMinutes(calendar, from, target + paused));
          expect(businessMinutesBetween(calendar, from, resumedDue) - paused).toBe(target);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a year of random cases agrees with the naive minute-by-minute reference', () => {
    // Denser weeks than above, so the naive walk stays short enough to run hundreds of cases.
    const weekArb = calendarArb.chain((calendar) =>
      fc.array(intervalArb, { minLength: 5, maxLength: 12 }).map((weekly) => ({ ...calendar, weekly })),
    );
    fc.assert(
      fc.property(weekArb, fc.oneof(minuteInstantArb, nearClockChangeArb), fc.integer({ min: 0, max: 600 }), (calendar, from, minutes) => {
        const due = addBusinessMinutes(calendar, from, minutes);
        fc.pre(due.getTime() - from.getTime() <= 14 * 86_400_000);
        const reference = naiveAdd(calendar, from.getTime(), minutes);
        expect(due.toISOString()).toBe(new Date(reference).toISOString());
        const to = reference + 97 * MINUTE;
        expect(businessMinutesBetween(calendar, from, new Date(to))).toBe(naiveBetween(calendar, from.getTime(), to));
        expect(isOpen(calendar, from)).toBe(naiveIsOpen(calendar, from.getTime()));
      }),
      { numRuns: 250 },
    );
  }, 60_000);
});

// --- Daylight-saving changes, by hand ------------------------------------------------------------

const allDay = (timeZone: string, weekday: Weekday, start = '00:00', end = '24:00'): BusinessCalendar => ({
  timeZone,
  weekly: [{ weekday, start, end }],
});
const at = (iso: string) => new Date(iso);

describe('business time across daylight-saving changes', () => {
  it.each([
    // zone, the Sunday of the change, business minutes in that local day, in its 01:00-02:00 / 02:00-03:00 hour
    ['Europe/London', '2024-03-31', 23 * 60, '01:00', '02:00', 0],
    ['Europe/London', '2024-10-27', 25 * 60, '01:00', '02:00', 120],
    ['America/New_York', '2024-03-10', 23 * 60, '02:00', '03:00', 0],
    ['America/New_York', '2024-11-03', 25 * 60, '01:00', '02:00', 120],
    ['Australia/Sydney', '2024-04-07', 25 * 60, '02:00', '03:00', 120],
    ['Australia/Sydney', '2024-10-06', 23 * 60, '02:00', '03:00', 0],
  ] as const)('%s on %s', (timeZone, day, dayMinutes, start, end, hourMinutes) => {
    const midnight = DateTime.fromISO(day, { zone: timeZone });
    const from = midnight.toJSDate();
    const to = midnight.plus({ days: 1 }).toJSDate();
    expect(businessMinutesBetween(allDay(timeZone, 7), from, to)).toBe(dayMinutes);
    expect(businessMinutesBetween(allDay(timeZone, 7, start, end), from, to)).toBe(hourMinutes);
    // A whole-day budget started at midnight ends at the next midnight, however long the day was.
    expect(addBusinessMinutes(allDay(timeZone, 7), from, dayMinutes)).toEqual(to);
  });

  it('office hours across the New York spring change count wall-clock hours', () => {
    const calendar = officeHours('America/New_York');
    // Friday 16:00 EST (21:00Z) + 120 min: 90 on Friday, 30 on Monday -> 09:30 EDT (13:30Z, not 14:30Z).
    expect(addBusinessMinutes(calendar, at('2024-03-08T21:00:00Z'), 120)).toEqual(at('2024-03-11T13:30:00Z'));
  });

  it('Sydney office hours move with the October change', () => {
    const calendar = officeHours('Australia/Sydney');
    // Friday 4 Oct 17:00 AEST (07:00Z) + 60 min = Monday 7 Oct 09:30 AEDT (= Sunday 22:30Z).
    expect(addBusinessMinutes(calendar, at('2024-10-04T07:00:00Z'), 60)).toEqual(at('2024-10-06T22:30:00Z'));
  });
});

describe('business time, by example', () => {
  const london = officeHours('Europe/London', [
    { startsOn: '2024-12-25', endsOn: '2024-12-26', name: 'Christmas' },
    { startsAt: '2024-12-24T13:00', endsAt: '2024-12-24T17:30', name: 'Christmas Eve afternoon' },
  ]);

  it('skips weekends and holidays', () => {
    // Tuesday 24 Dec 12:00 + 90 min: one hour before the Eve closure, then Friday 27th from 09:00.
    expect(addBusinessMinutes(london, at('2024-12-24T12:00:00Z'), 90)).toEqual(at('2024-12-27T09:30:00Z'));
    expect(businessMinutesBetween(london, at('2024-12-24T00:00:00Z'), at('2024-12-28T00:00:00Z'))).toBe(240 + 510);
  });

  it('lands on closing time when the budget ends there, and 0 minutes waits for opening', () => {
    expect(addBusinessMinutes(london, at('2024-12-23T17:00:00Z'), 30)).toEqual(at('2024-12-23T17:30:00Z'));
    expect(addBusinessMinutes(london, at('2024-12-23T17:30:00Z'), 0)).toEqual(at('2024-12-24T09:00:00Z'));
    expect(nextOpen(london, at('2024-12-23T10:15:00Z'))).toEqual(at('2024-12-23T10:15:00Z'));
    expect(isOpen(london, at('2024-12-23T17:30:00Z'))).toBe(false);
  });

  it('refuses what it cannot answer', () => {
    expect(() => addBusinessMinutes(london, at('2024-12-23T10:00:00Z'), -1)).toThrow(RangeError);
    expect(() => businessMinutesBetween(london, at('2024-12-24T00:00:00Z'), at('2024-12-23T00:00:00Z'))).toThrow(RangeError);
    expect(() => nextOpen({ timeZone: 'UTC', weekly: [] }, at('2024-01-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => isOpen({ timeZone: 'Mars/Olympus', weekly: [] }, at('2024-01-01T00:00:00Z'))).toThrow(RangeError);
  });
});

describe('nextClose', () => {
  const week = (start: string, end: string, days: Weekday[] = [1, 2, 3, 4, 5]): WeeklyInterval[] => days.map((weekday) => ({ weekday, start, end }));
  const london: BusinessCalendar = { timeZone: 'Europe/London', weekly: week('09:00', '17:30') };

  it('is the instant itself when closed', () => {
    const night = new Date('2024-06-18T22:00:00Z');
    expect(nextClose(london, night)).toEqual(night);
  });

  it('is the end of the open stretch, on the wall clock', () => {
    expect(nextClose(london, new Date('2024-06-17T10:00:00Z'))).toEqual(new Date('2024-06-17T16:30:00Z'));
  });

  it('runs through midnight when whole days touch, and stops at a closure', () => {
    const calendar: BusinessCalendar = {
      timeZone: 'UTC',
      weekly: week('00:00', '24:00', [1, 2, 3]),
      closures: [{ startsAt: '2024-06-19T12:00', endsAt: '2024-06-19T13:00' }],
    };
    expect(nextClose(calendar, new Date('2024-06-17T10:00:00Z'))).toEqual(new Date('2024-06-19T12:00:00Z'));
  });

  it('is null for a calendar that never closes', () => {
    const always: BusinessCalendar = { timeZone: 'Europe/London', weekly: week('00:00', '24:00', [1, 2, 3, 4, 5, 6, 7]) };
    expect(nextClose(always, new Date('2024-03-30T12:00:00Z'))).toBeNull();
  });

  it('agrees with the wall clock read minute by minute', () => {
    fc.assert(
      fc.property(fc.integer({ min: YEAR_START, max: YEAR_END - 14 * 86_400_000 }), (start) => {
        const from = Math.floor(start / MINUTE) * MINUTE;
        const closes = nextClose(london, new Date(from));
        expect(closes).not.toBeNull();
        const end = closes?.getTime() ?? from;
        for (let minute = from; minute < end; minute += MINUTE) expect(naiveIsOpen(london, minute)).toBe(true);
        expect(naiveIsOpen(london, end)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
