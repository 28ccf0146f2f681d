import type { Queryable } from '../../../../platform/db/database.ts';
import type { ToldStatus } from '../../../notifications/compose/status.ts';
import { statusNoteOf, toldStatus } from '../../../notifications/notifications.reaction.ts';
import type { RequestChange } from '../../../requests/request-reactions.ts';

// What the Slack, Teams and SMS reactions send back out: the team's public replies and the status
// moves a requester is told of. Requests that came through these are not answered by mail
// (notifications.reaction.ts), so this is all their requester hears outside the portal.

export interface PublicReply {
  /** The comment's timeline event id: what makes a replayed change queue nothing twice. */
  eventId: number;
  authorId: string;
  body: string;
}

/**
 * The public comments a change added that were written by a person (not Hallway itself): what the
 * Teams and SMS reactions send back out. Internal notes never leave.
 */
export function publicRepliesOf(change: RequestChange): PublicReply[] {
  const replies: PublicReply[] = [];
  for (const event of change.events) {
    const body = event.data?.body;
    if (event.kind === 'commented' && event.visibility === 'public' && event.actorId && typeof body === 'string') {
      replies.push({ eventId: event.id, authorId: event.actorId, body });
    }
  }
  return replies;
}

export interface StatusNews {
  /** The status change's timeline event id: the dedupe key's part, as for replies. */
  eventId: number;
  /** Who made the change; null when Hallway did (an approval rejected, a workflow). */
  actorId: string | null;
  status: ToldStatus;
  /** The resolution, the question, why it was closed; null when none was given. */
  note: string | null;
}

/** The moves a requester is told of, as by mail (toldStatus): resolved, waiting on them, closed unresolved. */
export async function statusNewsOf(tx: Queryable, change: RequestChange): Promise<StatusNews[]> {
  const { before } = change;
  if (before === null) return [];
  const news: StatusNews[] = [];
  for (const event of change.events) {
    if (event.kind !== 'status_changed') continue;
    const status = toldStatus(before, event);
    if (status) news.push({ eventId: event.id, actorId: event.actorId, status, note: await statusNoteOf(tx, event) });
  }
  return news;
}

const HEADLINES: Record<ToldStatus, { requester: string; others: string }> = {
  resolved: { requester: 'Resolved', others: 'Resolved' },
  waiting_on_requester: { requester: 'The team needs something from you to go on', others: "Waiting for the requester's answer" },
  closed: { requester: 'Closed without being resolved', others: 'Closed without being resolved' },
};

/**
 * The news in plain words (each channel escapes and frames it). `quote` false (a confidential request
 * read where Hallway cannot check who reads) names the move but keeps its words in Hallway.
 */
export function statusText(news: StatusNews, options: { forRequester: boolean; quote: boolean }): string {
  const headline = HEADLINES[news.status][options.forRequester ? 'requester' : 'others'];
  if (!options.quote) return `${headline}. Open the request in Hallway for the details.`;
  const text = news.note ? `${headline}: ${news.note.trim()}` : `${headline}.`;
  return options.forRequester && news.status === 'resolved' ? `${text}\nNot solved? Reopen it in Hallway.` : text;
}
