import type { Queryable } from '../../platform/db/database.ts';
import type { RequestChange, RequestReaction } from '../requests/request-reactions.ts';
import type { NewEvent, RequestRow } from '../requests/requests.store.ts';
import { appendRequestEvents } from '../requests/request-changes.service.ts';
import type { RequestStatus } from '../requests/requests.tables.ts';
import { scheduleTimer } from '../../platform/jobs/timers.ts';
import { findServiceOfChange } from '../catalog/catalog.service.ts';
import {
  isRunning,
  pauseClock,
  restartClock,
  resumeClock,
  retargetClock,
  startClock,
  stopClock,
  type ClockState,
} from './sla-clock.ts';
import { ClockCalendars, insertClock, insertClocks, onCalendar, SLA_ESCALATION_TIMER, saveClock, slaEvent, stateOf } from './sla-clocks.service.ts';
import { resolveTargets, type MetricTarget } from './sla-targets.ts';
import * as store from './sla.store.ts';
import type { SlaMetric } from './sla.tables.ts';

/**
 * SLA clocks follow the request, in the change's transaction (requests/request-reactions.ts):
 *  - filed through a service: first_response and resolution start (paused while pending approval);
 *  - clocks run only while the team can work: new, acknowledged, in_progress. Waiting on the
 *    requester or an approval pauses them, and so does resolved (first and next response wait
 *    for a reopen); leaving those resumes them;
 *  - the first public reply of an agent stops first_response; the requester's public comment after
 *    a first response starts next_response, and the next public reply of an agent stops it;
 *  - resolved stops resolution, a reopen resumes it from what it ran; closed stops every clock;
 *  - a new priority retargets running clocks (what ran stays used);
 *  - a handoff keeps the clocks: the commitment was made to the requester when they filed, and
 *    moving the request between teams must not restart the wait they already had (the clock keeps
 *    counting on the calendar it started with; the timeline shows who held it when).
 */
export const slaReaction: RequestReaction = async (tx, change) => {
  if (change.before === null) return startClocks(tx, change);
  return followChange(tx, { ...change, before: change.before });
};

const RUNS_IN: ReadonlySet<RequestStatus> = new Set(['new', 'acknowledged', 'in_progress']);
const runs = (status: RequestStatus) => RUNS_IN.has(status);

/** The service the change is about, as the change's earlier reactions read it (one read for all). */
const serviceOf = (tx: Queryable, change: RequestChange) => () => findServiceOfChange(tx, change);

async function startClocks(tx: Queryable, change: RequestChange): Promise<void> {
  const { after: request, at } = change;
  if (!request.serviceId) return;
  const targets = await resolveTargets(tx, request, at, serviceOf(tx, change));
  if (!targets) return;
  const calendars = new ClockCalendars(tx);
  const { calendarId, calendar } = await calendars.ofTeam(request.teamId);
  const events: NewEvent[] = [];
  const clocks: Parameters<typeof insertClocks>[1][number][] = [];
  for (const metric of ['first_response', 'resolution'] as const) {
    const target = targets.byMetric[metric];
    if (!target) continue;
    const state = onCalendar(calendar, (counting) =>
      startClock(counting, at, { targetMinutes: target.targetMinutes, warnAtPercent: targets.warnAtPercent }, { paused: !runs(request.status) }),
    );
    clocks.push({ clock: { requestId: request.id, metric, calendarId, source: target.source, sourceId: target.sourceId, startedAt: at }, state });
    events.push(startedEvent(metric, target, state, calendarId));
  }
  // Both clocks in one statement and their timers in another, not one round trip each.
  await insertClocks(tx, clocks);
  if (events.length > 0) await appendRequestEvents(tx, request.id, events, { at });
}

