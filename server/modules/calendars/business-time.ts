import { IANAZone } from 'luxon';

/**
 * Business-time arithmetic: pure functions, no I/O, so they can be property-tested.
 *
 * Definition (everything else follows from it): an instant is OPEN when the calendar's local
 * wall-clock time at that instant falls inside one of that weekday's intervals and inside no closure.
 * - DST gaps: wall times that do not exist (e.g. 01:30 in London on the spring-forward Sunday) are
 *   simply never reached, so an interval 01:00-02:00 that day holds no business time at all.
 * - DST repeats: a wall time that happens twice (the fall-back hour) is open both times, so an
 *   interval 01:00-02:00 on that day holds 120 business minutes. That matches what a person on
 *   shift sees on the wall clock.
 * Intervals are half-open [start, end): a team open 09:00-17:30 is closed at 17:30 exactly.
 *
 * Results:
 * - addBusinessMinutes(from, m > 0) is the EARLIEST instant at which m business minutes have
 *   elapsed since `from`, i.e. the end of the minute that completes the budget. It can equal a
 *   closing instant (17:30) — the end of open time, never a point strictly inside closed time.
 * - addBusinessMinutes(from, 0) is nextOpen(from): a clock started while closed starts at opening.
 *   Hence splitting holds as add(add(f, a), b) = add(f, a + b) for any a >= 0 and b > 0.
 * - businessMinutesBetween counts open time in [from, to) exactly (fractional minutes allowed);
 *   to < from is a caller error.
 */

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7; // ISO: Monday = 1 ... Sunday = 7

export interface WeeklyInterval {
  weekday: Weekday;
  /** Local wall-clock "HH:MM", inclusive. */
  start: string;
  /** Local wall-clock "HH:MM" up to "24:00", exclusive; later than start (no crossing midnight). */
  end: string;
}

/** Whole local days, both ends inclusive ("YYYY-MM-DD"). */
export interface DateClosure {
  startsOn: string;
  endsOn: string;
  name?: string;
}

/** A local wall-clock range ("YYYY-MM-DDTHH:MM"), end exclusive. */
export interface TimeClosure {
  startsAt: string;
  endsAt: string;
  name?: string;
}

export type Closure = DateClosure | TimeClosure;

export interface BusinessCalendar {
  timeZone: string;
  weekly: readonly WeeklyInterval[];
  closures?: readonly Closure[];
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** With no open time this far ahead, the calendar is treated as never opening again. */
const NEVER_OPEN_HORIZON = 4 * 366 * DAY;

export class CalendarNeverOpensError extends RangeError {
  constructor() {
    super('the calendar has no open time within four years');
  }
}

type Span = readonly [number, number];

interface CompiledCalendar {
  zone: IANAZone;
  /** Index 1..7: that weekday's open spans in minutes after local midnight, merged and sorted. */
  weekly: Span[][];
  /** Closures as "wall-clock milliseconds" (local fields read as if UTC), merged and sorted. */
  closures: Span[];
}

const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();

function compile(calendar: BusinessCalendar): CompiledCalendar {
  const cached = compiled.get(calendar);
  if (cached) return cached;
  if (!IANAZone.isValidZone(calendar.timeZone)) throw new RangeError(`unknown time zone ${calendar.timeZone}`);
  const weekly: Span[][] = Array.from({ length: 8 }, () => []);
  for (const interval of calendar.weekly) {
    const start = minuteOfDay(interval.start);
    const end = minuteOfDay(interval.end);
    if (!(interval.weekday >= 1 && interval.weekday <= 7) || !Number.isInteger(interval.weekday)) {
      throw new RangeError(`weekday must be 1 (Monday) to 7 (Sunday), not ${interval.weekday}`);
    }
    if (end <= start) throw new RangeError(`interval ${interval.start}-${interval.end} must end after it starts`);
    weekly[interval.weekday]?.push([start, end]);
  }
  const closures = (calendar.closures ?? []).map((closure): Span => {
    const span: Span = 'startsOn' in closure
      ? [wallDate(closure.startsOn), wallDate(closure.endsOn) + DAY]
      : [wallDateTime(closure.startsAt), wallDateTime(closure.endsAt)];
    if (span[1] <= span[0]) throw new RangeError('a closure must end after it starts');
    return span;
  });
  const result = { zone: IANAZone.create(calendar.timeZone), weekly: weekly.map(merge), closures: merge(closures) };
  compiled.set(calendar, result);
  return result;
}

function minuteOfDay(text: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) throw new RangeError(`bad time of day ${text}`);
  return hours * 60 + minutes;
}

function wallDate(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`bad date ${text}`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Date.UTC rolls 2024-02-30 over into March; a round trip catches it.
  if (new Date(ms).toISOString().slice(0, 10) !== text) throw new RangeError(`bad date ${text}`);
  return ms;
}

