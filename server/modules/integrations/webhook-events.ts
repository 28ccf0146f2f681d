import type { RequestChange } from '../requests/request-reactions.ts';

/** What a subscription may ask for. */
export const webhookEventTypes = ['created', 'updated', 'commented', 'resolved'] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

export interface FieldChange {
  field: 'status' | 'priority' | 'assignee' | 'team';
  from: unknown;
  to: unknown;
}

/** One webhook event a request change gives rise to, before it is addressed to subscriptions. */
export interface WebhookEvent {
  type: WebhookEventType;
  /** The timeline event it reports (the first of them for an update); null for a filing. */
  eventId: number | null;
  /** Stable per request and event: half of the dedupe key. */
  key: string;
  changes?: FieldChange[];
  comment?: { eventId: number; body: string; authorId: string | null };
}

const fieldOfKind: Record<string, FieldChange['field']> = {
  status_changed: 'status',
  priority_changed: 'priority',
  assigned: 'assignee',
  handoff: 'team',
};

/**
 * The webhook events of one request change. A filing is `created`; a move to resolved is
 * `resolved`; other status, priority, assignee and team changes make one `updated` listing them;
 * each PUBLIC comment is `commented` (internal notes never leave Hallway). A confidential request
 * gives none at all. Pure: the reaction addresses the result to subscriptions.
 */
export function webhookEventsOf(change: RequestChange): WebhookEvent[] {
  if (change.after.confidential) return [];
  if (change.before === null) return [{ type: 'created', eventId: null, key: `created:${change.after.id}` }];
  const found: WebhookEvent[] = [];
  const updates: FieldChange[] = [];
  let firstUpdateId: number | null = null;
  for (const event of change.events) {
    if (event.kind === 'commented' && event.visibility === 'public') {
      const body = typeof event.data.body === 'string' ? event.data.body : '';
      found.push({ type: 'commented', eventId: event.id, key: String(event.id), comment: { eventId: event.id, body, authorId: event.actorId } });
      continue;
    }
    const field = fieldOfKind[event.kind];
    if (!field) continue;
    if (field === 'status' && event.data.to === 'resolved') {
      found.push({ type: 'resolved', eventId: event.id, key: String(event.id), changes: [{ field, from: event.data.from, to: 'resolved' }] });
      continue;
    }
    firstUpdateId ??= event.id;
    const [from, to] = field === 'team' ? [event.data.fromTeam, event.data.toTeam] : [event.data.from, event.data.to];
    updates.push({ field, from: from ?? null, to: to ?? null });
  }
  if (firstUpdateId !== null) found.push({ type: 'updated', eventId: firstUpdateId, key: String(firstUpdateId), changes: updates });
  return found;
}
