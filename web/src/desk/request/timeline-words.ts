import type { Priority, RequestStatus, SlaMetric, TimelineEntry } from '../../api/types.ts';
import { en } from '../../i18n/en.ts';

// What a timeline entry says to an agent: everything the requester sees, plus who was assigned,
// the priority's move, where a handoff came from and why, and internal notes. Events name people
// by id and teams by slug; the page passes what it knows to name them.

export interface Names {
  person: (id: string) => string | undefined;
  team: (slug: string) => string | undefined;
}

const words = en.desk;
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const statusWord = (value: unknown): string => {
  const status = text(value);
  return status && status in words.statuses ? words.statuses[status as RequestStatus] : (status ?? '');
};
const metricWord = (value: unknown): string => {
  const metric = text(value);
  return metric && metric in en.metrics ? en.metrics[metric as SlaMetric] : (metric ?? '');
};
const priorityWord = (value: unknown): string => {
  const priority = text(value);
  return priority && priority in words.priorities ? words.priorities[priority as Priority] : (priority ?? '');
};

export function deskEventTitle(entry: TimelineEntry, names: Names): string {
  const data = entry.data;
  switch (entry.kind) {
    case 'created':
      return en.events.created;
    case 'commented':
      return entry.visibility === 'internal' ? words.request.internalNote : words.request.publicReply;
    case 'status_changed':
      return en.events.status_changed(statusWord(data.to));
    case 'assigned': {
      const to = text(data.to);
      if (!to) return words.events.unassigned;
      const name = names.person(to);
      return name ? words.events.assignedTo(name) : en.events.assigned;
    }
    case 'handoff': {
      const from = text(data.fromTeam) ?? '';
      const to = text(data.toTeam) ?? '';
      return words.events.handoff(names.team(from) ?? from, names.team(to) ?? to);
    }
    case 'priority_changed':
      return words.events.priority(priorityWord(data.from), priorityWord(data.to));
    case 'approval_requested':
      return en.events.approval_requested;
    case 'approval_decided':
      return en.events.approval_decided;
    case 'approval_moved':
      return words.events.approvalMoved;
    case 'step_done':
      return words.events.stepDone(text(data.title) ?? '');
    case 'step_undone':
      return words.events.stepUndone(text(data.title) ?? '');
    case 'workflow_step_opened':
      return words.events.workflowStep(text(data.service) ?? '');
    case 'attachment_added':
      return words.events.attachment;
    case 'sla_clock_started':
      return words.events.slaStarted(metricWord(data.metric));
    case 'sla_clock_paused':
      return words.events.slaPaused(metricWord(data.metric));
    case 'sla_clock_resumed':
      return words.events.slaResumed(metricWord(data.metric));
    case 'sla_clock_stopped':
      return words.events.slaStopped(metricWord(data.metric));
    case 'sla_clock_retargeted':
      return words.events.slaRetargeted(metricWord(data.metric));
    case 'sla_warning':
      return words.events.slaWarning(metricWord(data.metric));
    case 'sla_breached':
      return words.events.slaBreached(metricWord(data.metric));
    case 'sla_escalated':
      return words.events.slaEscalated;
    default:
      return en.events.other;
  }
}

/** The words under the title: a reply's or note's text, or the reason a change gave (a handoff's, Hallway's own). */
export function deskEventBody(entry: TimelineEntry): string | null {
  if (entry.kind === 'commented') return text(entry.data.body) ?? null;
  const reason = text(entry.data.reason);
  return reason ? words.events.reason(reason) : null;
}
