import type { Queryable } from '../../platform/db/database.ts';
import { selectDueTimes, type NewEvent, type RequestRow } from './requests.store.ts';

/** A timeline event as the change wrote it. */
export type RecordedEvent = NewEvent & { id: number };

/**
 * What other modules do when a request is filed or changes, in the same transaction as the change:
 * the catalog copies the procedure and opens approvals, SLA clocks start, pause and stop, a workflow
 * opens its next linked requests. The requests module owns the list's shape, not its members; the
 * list is `server/modules/domain-reactions.ts`, loaded on first use so that modules which call back
 * into requests (a workflow filing a child request) make no import cycle.
 */
export interface RequestChange {
  /** Null when the request was just filed. */
  before: RequestRow | null;
  after: RequestRow;
  /** The events this change appended to the timeline, with their ids (a reaction's dedupe key for what it sends). */
  events: RecordedEvent[];
  /** Null when Hallway itself acted (a timer, a workflow, an approval's consequence). */
  actorId: string | null;
  /** The change's instant (the request's updated_at). */
  at: Date;
}

export type RequestReaction = (tx: Queryable, change: RequestChange) => Promise<void>;

/** What is known of a plain filing (no service) before it is written. */
export interface FilingPreview {
  teamId: string;
  channel: string;
  requesterId: string;
}

/**
 * Whether a module's reaction may act on a plain filing. Asked outside any transaction, before the
 * insert, so it may answer from memory (signalled caches); true when unsure. A plain filing that
 * concerns no reaction is one statement with no transaction (decision 0022); one through a service
 * always runs every reaction.
 */
export type FilingInterest = (db: Queryable, filing: FilingPreview) => Promise<boolean>;

let loaded: Promise<typeof import('../domain-reactions.ts')> | undefined;

const domain = () => (loaded ??= import('../domain-reactions.ts'));
const reactions = async () => (await domain()).domainReactions;

/** Whether any module's reaction may act on this plain filing (see FilingInterest). */
export async function plainFilingConcernsReactions(db: Queryable, filing: FilingPreview): Promise<boolean> {
  for (const interest of (await domain()).plainFilingInterests) if (await interest(db, filing)) return true;
  return false;
}

/**
 * Runs every reaction in order; a reaction that throws rolls the whole change back. Returns the
 * request as the reactions left it: SLA clocks move `due_at`/`warn_at` through a trigger (migration
 * 0006), after the row the change returned was read. Only a request asked through a service has
 * clocks, so only such a request costs the second read.
 */
export async function reactToRequestChange(tx: Queryable, change: RequestChange): Promise<RequestRow> {
  for (const reaction of await reactions()) await reaction(tx, change);
  if (change.after.serviceId === null) return change.after;
  return { ...change.after, ...(await selectDueTimes(tx, change.after.id)) };
}
