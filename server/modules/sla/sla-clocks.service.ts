import type { Queryable } from '../../platform/db/database.ts';
import { scheduleTimers, type NewTimer } from '../../platform/jobs/timers.ts';
import { CalendarNeverOpensError } from '../calendars/business-time.ts';
import { businessCalendarById, businessCalendarOfTeam } from '../calendars/calendars.service.ts';
import type { RequestActor } from '../requests/requests.policy.ts';
import type { NewEvent } from '../requests/requests.store.ts';
import { findVisibleRequest } from '../requests/visible-request.ts';
import { remainingMinutes, type ClockCalendar, type ClockState } from './sla-clock.ts';
import type { ClockView } from './sla.schema.ts';
import * as store from './sla.store.ts';
import type { SlaMetric } from './sla.tables.ts';

// Clock rows and their timers: what the reaction and the timer handlers share. Every save bumps the
// clock's generation and schedules the warning and breach of the new schedule; the timers of older
// generations find a newer one when they fire and do nothing (sla.timers.ts).

export const SLA_WARNING_TIMER = 'sla.warning';
export const SLA_BREACH_TIMER = 'sla.breach';
/** The escalation of a breach a change recorded (it came before the breach timer fired). */
export const SLA_ESCALATION_TIMER = 'sla.escalation';

export interface SlaTimerPayload {
  clockId: string;
  generation: number;
}

/**
 * SLA bookkeeping events are internal: they are the team's own management of its commitments
 * (paused, resumed, warned at 80 %), noise on the requester's timeline; the requester sees the
 * consequences that concern them (priority raised, reassigned) as the public events those changes
 * write, and their request's due times through GET /requests/{key}/sla.
 */
export const slaEvent = (kind: string, data: Record<string, unknown>): NewEvent => ({ actorId: null, kind, visibility: 'internal', data });

export function stateOf(row: store.ClockRow): ClockState {
  return {
    targetMinutes: row.targetMinutes,
    warnAtPercent: row.warnAtPercent,
    consumedMinutes: Number(row.consumedMinutes),
    runningSince: row.runningSince,
    dueAt: row.dueAt,
    warnAt: row.warnAt,
    warnedAt: row.warnedAt,
    breachedAt: row.breachedAt,
    stoppedAt: row.stoppedAt,
    met: row.met,
  };
}

/** Calendars by id for the length of one change or firing; null counts wall-clock minutes. */
export class ClockCalendars {
  private readonly loaded = new Map<string, ClockCalendar>();
  constructor(private readonly db: Queryable) {}

  async ofClock(row: Pick<store.ClockRow, 'calendarId'>): Promise<ClockCalendar> {
    if (!row.calendarId) return null;
    if (!this.loaded.has(row.calendarId)) this.loaded.set(row.calendarId, (await businessCalendarById(this.db, row.calendarId))?.business ?? null);
    return this.loaded.get(row.calendarId) ?? null;
  }

  /** The owning team's calendar to start a clock on; none: every minute counts (said on the event). */
  async ofTeam(teamId: string): Promise<{ calendarId: string | null; calendar: ClockCalendar }> {
    const found = await businessCalendarOfTeam(this.db, teamId);
    if (found) this.loaded.set(found.calendarId, found.business);
    return { calendarId: found?.calendarId ?? null, calendar: found?.business ?? null };
  }
}

/**
 * Runs a clock operation; on a calendar with no open time ahead it counts wall-clock minutes
 * instead, so a badly kept calendar never stops a request from being filed or changed.
 */
export function onCalendar<T>(calendar: ClockCalendar, operation: (calendar: ClockCalendar) => T): T {
  try {
    return operation(calendar);
  } catch (error) {
    if (error instanceof CalendarNeverOpensError) return operation(null);
    throw error;
  }
}

/** The warning and breach timers a clock's schedule needs: none once stopped or while paused. */
function timersOf(row: store.ClockRow): NewTimer[] {
  if (row.stoppedAt || !row.runningSince) return [];
  const payload = { clockId: row.id, generation: row.generation } satisfies SlaTimerPayload;
  const timers: NewTimer[] = [];
  if (row.warnAt && !row.warnedAt && !row.breachedAt) timers.push({ kind: SLA_WARNING_TIMER, dueAt: row.warnAt, payload: { ...payload } });
  if (row.dueAt && !row.breachedAt) timers.push({ kind: SLA_BREACH_TIMER, dueAt: row.dueAt, payload: { ...payload } });
  return timers;
}

export interface NewClock {
  requestId: string;
  metric: SlaMetric;
  calendarId: string | null;
  source: 'policy' | 'agreement';
  sourceId: string;
  startedAt: Date;
}

/** Starts clocks: one statement for the clocks and one for all their timers, however many there are. */
export async function insertClocks(tx: Queryable, clocks: ReadonlyArray<{ clock: NewClock; state: ClockState }>): Promise<store.ClockRow[]> {
  if (clocks.length === 0) return [];
  const rows = await store.insertClocks(tx, clocks.map(({ clock, state }) => ({ ...clock, ...state, generation: 1 })));
  await scheduleTimers(tx, rows.flatMap(timersOf));
  return rows;
}

export async function insertClock(tx: Queryable, clock: NewClock, state: ClockState): Promise<store.ClockRow> {
  const [row] = await insertClocks(tx, [{ clock, state }]);
  return row!;
}

/** Saves a new state (and, for a restarted clock, a new start); bumps the generation, schedules its timers. */
export async function saveClock(
  tx: Queryable,
  row: store.ClockRow,
  state: ClockState,
  restart?: Pick<NewClock, 'source' | 'sourceId' | 'startedAt' | 'calendarId'>,
): Promise<store.ClockRow> {
  const saved = await store.updateClock(tx, row.id, { ...state, ...restart, generation: row.generation + 1 });
  await scheduleTimers(tx, timersOf(saved));
  return saved;
}

export async function clockViews(db: Queryable, requestId: string, now: Date): Promise<ClockView[]> {
  const rows = await store.selectClocksOfRequest(db, requestId);
  const calendars = new ClockCalendars(db);
  const iso = (value: Date | null) => value?.toISOString() ?? null;
  return Promise.all(
    rows.map(async (row) => {
      const calendar = await calendars.ofClock(row);
      const state = stateOf(row);
      return {
        metric: row.metric,
        source: row.source,
        targetMinutes: row.targetMinutes,
        startedAt: row.startedAt.toISOString(),
        dueAt: iso(row.stoppedAt ? null : row.dueAt),
        paused: !row.stoppedAt && !row.runningSince,
        remainingMinutes: Math.round(onCalendar(calendar, (counting) => remainingMinutes(counting, state, row.stoppedAt ?? now)) * 100) / 100,
        warnedAt: iso(row.warnedAt),
        breachedAt: iso(row.breachedAt),
        stoppedAt: iso(row.stoppedAt),
        met: row.met,
        businessHours: calendar !== null,
      };
    }),
  );
}

/** A request's clocks for whoever may see the request (confidential rules and all: findVisibleRequest). */
export async function requestClocks(db: Queryable, actor: RequestActor, key: string, now = new Date()): Promise<{ key: string; clocks: ClockView[] }> {
  const request = await findVisibleRequest(db, actor, key);
  return { key: request.key, clocks: await clockViews(db, request.id, now) };
}
