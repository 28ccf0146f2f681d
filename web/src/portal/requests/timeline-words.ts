import type { TimelineEntry } from '../../api/types.ts';
import { en } from '../../i18n/en.ts';

/** What a timeline entry says happened, for the requester. Unknown kinds (newer servers) read "Updated". */
export function eventTitle(entry: TimelineEntry): string {
  const data = entry.data;
  switch (entry.kind) {
    case 'created':
      return en.events.created;
    case 'commented':
      return en.events.commented;
    case 'status_changed': {
      const to = typeof data.to === 'string' && data.to in en.statuses ? en.statuses[data.to as keyof typeof en.statuses] : String(data.to ?? '');
      return en.events.status_changed(to);
    }
    case 'assigned':
      return en.events.assigned;
    case 'handoff': {
      // The event names teams by slug; the page shows the request's current team by name beside it.
      return en.events.handoff(typeof data.toTeam === 'string' ? data.toTeam : '');
    }
    case 'priority_changed':
      return en.events.priority_changed;
    case 'approval_requested':
      return en.events.approval_requested;
    case 'approval_decided':
      if (data.decision === 'approved') return en.events.approval_approved;
      if (data.decision === 'rejected') return en.events.approval_rejected;
      return en.events.approval_decided;
    case 'attachment_added':
      return en.attachments.added;
    default:
      return en.events.other;
  }
}

/** The words a person wrote, when the entry carries any: a reply, or an approver's comment. */
export function eventBody(entry: TimelineEntry): string | null {
  if (entry.kind === 'commented' && typeof entry.data.body === 'string') return entry.data.body;
  if (entry.kind === 'attachment_added' && typeof entry.data.fileName === 'string') return entry.data.fileName;
  if (entry.kind === 'approval_decided' && typeof entry.data.comment === 'string' && entry.data.comment !== '') return entry.data.comment;
  return null;
}