function startedEvent(metric: SlaMetric, target: MetricTarget, state: ClockState, calendarId: string | null): NewEvent {
  return slaEvent('sla_clock_started', {
    metric,
    targetMinutes: target.targetMinutes,
    source: target.source,
    sourceId: target.sourceId,
    paused: state.runningSince === null,
    dueAt: state.dueAt?.toISOString() ?? null,
    // Without a team calendar every minute counts: said here so nobody wonders at a night-time breach.
    businessHours: calendarId !== null,
  });
}

interface Followed extends RequestChange {
  before: RequestRow;
}

const commented = (change: Followed) =>
  change.events.filter((event) => event.kind === 'commented' && event.visibility === 'public' && event.actorId !== null);

async function followChange(tx: Queryable, change: Followed): Promise<void> {
  const { before, after, at } = change;
  // A request asked outside the catalog never has clocks: spare the hot path the lookup.
  if (after.serviceId === null) return;
  const rows = await store.selectClocksOfRequest(tx, after.id, { lock: true });
  const requesterAsked = commented(change).some((event) => event.actorId === after.requesterId) && before.firstRespondedAt !== null;
  if (rows.length === 0 && !requesterAsked) return;
  const agentReplied = commented(change).some((event) => event.actorId !== after.requesterId);
  const calendars = new ClockCalendars(tx);
  const events: NewEvent[] = [];
  const priorityChanged = before.priority !== after.priority;
  // Hallway raised the priority because a clock breached (sla.timers.ts escalate()).
  const raisedByEscalation =
    change.actorId === null && change.events.some((event) => event.kind === 'priority_changed' && event.data.slaMetric !== undefined);
  const targets = priorityChanged || requesterAsked ? await resolveTargets(tx, after, at, serviceOf(tx, change)) : undefined;

  for (const row of rows) {
    const calendar = await calendars.ofClock(row);
    const apply = (operation: (counting: typeof calendar, state: ClockState) => ClockState, state: ClockState) =>
      onCalendar(calendar, (counting) => operation(counting, state));
    const metric = row.metric;
    const was = stateOf(row);
    // Due before this change and not yet breached: the breach timer has not fired yet (it polls, a
    // process was down, the demo writes back-dated history). Saving the clock makes that timer
    // stale, so the breach is recorded here, at its due instant, before the clock moves on.
    const overdue = isRunning(was) && was.breachedAt === null && was.dueAt !== null && was.dueAt.getTime() < at.getTime();
    const base: ClockState = overdue ? { ...was, breachedAt: was.dueAt } : was;
    let state = base;
    const firstEventOfClock = events.length;
    let reason: string | undefined;

    const stop = (why: string) => {
      if (state.stoppedAt) return;
      state = apply((counting, current) => stopClock(counting, current, at), state);
      reason = why;
    };
    if (after.status === 'closed') stop('closed');
    if (metric === 'first_response' && before.firstRespondedAt === null && after.firstRespondedAt !== null) stop('first response');
    if (metric === 'next_response' && agentReplied) stop('agent replied');
    if (metric === 'resolution' && after.status === 'resolved' && before.status !== 'resolved') stop('resolved');
    if (metric === 'resolution' && before.status === 'resolved' && runs(after.status) && state.stoppedAt) {
      state = apply((counting, current) => restartClock(counting, current, at, { paused: false }), state);
      events.push(slaEvent('sla_clock_resumed', { metric, reason: 'reopened', dueAt: state.dueAt?.toISOString() ?? null }));
    } else if (!state.stoppedAt && runs(before.status) && !runs(after.status)) {
      state = apply((counting, current) => pauseClock(counting, current, at), state);
      events.push(slaEvent('sla_clock_paused', { metric, status: after.status, consumedMinutes: round(state.consumedMinutes) }));
    } else if (!state.stoppedAt && !runs(before.status) && runs(after.status)) {
      state = apply((counting, current) => resumeClock(counting, current, at), state);
      events.push(slaEvent('sla_clock_resumed', { metric, status: after.status, dueAt: state.dueAt?.toISOString() ?? null }));
    }
    if (metric === 'next_response' && requesterAsked && state.stoppedAt && !agentReplied && targets?.byMetric.next_response) {
      await restartNextResponse(tx, row, targets.byMetric.next_response, targets.warnAtPercent, after, at, events, calendar);
      continue;
    }
    const newTarget = priorityChanged ? targets?.byMetric[metric]?.targetMinutes : undefined;
    if (newTarget !== undefined && !state.stoppedAt && newTarget !== state.targetMinutes) {
      const from = state.targetMinutes;
      state = apply((counting, current) => retargetClock(counting, current, at, newTarget), state);
      events.push(slaEvent('sla_clock_retargeted', { metric, fromMinutes: from, toMinutes: newTarget, priority: after.priority, dueAt: state.dueAt?.toISOString() ?? null }));
      // One breach raises the priority one step. If the higher priority's target is already used
      // up, that is a breach of this clock too, recorded now; escalating it as well would take the
      // request up another step within the same minute, and on to urgent.
      if (raisedByEscalation && state.breachedAt === null && state.dueAt !== null && state.dueAt.getTime() <= at.getTime()) {
        state = { ...state, breachedAt: state.dueAt };
        events.push(slaEvent('sla_breached', { metric, dueAt: state.dueAt!.toISOString(), targetMinutes: newTarget, escalated: false, reason: 'the escalation raised the priority past what this clock had left' }));
      }
    }
    if (reason) events.push(slaEvent('sla_clock_stopped', { metric, met: state.met, reason, consumedMinutes: round(state.consumedMinutes), targetMinutes: state.targetMinutes }));
    // The clock does not move: its breach timer stays current and fires (and escalates) as usual.
    if (state === base) continue;
    const saved = await saveClock(tx, row, state);
    if (overdue) {
      events.splice(firstEventOfClock, 0, slaEvent('sla_breached', { metric, dueAt: was.dueAt!.toISOString(), targetMinutes: was.targetMinutes }));
      // Escalation is a change of its own (priority, assignee): the queue runs it after this change,
      // unless this change stopped the clock (answered, resolved, closed: nobody left to chase).
      if (!saved.stoppedAt) await scheduleTimer(tx, { kind: SLA_ESCALATION_TIMER, dueAt: at, payload: { clockId: saved.id, generation: saved.generation } });
    }
  }

  const nextTarget = targets?.byMetric.next_response;
  if (requesterAsked && nextTarget && !rows.some((row) => row.metric === 'next_response') && after.status !== 'closed') {
    const { calendarId, calendar } = await calendars.ofTeam(after.teamId);
    const state = onCalendar(calendar, (counting) =>
      startClock(counting, at, { targetMinutes: nextTarget.targetMinutes, warnAtPercent: targets.warnAtPercent }, { paused: !runs(after.status) }),
    );
    await insertClock(tx, { requestId: after.id, metric: 'next_response', calendarId, source: nextTarget.source, sourceId: nextTarget.sourceId, startedAt: at }, state);
    events.push(startedEvent('next_response', nextTarget, state, calendarId));
  }
  if (events.length > 0) await appendRequestEvents(tx, after.id, events, { at });
}

/** A new question from the requester after the last answer: a fresh next-response wait. */
async function restartNextResponse(
  tx: Queryable,
  row: store.ClockRow,
  target: MetricTarget,
  warnAtPercent: number,
  request: RequestRow,
  at: Date,
  events: NewEvent[],
  calendar: Awaited<ReturnType<ClockCalendars['ofClock']>>,
): Promise<void> {
  const state = onCalendar(calendar, (counting) =>
    startClock(counting, at, { targetMinutes: target.targetMinutes, warnAtPercent }, { paused: !runs(request.status) }),
  );
  await saveClock(tx, row, state, { source: target.source, sourceId: target.sourceId, startedAt: at, calendarId: row.calendarId });
  events.push(startedEvent('next_response', target, state, row.calendarId));
}

const round = (minutes: number) => Math.round(minutes * 100) / 100;
