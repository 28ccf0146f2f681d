import { Badge } from '@mantine/core';
import type { Priority, RequestStatus } from '../api/types.ts';
import { en } from '../i18n/en.ts';
import { durationWords } from '../i18n/format.ts';
import { dueState } from './queue/due-state.ts';

const statusColors: Record<RequestStatus, string> = {
  pending_approval: 'yellow',
  new: 'blue',
  acknowledged: 'cyan',
  in_progress: 'indigo',
  waiting_on_requester: 'orange',
  resolved: 'green',
  closed: 'gray',
};

export function DeskStatusBadge({ status }: { status: RequestStatus }) {
  return (
    <Badge color={statusColors[status]} variant="light" tt="none">
      {en.desk.statuses[status]}
    </Badge>
  );
}

const priorityColors: Record<Priority, string> = { urgent: 'red', high: 'orange', normal: 'gray', low: 'gray' };

export function PriorityBadge({ priority }: { priority: Priority }) {
  return (
    <Badge color={priorityColors[priority]} variant={priority === 'urgent' || priority === 'high' ? 'light' : 'default'} tt="none">
      {en.desk.priorities[priority]}
    </Badge>
  );
}

// Light and default variants only: their text keeps 4.5:1 contrast (theme.ts); filled orange does not.

/** Overdue in red, due soon in orange, later in grey: the eye finds what burns first. */
export function DueBadge({ dueAt, warnAt, now }: { dueAt: string | null | undefined; warnAt: string | null | undefined; now: Date }) {
  const state = dueState(dueAt, warnAt, now);
  if (state.kind === 'none') return null;
  const duration = durationWords(state.minutes);
  if (state.kind === 'overdue') {
    return (
      <Badge color="red" variant="light" tt="none">
        {en.desk.due.overdue(duration)}
      </Badge>
    );
  }
  return (
    <Badge color={state.kind === 'soon' ? 'orange' : 'gray'} variant={state.kind === 'soon' ? 'light' : 'default'} tt="none">
      {en.desk.due.soon(duration)}
    </Badge>
  );
}
