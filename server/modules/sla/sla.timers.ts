import type { Queryable } from '../../platform/db/database.ts';
import type { DueTimer, FiringContext, TimerHandlers } from '../../platform/jobs/timers.ts';
import { findTeamById, membershipsOfPerson, findPersonById } from '../people/people.service.ts';
import { getTeam } from '../people/teams.service.ts';
import { appendRequestEvents, applyHallwayChange } from '../requests/request-changes.service.ts';
// A stopgap read: the requests service offers no read by id yet (belongs there as findRequestById).
import { findRequestForHallway } from '../requests/requests.service.ts';
import { requestPriorities, type RequestPriority } from '../requests/requests.tables.ts';
import { findService } from '../catalog/catalog.service.ts';
import { queueSlaWarning } from '../notifications/sla-warning-mail.ts';
import { SLA_BREACH_TIMER, SLA_ESCALATION_TIMER, SLA_WARNING_TIMER, slaEvent, type SlaTimerPayload } from './sla-clocks.service.ts';
import { findSlaPolicy } from './sla.service.ts';
import * as store from './sla.store.ts';
import type { EscalationActions } from './sla.tables.ts';

// What firing an SLA timer does, inside the firing's transaction (platform/jobs/timers.ts), so a
// warning or breach and its events commit with the firing, exactly once. A timer whose clock has
// moved on (a newer generation: paused, resumed, retargeted, stopped) does nothing.

function payloadOf(timer: DueTimer): SlaTimerPayload | undefined {
  const { clockId, generation } = timer.payload;
  if (typeof clockId !== 'string' || typeof generation !== 'number') return undefined;
  return { clockId, generation };
}

/** The clock, locked, if this timer still speaks for its current schedule and it is running. */
async function currentClock(tx: Queryable, timer: DueTimer): Promise<store.ClockRow | undefined> {
  const payload = payloadOf(timer);
  if (!payload) return undefined;
  // Lock the request before the clock, the order a change takes them in (its UPDATE, then the
  // reaction's clocks), so a firing and a person's change wait for each other instead of deadlocking.
  const unlocked = await store.selectClockById(tx, payload.clockId);
  if (!unlocked || unlocked.generation !== payload.generation) return undefined;
  await findRequestForHallway(tx, { id: unlocked.requestId }, { lock: true });
  const clock = await store.selectClockById(tx, payload.clockId, { lock: true });
  if (!clock || clock.generation !== payload.generation || clock.stoppedAt || !clock.runningSince) return undefined;
  return clock;
}

async function onWarning(tx: Queryable, timer: DueTimer, { now }: FiringContext): Promise<void> {
  const clock = await currentClock(tx, timer);
  if (!clock || clock.warnedAt || clock.breachedAt) return;
  // Fired only once the target is used up (a first start over back-dated requests, a process that
  // was down): a warning now warns of nothing, and this clock's breach timer is due too and fires next.
  if (clock.dueAt && clock.dueAt.getTime() <= now.getTime()) return;
  await store.updateClock(tx, clock.id, { warnedAt: now });
  const [warning] = await appendRequestEvents(
    tx,
    clock.requestId,
    [slaEvent('sla_warning', { metric: clock.metric, dueAt: clock.dueAt?.toISOString() ?? null, targetMinutes: clock.targetMinutes, warnAtPercent: clock.warnAtPercent })],
    { at: now },
  );
  // The assignee (or the team's leads) hear of it by mail, committed with the warning.
  if (warning) await queueSlaWarning(tx, { requestId: clock.requestId, eventId: warning.id, metric: clock.metric, dueAt: clock.dueAt });
}

async function onBreach(tx: Queryable, timer: DueTimer, { now }: FiringContext): Promise<void> {
  const clock = await currentClock(tx, timer);
  if (!clock || clock.breachedAt) return;
  // The clock records when the target was used up; the event says when Hallway acted on it.
  const breachedAt = clock.dueAt ?? now;
  await store.updateClock(tx, clock.id, { breachedAt });
  await appendRequestEvents(
    tx,
    clock.requestId,
    [slaEvent('sla_breached', { metric: clock.metric, dueAt: breachedAt.toISOString(), targetMinutes: clock.targetMinutes })],
    { at: now },
  );
  await escalate(tx, clock, now);
}

