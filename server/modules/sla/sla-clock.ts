import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar } from '../calendars/business-time.ts';

/**
 * The SLA clock as pure functions over the business-time engine, so it can be property-tested.
 *
 * A clock counts business minutes of the owning team's calendar (null: every wall-clock minute,
 * for a team that keeps no calendar). `consumedMinutes` is what ran up to `runningSince`; while
 * running, `dueAt` is the earliest instant at which the target is used up and `warnAt` the same for
 * the warning share. Pausing banks what ran and forgets both instants; resuming computes them
 * afresh from the resume instant and what is left, so a pause of p business minutes moves the due
 * instant by exactly p business minutes. Due instants come from addBusinessMinutes, so they are
 * never strictly inside closed time (at most a closing instant).
 */

export type ClockCalendar = BusinessCalendar | null;

export interface ClockState {
  targetMinutes: number;
  warnAtPercent: number;
  consumedMinutes: number;
  runningSince: Date | null;
  dueAt: Date | null;
  warnAt: Date | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
  stoppedAt: Date | null;
  met: 'met' | 'missed' | null;
}

const MINUTE = 60_000;

/** Minutes counted between two instants: business minutes on a calendar, wall-clock without one. */
export function countedMinutes(calendar: ClockCalendar, from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  return calendar ? businessMinutesBetween(calendar, from, to) : (to.getTime() - from.getTime()) / MINUTE;
}

/** The instant `minutes` counted minutes after `from` (0: the next counted instant). */
export function afterCounted(calendar: ClockCalendar, from: Date, minutes: number): Date {
  const budget = Math.max(0, minutes);
  return calendar ? addBusinessMinutes(calendar, from, budget) : new Date(from.getTime() + Math.round(budget * MINUTE));
}

export const isRunning = (clock: ClockState): boolean => clock.stoppedAt === null && clock.runningSince !== null;
export const isPaused = (clock: ClockState): boolean => clock.stoppedAt === null && clock.runningSince === null;

/** The warning share of the target, in minutes (80% of 60 is 48). */
export const warnMinutes = (clock: Pick<ClockState, 'targetMinutes' | 'warnAtPercent'>): number =>
  (clock.targetMinutes * clock.warnAtPercent) / 100;

/** A fresh clock at `at`, running or (waiting on the requester or an approval) paused. */
export function startClock(
  calendar: ClockCalendar,
  at: Date,
  target: { targetMinutes: number; warnAtPercent: number },
  options: { paused: boolean },
): ClockState {
  const clock: ClockState = {
    ...target,
    consumedMinutes: 0,
    runningSince: null,
    dueAt: null,
    warnAt: null,
    warnedAt: null,
    breachedAt: null,
    stoppedAt: null,
    met: null,
  };
  return options.paused ? clock : resumeClock(calendar, clock, at);
}

/** Banks the minutes run since the last start; a paused or stopped clock is left as it is. */
export function pauseClock(calendar: ClockCalendar, clock: ClockState, at: Date): ClockState {
  if (!isRunning(clock)) return clock;
  const consumedMinutes = clock.consumedMinutes + countedMinutes(calendar, clock.runningSince!, at);
  return { ...clock, consumedMinutes, runningSince: null, dueAt: null, warnAt: null };
}

/**
 * Runs the clock from `at`: due when what is left of the target is used up, warning when what is
 * left of the warning share is (at once if the share passed unwarned, e.g. across a pause).
 */
export function resumeClock(calendar: ClockCalendar, clock: ClockState, at: Date): ClockState {
  if (clock.stoppedAt !== null || clock.runningSince !== null) return clock;
  const dueAt = afterCounted(calendar, at, clock.targetMinutes - clock.consumedMinutes);
  const warnAt = clock.warnedAt || clock.breachedAt ? null : afterCounted(calendar, at, warnMinutes(clock) - clock.consumedMinutes);
  return { ...clock, runningSince: at, dueAt, warnAt };
}

/**
 * Stops the clock at `at`. A running clock is met when stopped at or before its due instant; a
 * paused one when what it ran is within the target. Both take every pause into account. A paused
 * clock that never counted a business minute (a request rejected while it waited for approval,
 * closed while it waited on its requester from the start) was never asked of the team: neither met
 * nor missed (null), so it does not flatter the figures.
 */
export function stopClock(calendar: ClockCalendar, clock: ClockState, at: Date): ClockState {
  if (clock.stoppedAt !== null) return clock;
  const running = isRunning(clock);
  if (!running && clock.consumedMinutes === 0 && clock.breachedAt === null) return { ...clock, stoppedAt: at, met: null };
  const paused = pauseClock(calendar, clock, at);
  // A clock that overshot before a pause is due again at once on resume: what it ran decides too.
  const withinTarget = paused.consumedMinutes <= clock.targetMinutes + 1e-9;
  const met = clock.breachedAt === null && withinTarget && (!running || at.getTime() <= clock.dueAt!.getTime());
  return { ...paused, stoppedAt: at, met: met ? 'met' : 'missed' };
}

/** A stopped clock counts again from `at` (a reopened request): what it ran stays used. */
export function restartClock(calendar: ClockCalendar, clock: ClockState, at: Date, options: { paused: boolean }): ClockState {
  if (clock.stoppedAt === null) return clock;
  const reopened: ClockState = { ...clock, stoppedAt: null, met: null, runningSince: null, dueAt: null, warnAt: null };
  return options.paused ? reopened : resumeClock(calendar, reopened, at);
}

/** A new target (the priority changed): what ran stays used, the due instant follows the new target. */
export function retargetClock(calendar: ClockCalendar, clock: ClockState, at: Date, targetMinutes: number): ClockState {
  if (clock.stoppedAt !== null || targetMinutes === clock.targetMinutes) return clock;
  if (!isRunning(clock)) return { ...clock, targetMinutes };
  return resumeClock(calendar, { ...pauseClock(calendar, clock, at), targetMinutes }, at);
}

/** Counted minutes left at `at` (negative once over the target). */
export function remainingMinutes(calendar: ClockCalendar, clock: ClockState, at: Date): number {
  const running = isRunning(clock) && at.getTime() > clock.runningSince!.getTime();
  const consumed = clock.consumedMinutes + (running ? countedMinutes(calendar, clock.runningSince!, at) : 0);
  return clock.targetMinutes - consumed;
}
