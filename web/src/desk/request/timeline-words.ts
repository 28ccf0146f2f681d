import type { Priority, RequestStatus, TimelineEntry } from '../../api/types.ts';
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