/**
 * The escalation of a breach that a change recorded before the breach timer fired (sla.reactions.ts):
 * done once, by the queue, while the clock is still not stopped. Any later generation still counts:
 * the breach happened whatever the clock did since.
 */
async function onLateEscalation(tx: Queryable, timer: DueTimer, { now }: FiringContext): Promise<void> {
  const payload = payloadOf(timer);
  if (!payload) return;
  const unlocked = await store.selectClockById(tx, payload.clockId);
  if (!unlocked) return;
  await findRequestForHallway(tx, { id: unlocked.requestId }, { lock: true });
  const clock = await store.selectClockById(tx, payload.clockId, { lock: true });
  if (!clock || !clock.breachedAt || clock.stoppedAt) return;
  await escalate(tx, clock, now);
}

const DEFAULT_ESCALATION: EscalationActions = { notifyLead: true, raisePriority: false, reassignTo: null };

/** The policy the clock counts for, or the service's (a clock from an agreement escalates as the service's policy says). */
async function escalationFor(tx: Queryable, clock: store.ClockRow, serviceId: string | null): Promise<EscalationActions> {
  if (clock.source === 'policy') return (await findSlaPolicy(tx, clock.sourceId))?.escalation ?? DEFAULT_ESCALATION;
  const service = serviceId ? await findService(tx, serviceId) : undefined;
  const policy = service?.slaPolicyId ? await findSlaPolicy(tx, service.slaPolicyId) : undefined;
  return policy?.escalation ?? DEFAULT_ESCALATION;
}

/**
 * The policy's escalation, in order: the owning team's leads are named on an `sla_escalated` event
 * (delivering a notification to them arrives with the channels issue), the priority goes up one step,
 * and the request goes to the named person if they are still an active agent of the owning team.
 * Priority and assignee change as Hallway (actor null) with the breach as the reason.
 */
async function escalate(tx: Queryable, clock: store.ClockRow, now: Date): Promise<void> {
  const request = await findRequestForHallway(tx, { id: clock.requestId });
  if (!request || request.status === 'closed') return;
  const escalation = await escalationFor(tx, clock, request.serviceId);
  const facts: Record<string, unknown> = { metric: clock.metric };

  if (escalation.notifyLead) facts.notifiedLeads = await leadsOf(tx, request.teamId);
  let priority: RequestPriority | undefined;
  if (escalation.raisePriority) {
    const next = requestPriorities[requestPriorities.indexOf(request.priority) + 1];
    if (next) priority = facts.raisedPriority = next;
    else facts.raisedPriority = null; // already urgent
  }
  let assigneeId: string | undefined;
  if (escalation.reassignTo && escalation.reassignTo !== request.assigneeId) {
    if (await isActiveAgentOf(tx, escalation.reassignTo, request.teamId)) assigneeId = facts.reassignedTo = escalation.reassignTo;
    else facts.reassignSkipped = 'the person named is no longer an active agent of the owning team';
  }
  if (priority || assigneeId) {
    await applyHallwayChange(tx, request.id, { priority, assigneeId, reason: `SLA breached: ${clock.metric.replace('_', ' ')}`, data: { slaMetric: clock.metric } }, { at: now });
  }
  await appendRequestEvents(tx, request.id, [slaEvent('sla_escalated', facts)], { at: now });
}

async function leadsOf(tx: Queryable, teamId: string): Promise<Array<{ id: string; name: string }>> {
  const team = await findTeamById(tx, teamId);
  if (!team) return [];
  const { members } = await getTeam(tx, team.slug);
  const leads: Array<{ id: string; name: string }> = [];
  // A lead who left (deactivated) keeps the membership row, but naming them tells nobody anything.
  for (const member of members.filter((candidate) => candidate.role === 'lead')) {
    if ((await findPersonById(tx, member.person.id))?.active) leads.push({ id: member.person.id, name: member.person.name });
  }
  return leads;
}

async function isActiveAgentOf(tx: Queryable, personId: string, teamId: string): Promise<boolean> {
  const [person, memberships] = await Promise.all([findPersonById(tx, personId), membershipsOfPerson(tx, personId)]);
  return Boolean(person?.active) && memberships.some((membership) => membership.id === teamId);
}

export const slaTimerHandlers: TimerHandlers = {
  [SLA_WARNING_TIMER]: onWarning,
  [SLA_BREACH_TIMER]: onBreach,
  [SLA_ESCALATION_TIMER]: onLateEscalation,
};
