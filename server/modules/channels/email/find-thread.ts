import type { Queryable } from '../../../platform/db/database.ts';
import { findRequestForHallway } from '../../requests/requests.service.ts';
import { selectRequestIdByMessageIds, selectRequestIdByToken } from './inbound.store.ts';
import { normaliseMessageId } from './message-key.ts';
import type { ThreadingHints } from './parse/threading.ts';

export interface FoundThread {
  requestId: string;
  key: string;
  teamId: string;
  by: 'reply-token' | 'references' | 'subject-key';
}

/**
 * The request a message continues, by the strongest evidence first: our reply token in the address
 * it was sent to, then a Message-ID it answers that Hallway knows, then a `[IT-42]` key in the
 * subject. A subject key names a request of the receiving team only: a stranger's "[HR-7]" sent to
 * the IT address must not land on HR's request. Never by "Re:".
 */
export async function findThread(db: Queryable, hints: ThreadingHints, teamId: string): Promise<FoundThread | undefined> {
  if (hints.replyToken) {
    const requestId = await selectRequestIdByToken(db, hints.replyToken);
    const found = requestId ? await byId(db, requestId, 'reply-token') : undefined;
    if (found) return found;
  }
  const referenced = hints.referencedIds.map((id) => normaliseMessageId(id)).filter((id): id is string => id !== null);
  if (referenced.length > 0) {
    const requestId = await selectRequestIdByMessageIds(db, referenced);
    const found = requestId ? await byId(db, requestId, 'references') : undefined;
    if (found) return found;
  }
  if (hints.subjectKey) {
    const request = await findRequestForHallway(db, { key: hints.subjectKey });
    if (request && request.teamId === teamId) return { requestId: request.id, key: request.key, teamId: request.teamId, by: 'subject-key' };
  }
  return undefined;
}

async function byId(db: Queryable, requestId: string, by: FoundThread['by']): Promise<FoundThread | undefined> {
  const request = await findRequestForHallway(db, { id: requestId });
  return request ? { requestId: request.id, key: request.key, teamId: request.teamId, by } : undefined;
}
