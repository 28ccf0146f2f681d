import { z } from 'zod';
import { canSeeInternal, canView, type RequestActor, type RequestFacts } from '../requests/requests.policy.ts';

/**
 * What the database announces when a request's timeline grows (migration 0006, topic "request"):
 * enough to decide who may hear of it, and nothing they may not read (no subject, no text).
 */
// z.guid, not z.uuid: PostgreSQL's uuid type takes any 128 bits (imported or restored ids need not be
// RFC 4122 ones), and a hint dropped for its id's version would go silently missing.
const requestAnnouncement = z.object({
  id: z.guid(),
  key: z.string().min(1).max(40),
  teamId: z.guid(),
  requesterId: z.guid(),
  assigneeId: z.guid().nullable(),
  confidential: z.boolean(),
  /** Every event the statement added was internal. */
  internal: z.boolean(),
  /** Set when the statement handed the request over from another team. */
  fromTeamId: z.guid().nullable(),
  /** The newest event id: the same announcement heard twice has the same one. */
  last: z.number().int().positive(),
});
export type RequestAnnouncement = z.infer<typeof requestAnnouncement>;

/** The announcement in a notification's detail, or undefined for anything malformed. */
export function parseRequestAnnouncement(detail: string | undefined): RequestAnnouncement | undefined {
  if (detail === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(detail);
  } catch {
    return undefined;
  }
  const parsed = requestAnnouncement.safeParse(json);
  return parsed.success ? parsed.data : undefined;
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
