import type { RequestChange } from '../../../requests/request-reactions.ts';

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
