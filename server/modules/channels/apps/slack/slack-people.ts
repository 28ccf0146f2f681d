import type { Queryable } from '../../../../platform/db/database.ts';
import { findPersonByEmail, membershipsOfPerson, type PersonRow } from '../../../people/people.service.ts';
import type { RequestActor } from '../../../requests/requests.policy.ts';
import type { ConnectionRow } from '../connections.service.ts';
import { slackUserEmail } from './slack-api.ts';

// Who a Slack user is in Hallway: their Slack profile's e-mail address, matched to the directory.
// The address is cached (a users.info call costs a round trip of the 3 s Slack gives us); the
// person is read fresh each time, so someone deactivated in Hallway is refused at once.

const EMAIL_TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 5_000;
const emails = new Map<string, { email: string | null; until: number }>();

async function emailOf(connection: ConnectionRow, slackUserId: string, now: number): Promise<string | null> {
  const key = `${connection.id}:${slackUserId}`;
  const known = emails.get(key);
  if (known && known.until > now) return known.email;
  const email = await slackUserEmail(connection, slackUserId);
  if (emails.size >= MAX_ENTRIES) emails.delete(emails.keys().next().value!);
  emails.set(key, { email, until: now + EMAIL_TTL_MS });
  return email;
}

/** Forgets cached addresses (tests, or an admin changing a connection). */
export function forgetSlackPeople(): void {
  emails.clear();
}

export interface SlackPerson {
  person: PersonRow;
  actor: RequestActor;
}

/** The active Hallway person behind a Slack user, or null. Throws SlackApiError when Slack cannot be asked. */
export async function slackPersonOf(db: Queryable, connection: ConnectionRow, slackUserId: string): Promise<SlackPerson | null> {
  const email = await emailOf(connection, slackUserId, Date.now());
  if (!email) return null;
  const person = await findPersonByEmail(db, email);
  if (!person?.active) return null;
  return { person, actor: await actorOfPerson(db, person) };
}

export async function actorOfPerson(db: Queryable, person: PersonRow): Promise<RequestActor> {
  const memberships = await membershipsOfPerson(db, person.id);
  return { personId: person.id, name: person.name, isAdmin: person.isAdmin, memberships: memberships.map((m) => ({ teamId: m.id, role: m.role })) };
}
