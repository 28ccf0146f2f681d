import type { Queryable } from '../../../../platform/db/database.ts';
import { AppError } from '../../../../platform/http/errors.ts';
import { findTeamById, membershipsOfPerson, type PersonRow } from '../../../people/people.service.ts';
import { addComment, createRequest, findRequestForHallway } from '../../../requests/requests.service.ts';
import type { RequestActor } from '../../../requests/requests.policy.ts';
import type { RequestChannel } from '../../../requests/requests.store.ts';
import { addChannelThread, type ConnectionRow } from '../connections.service.ts';

// What a message arriving through a chat app or SMS does to requests, shared by the Teams and SMS
// endpoints: file a request as the person, or add their public comment, always through the requests
// service (its policy decides who may comment where).

const SUBJECT_LIMIT = 120;
const TEXT_LIMIT = 20_000;

export async function actorOfPerson(db: Queryable, person: PersonRow): Promise<RequestActor> {
  const memberships = await membershipsOfPerson(db, person.id);
  return { personId: person.id, name: person.name, isAdmin: person.isAdmin, memberships: memberships.map((m) => ({ teamId: m.id, role: m.role })) };
}

export interface FiledFromChannel {
  id: string;
  key: string;
}

/** Files a request for the connection's team and links the outside conversation to it. */
export async function fileFromChannel(
  tx: Queryable,
  actor: RequestActor,
  connection: ConnectionRow,
  message: { text: string; channel: RequestChannel; externalThread: string },
): Promise<FiledFromChannel> {
  const team = await findTeamById(tx, connection.teamId);
  if (!team) throw new Error('the team of this connection no longer exists');
  const description = clean(message.text, TEXT_LIMIT);
  const filed = await createRequest(tx, actor, { team: team.slug, subject: subjectOf(description), description, channel: message.channel });
  const request = await findRequestForHallway(tx, { key: filed.body.key });
  if (!request) throw new Error('the request just filed cannot be read back');
  await addChannelThread(tx, { connectionId: connection.id, requestId: request.id, externalThread: message.externalThread, personId: actor.personId });
  return { id: request.id, key: request.key };
}

/** Adds the person's public comment; false when they may not (not theirs, closed, gone). */
export async function commentFromChannel(tx: Queryable, actor: RequestActor, key: string, text: string): Promise<boolean> {
  try {
    await addComment(tx, actor, key, { body: clean(text, TEXT_LIMIT), visibility: 'public' });
    return true;
  } catch (error) {
    if (error instanceof AppError && ['FORBIDDEN', 'REQUEST_CLOSED', 'REQUEST_NOT_FOUND'].includes(error.code)) return false;
    throw error;
  }
}

/** The first line, on one line, short enough for a subject. */
export function subjectOf(text: string): string {
  const firstLine = text.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
  const flat = firstLine.replace(/\s+/g, ' ');
  if (flat === '') return '(no text)';
  const characters = Array.from(flat);
  return characters.length <= SUBJECT_LIMIT ? flat : `${characters.slice(0, SUBJECT_LIMIT - 1).join('')}…`;
}

/** Without NUL or other control characters except line breaks and tabs, within the limit. */
function clean(text: string, limit: number): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const cleaned = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  return cleaned === '' ? '(no text)' : Array.from(cleaned).slice(0, limit).join('');
}
