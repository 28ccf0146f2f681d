import { canSeeInternal, canView, type RequestActor, type RequestFacts } from '../requests/requests.policy.ts';
import type { PolledEvent } from './moved-requests.store.ts';

/**
 * That a request's timeline grew, as the live poller reads it (live.poller.ts): enough to decide who
 * may hear of it, and nothing they may not read (no subject, no text). The request's facts are as
 * they are when read, not as they were when the events were written.
 */
export interface RequestAnnouncement {
  id: string;
  key: string;
  teamId: string;
  requesterId: string;
  assigneeId: string | null;
  confidential: boolean;
  /** Every event announced at once was internal. */
  internal: boolean;
  /** Set when one of them handed the request over from another team: the earliest such team. */
  fromTeamId: string | null;
  /** The newest event id announced. */
  last: number;
}

/**
 * One announcement per request for the new events one poll read, as migration 0006's trigger made
 * one per request per statement: internal only if all of them were, the team a handoff left.
 */
export function announcementsOf(events: readonly PolledEvent[]): RequestAnnouncement[] {
  const byRequest = new Map<string, RequestAnnouncement>();
  // In id order, so "the earliest handoff" holds whatever order the events arrive in.
  for (const event of [...events].sort((a, b) => a.eventId - b.eventId)) {
    const known = byRequest.get(event.requestId);
    if (known) {
      known.internal &&= event.internal;
      known.fromTeamId ??= event.fromTeamId;
      known.last = Math.max(known.last, event.eventId);
      continue;
    }
    byRequest.set(event.requestId, {
      id: event.requestId,
      key: event.key,
      teamId: event.teamId,
      requesterId: event.requesterId,
      assigneeId: event.assigneeId,
      confidential: event.confidential,
      internal: event.internal,
      fromTeamId: event.fromTeamId,
      last: event.eventId,
    });
  }
  return [...byRequest.values()];
}

/**
 * Whether the actor may hear that the request moved: the request's own reading rules (canView,
 * canSeeInternal), applied to the facts as they are now. A handoff is also told to the team it
 * left, judged as if the request were still theirs, so their queue can drop it.
 */
export function mayHear(actor: RequestActor, announcement: RequestAnnouncement): boolean {
  const teams = announcement.fromTeamId ? [announcement.teamId, announcement.fromTeamId] : [announcement.teamId];
  return teams.some((teamId) => {
    const facts = factsOf(announcement, teamId);
    return canView(actor, facts) && (!announcement.internal || canSeeInternal(actor, facts));
  });
}

function factsOf(announcement: RequestAnnouncement, teamId: string): RequestFacts {
  return {
    teamId,
    requesterId: announcement.requesterId,
    assigneeId: announcement.assigneeId,
    confidential: announcement.confidential,
    // Reading rules do not depend on the status (and the announcement does not carry it); any value
    // would do, and a test holds canView to that.
    status: 'new',
  };
}