function wallDateTime(text: string): number {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(text);
  if (!match?.[1] || !match[2]) throw new RangeError(`bad local date-time ${text}`);
  const minute = minuteOfDay(match[2]);
  return wallDate(match[1]) + minute * MINUTE;
}

function merge(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

function offsetMs(zone: IANAZone, instant: number): number {
  return zone.offset(instant) * MINUTE;
}

/** The end of the stretch from `at` during which the zone's UTC offset stays the same (capped at a day). */
function sameOffsetUntil(zone: IANAZone, at: number): number {
  const offset = zone.offset(at);
  if (zone.offset(at + DAY) === offset) return at + DAY; // no zone in use changes offset twice within a day
  let low = at; // same offset
  let high = at + DAY; // different offset
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (zone.offset(mid) === offset) low = mid;
    else high = mid;
  }
  return high;
}

/** Open spans in wall-clock ms intersecting [wallFrom, wallTo), closures removed, in order. */
function openWallSpans(calendar: CompiledCalendar, wallFrom: number, wallTo: number): Span[] {
  const spans: Span[] = [];
  for (let day = Math.floor(wallFrom / DAY) * DAY; day < wallTo; day += DAY) {
    const weekday = new Date(day).getUTCDay() || 7;
    for (const [startMinute, endMinute] of calendar.weekly[weekday] ?? []) {
      const start = Math.max(day + startMinute * MINUTE, wallFrom);
      const end = Math.min(day + endMinute * MINUTE, wallTo);
      if (start < end) spans.push(...subtractClosures(calendar.closures, start, end));
    }
  }
  return spans;
}

function subtractClosures(closures: readonly Span[], start: number, end: number): Span[] {
  const pieces: Span[] = [];
  let cursor = start;
  for (const [closedFrom, closedTo] of closures) {
    if (closedTo <= cursor) continue;
    if (closedFrom >= end) break;
    if (closedFrom > cursor) pieces.push([cursor, closedFrom]);
    cursor = Math.max(cursor, closedTo);
    if (cursor >= end) break;
  }
  if (cursor < end) pieces.push([cursor, end]);
  return pieces;
}

/**
 * Open spans as UTC instants, from `from` onwards (the first clipped to start at `from`); spans may
 * touch (at a stretch boundary). Works in stretches of constant UTC offset, where wall clock =
 * instant + offset is linear, which is what makes DST gaps and repeats come out right without
 * special cases.
 */
function* openSpans(calendar: CompiledCalendar, from: number, until = Infinity): Generator<Span> {
  let lastProgress = from;
  let cursor = from;
  while (cursor < until) {
    const stretchEnd = Math.min(sameOffsetUntil(calendar.zone, cursor), until);
    const offset = offsetMs(calendar.zone, cursor);
    for (const [wallStart, wallEnd] of openWallSpans(calendar, cursor + offset, stretchEnd + offset)) {
      lastProgress = wallEnd - offset;
      yield [wallStart - offset, wallEnd - offset];
    }
    cursor = stretchEnd;
    if (cursor - lastProgress > NEVER_OPEN_HORIZON) throw new CalendarNeverOpensError();
  }
}

export function isOpen(calendar: BusinessCalendar, at: Date): boolean {
  const compiledCalendar = compile(calendar);
  const instant = at.getTime();
  const wall = instant + offsetMs(compiledCalendar.zone, instant);
  return openWallSpans(compiledCalendar, wall, wall + 1).length > 0;
}

/** `at` itself when open, else the instant the calendar next opens. */
export function nextOpen(calendar: BusinessCalendar, at: Date): Date {
  for (const [start] of openSpans(compile(calendar), at.getTime())) return new Date(start);
  throw new CalendarNeverOpensError();
}

/** How far ahead `nextClose` looks: a calendar open without a break for longer "does not close". */
const CLOSE_HORIZON = 366 * DAY;

/**
 * `at` itself when closed, else the instant the calendar next closes (open spans that touch, as at
 * midnight between two whole open days, count as one). Null when it stays open for over a year.
 */
export function nextClose(calendar: BusinessCalendar, at: Date): Date | null {
  const from = at.getTime();
  const until = from + CLOSE_HORIZON;
  let end = from;
  for (const [start, stop] of openSpans(compile(calendar), from, until)) {
    if (start > end) break;
    end = stop;
  }
  return end >= until ? null : new Date(end);
}

export function addBusinessMinutes(calendar: BusinessCalendar, from: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError('minutes must be a finite number >= 0');
  let remaining = Math.round(minutes * MINUTE);
  for (const [start, end] of openSpans(compile(calendar), from.getTime())) {
    if (remaining === 0) return new Date(start);
    if (end - start >= remaining) return new Date(start + remaining);
    remaining -= end - start;
  }
  throw new CalendarNeverOpensError();
}

export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  if (to.getTime() < from.getTime()) throw new RangeError('`to` must not be before `from`');
  let total = 0;
  for (const [start, end] of openSpans(compile(calendar), from.getTime(), to.getTime())) total += end - start;
  return total / MINUTE;
}
