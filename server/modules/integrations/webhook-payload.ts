import type { Queryable } from '../../platform/db/database.ts';
import { linkTo } from '../../platform/http/public-url.ts';
import { findPersonById, findTeamById } from '../people/people.service.ts';
import type { RequestRow } from '../requests/requests.store.ts';
import type { FieldChange, WebhookEvent } from './webhook-events.ts';

/**
 * The JSON an outgoing webhook receives (docs/webhooks.md). Built once per event and addressed to
 * each subscription, serialised with a fixed key order so a retry is byte-identical.
 */
export interface WebhookPayload {
  type: `request.${WebhookEvent['type']}` | 'ping';
  webhookId: string;
  occurredAt: string;
  /** The timeline event reported; null for a filing or a ping. */
  eventId: number | null;
  request?: {
    key: string;
    subject: string;
    status: string;
    priority: string;
    channel: string;
    team: { slug: string; name: string };
    requester: { name: string };
    assignee: { name: string } | null;
    url: string;
  };
  changes?: FieldChange[];
  comment?: { body: string; author: { name: string } | null };
}

export type RequestSummary = NonNullable<WebhookPayload['request']>;

/** The request as every event about it shows it; names are looked up once per change. */
export async function summariseRequest(db: Queryable, request: RequestRow): Promise<RequestSummary> {
  const [team, requester, assignee] = await Promise.all([
    findTeamById(db, request.teamId),
    findPersonById(db, request.requesterId),
    request.assigneeId ? findPersonById(db, request.assigneeId) : Promise.resolve(undefined),
  ]);
  return {
    key: request.key,
    subject: request.subject,
    status: request.status,
    priority: request.priority,
    channel: request.channel,
    team: { slug: team?.slug ?? '', name: team?.name ?? '' },
    requester: { name: requester?.name ?? '' },
    assignee: assignee ? { name: assignee.name } : null,
    url: linkTo(`/requests/${encodeURIComponent(request.key)}`),
  };
}

export async function eventPayload(db: Queryable, webhookId: string, event: WebhookEvent, request: RequestSummary, at: Date): Promise<string> {
  const author = event.comment?.authorId ? await findPersonById(db, event.comment.authorId) : undefined;
  const payload: WebhookPayload = {
    type: `request.${event.type}`,
    webhookId,
    occurredAt: at.toISOString(),
    eventId: event.eventId,
    request,
    ...(event.changes ? { changes: event.changes } : {}),
    ...(event.comment ? { comment: { body: event.comment.body, author: author ? { name: author.name } : null } } : {}),
  };
  return JSON.stringify(payload);
}

export function pingPayload(webhookId: string, at: Date): string {
  const payload: WebhookPayload = { type: 'ping', webhookId, occurredAt: at.toISOString(), eventId: null };
  return JSON.stringify(payload);
}
