import { ImapFlow } from 'imapflow';
import type { Database } from '../../../platform/db/database.ts';
import { timerErrorSummary } from '../../../platform/jobs/timer-errors.ts';
import { keepOversizedMessage } from './keep-oversized.ts';
import { recordImapError, recordImapPosition, type TeamMailSettingsRow } from './inbound.store.ts';
import { DEFAULT_MAX_MESSAGE_BYTES } from './smtp-listener.ts';
import { storeArrivedMessage } from './store-inbound.ts';

// Polls a team's existing mailbox (decision 0020). For each new message, by UID order: store the raw
// message (committed), THEN mark it \Seen on the server, THEN remember its UID. A crash between any
// two steps repeats the earlier ones on the next poll, and the store's ON CONFLICT makes the repeat
// a no-op: a message is never marked before it is kept, and never kept twice.

export const MESSAGES_PER_POLL = 50;

export interface PollResult {
  /** Messages inserted for the first time. */
  stored: number;
  /** Messages that were already stored (a repeat after a crash, or a copy in the mailbox). */
  alreadyStored: number;
  /** Left unread on the server, over the size limit: kept as 'rejected' (headers only) with one bounce to the sender. */
  skippedTooLarge: number;
}

export interface PollOptions {
  maxMessageBytes?: number;
  environment?: NodeJS.ProcessEnv;
}

export async function pollTeamMailbox(database: Database, settings: TeamMailSettingsRow, options: PollOptions = {}): Promise<PollResult> {
  const { imapHost, imapPort, imapUser, imapPasswordEnv } = settings;
  if (!imapHost || !imapPort || !imapUser || !imapPasswordEnv) throw new Error('the team mailbox is not fully configured');
  const password = (options.environment ?? process.env)[imapPasswordEnv];
  if (!password) throw new Error(`the environment variable ${imapPasswordEnv} (the mailbox password) is not set`);
  const maxBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const client = new ImapFlow({ host: imapHost, port: imapPort, secure: settings.imapTls, auth: { user: imapUser, pass: password }, logger: false });
  const result: PollResult = { stored: 0, alreadyStored: 0, skippedTooLarge: 0 };
  try {
    await client.connect();
    const lock = await client.getMailboxLock(settings.imapMailbox);
    try {
      const mailbox = client.mailbox;
      if (!mailbox) throw new Error(`the mailbox ${settings.imapMailbox} could not be opened`);
      const uidValidity = Number(mailbox.uidValidity);
      // A new UIDVALIDITY means the server renumbered the mailbox: start over; the keys catch repeats.
      let lastUid = settings.imapUidValidity === uidValidity ? (settings.imapLastUid ?? 0) : 0;
      const found = (await client.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || [];
      // "n:*" always names the last message even when its UID is below n: keep only the new ones.
      const uids = found.filter((uid) => uid > lastUid).sort((a, b) => a - b).slice(0, MESSAGES_PER_POLL);
      // Recorded even when nothing is new: the poll time and a cleared error say the mailbox is reachable.
      await recordImapPosition(database.db, settings.teamId, { uidValidity, lastUid, error: null });
      const sizes = uids.length === 0 ? [] : await client.fetchAll(uids.join(','), { uid: true, size: true }, { uid: true });
      for (const { uid, size } of sizes.sort((a, b) => a.uid - b.uid)) {
        if ((size ?? 0) > maxBytes) {
          // Left unread on the server; its headers are kept for the admins and its sender told once.
          const [headers] = await client.fetchAll(String(uid), { uid: true, headers: true }, { uid: true });
          if (!headers?.headers) throw new Error(`message UID ${uid} has no header section`);
          await keepOversizedMessage(database, { teamId: settings.teamId, envelopeTo: [imapUser], headerSection: headers.headers, sizeBytes: size ?? 0, maxBytes });
          result.skippedTooLarge += 1;
        } else {
          const [message] = await client.fetchAll(String(uid), { uid: true, source: true }, { uid: true });
          if (!message?.source) throw new Error(`message UID ${uid} has no content`);
          const id = await storeArrivedMessage(database, {
            teamId: settings.teamId,
            channel: 'imap',
            envelopeFrom: null,
            envelopeTo: [imapUser],
            raw: message.source,
          });
          if (id) result.stored += 1;
          else result.alreadyStored += 1;
          await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
        }
        lastUid = uid;
        await recordImapPosition(database.db, settings.teamId, { uidValidity, lastUid, error: null });
      }
    } finally {
      lock.release();
    }
    await client.logout();
  } catch (error) {
    client.close();
    // Without the failed query's parameters: they hold the message itself.
    await recordImapError(database.db, settings.teamId, timerErrorSummary(error)).catch(() => undefined);
    throw error;
  }
  return result;
}
