import type { Database } from '../../../platform/db/database.ts';
import { scheduleTimer } from '../../../platform/jobs/timers.ts';
import { insertInboundMessage } from './inbound.store.ts';
import { messageKeyOf } from './message-key.ts';

export const PROCESS_INBOUND_TIMER = 'email.process';

export interface ArrivedMessage {
  teamId: string;
  channel: 'smtp' | 'imap';
  envelopeFrom: string | null;
  envelopeTo: string[];
  raw: Buffer;
}

/**
 * Keeps an arrived message before anything else happens to it (decision 0020): the raw bytes are
 * inserted under the message's key, and its processing is scheduled in the same transaction, so a
 * stored message is always processed and a redelivery (same key, same team) neither inserts nor
 * schedules anything. Resolves once committed: only then may the sender be told 250, or the IMAP
 * message be marked seen. Returns the new row's id, or null when it was stored before.
 */
export async function storeArrivedMessage(database: Database, message: ArrivedMessage): Promise<string | null> {
  const { key, sha256 } = messageKeyOf(message.raw);
  return database.db.transaction(async (tx) => {
    const id = await insertInboundMessage(tx, { ...message, messageKey: key, sha256 });
    if (id) await scheduleTimer(tx, { kind: PROCESS_INBOUND_TIMER, dueAt: new Date(), payload: { inboundMessageId: id } });
    return id;
  });
}
