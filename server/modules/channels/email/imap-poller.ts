import { rootCertificates } from 'node:tls';
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
  /**
   * Certificates (PEM) to trust for a TLS mailbox besides Node's own store: a test's self-signed
   * server. A deployment whose mail server has a company CA sets NODE_EXTRA_CA_CERTS instead. A
   * certificate nobody trusts fails the poll: mail is never read over an unverified connection.
   */
  trustedCertificates?: string;
}

export async function pollTeamMailbox(database: Database, settings: TeamMailSettingsRow, options: PollOptions = {}): Promise<PollResult> {
  const { imapHost, imapPort, imapUser, imapPasswordEnv } = settings;
  if (!imapHost || !imapPort || !imapUser || !imapPasswordEnv) throw new Error('the team mailbox is not fully configured');
  const password = (options.environment ?? process.env)[imapPasswordEnv];
  if (!password) throw new Error(`the environment variable ${imapPasswordEnv} (the mailbox password) is not set`);
  const maxBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const tls = options.trustedCertificates ? { tls: { ca: [...rootCertificates, options.trustedCertificates] } } : {};
  const client = new ImapFlow({ host: imapHost, port: imapPort, secure: settings.imapTls, ...tls, auth: { user: imapUser, pass: password }, logger: false });
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
      const sizes = await sizesOf(client, uids);
      for (const uid of uids.filter((candidate) => sizes.has(candidate))) {
        const size = sizes.get(uid)!;
        if (size > maxBytes) {
          // Left unread on the server; its headers are kept for the admins and its sender told once.
          const headerSection = await fetchPart(client, uid, 'headers');
          if (!headerSection) throw new Error(`message UID ${uid} has no header section`);
          await keepOversizedMessage(database, { teamId: settings.teamId, envelopeTo: [imapUser], headerSection, sizeBytes: size, maxBytes });
          result.skippedTooLarge += 1;
        } else {
          const source = await fetchPart(client, uid, 'source');
          if (!source) throw new Error(`message UID ${uid} has no content`);
          const id = await storeArrivedMessage(database, {
            teamId: settings.teamId,
            channel: 'imap',
            envelopeFrom: null,
            envelopeTo: [imapUser],
            raw: source,
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

// A FETCH's answer also carries the flag changes other sessions made in the mailbox meanwhile (another
// Hallway process marking \Seen, a person's mail client), as rows of their own without the asked-for
// items, and often without a UID: only the rows of the UIDs asked for, with what was asked, count.

/** The size of each of these UIDs still in the mailbox (0 when the server gives none, as if small). */
async function sizesOf(client: ImapFlow, uids: number[]): Promise<Map<number, number>> {
  const sizes = new Map<number, number>();
  if (uids.length === 0) return sizes;
  const asked = new Set(uids);
  for (const row of await client.fetchAll(uids.join(','), { uid: true, size: true }, { uid: true })) {
    if (asked.has(row.uid) && (typeof row.size === 'number' || !sizes.has(row.uid))) sizes.set(row.uid, row.size ?? 0);
  }
  return sizes;
}

async function fetchPart(client: ImapFlow, uid: number, part: 'source' | 'headers'): Promise<Buffer | undefined> {
  const query = part === 'source' ? { uid: true, source: true } : { uid: true, headers: true };
  const rows = await client.fetchAll(String(uid), query, { uid: true });
  return rows.find((row) => row.uid === uid && row[part])?.[part];
}
