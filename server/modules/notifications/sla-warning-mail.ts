import type { Queryable } from '../../platform/db/database.ts';
import { findPersonById, membershipsOfPerson } from '../people/people.service.ts';
import { findRequestForHallway } from '../requests/requests.service.ts';
import { canView } from '../requests/requests.policy.ts';
import { composeSlaWarning } from './compose/sla-warning.ts';
import { queueNotification } from './queue-notification.ts';
import { activeLeadIds } from './team-leads.ts';

export interface SlaWarningFired {
  requestId: string;
  /** The `sla_warning` event the timer appended: one mail per event and person. */
  eventId: number;
  metric: string;
  dueAt: Date | null;
}

/**
 * A clock reached its warning share (called by the SLA warning timer, in its transaction): the
 * assignee is told, or, with nobody assigned (or an assignee who may no longer see the request),
 * the owning team's active leads. Each only if they may see the request, confidential ones included.
 */
export async function queueSlaWarning(tx: Queryable, fired: SlaWarningFired): Promise<void> {
  const request = await findRequestForHallway(tx, { id: fired.requestId });
  if (!request || request.status === 'closed') return;
  const assignee = request.assigneeId ? await mayView(tx, request.assigneeId, request) : false;
  const recipientIds = assignee ? [request.assigneeId!] : await activeLeadIds(tx, request.teamId);
  for (const recipientId of recipientIds) {
    if (!assignee && !(await mayView(tx, recipientId, request))) continue;
    await queueNotification(tx, {
      kind: 'sla-warning',
      request,
      recipientId,
      about: String(fired.eventId),
      requestPath: `/desk/requests/${request.key}`,
      compose: ({ recipient, request: facts, preferencesUrl }) =>
        composeSlaWarning({
          request: facts,
          metric: fired.metric,
          dueAt: fired.dueAt,
          recipientTimeZone: recipient.timeZone,
          unassigned: !assignee,
          preferencesUrl,
        }),
    });
  }
}

async function mayView(tx: Queryable, personId: string, request: Parameters<typeof canView>[1]): Promise<boolean> {
  const [person, memberships] = await Promise.all([findPersonById(tx, personId), membershipsOfPerson(tx, personId)]);
  if (!person?.active) return false;
  const actor = { personId, name: person.name, isAdmin: person.isAdmin, memberships: memberships.map((m) => ({ teamId: m.id, role: m.role })) };
  return canView(actor, request);
}
