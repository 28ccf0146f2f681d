import { sql } from 'drizzle-orm';
import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIL_FIXTURES } from '../../../../test/fixtures/mail/manifest.ts';
import { connectImapClient, imapSettingsOf, startDovecot, type Dovecot } from '../../../../test/support/dovecot.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { rowsOf } from '../../../platform/db/database.ts';
import { selectMailSettingsByTeam } from './inbound.store.ts';
import { pollTeamMailbox, type PollResult } from './imap-poller.ts';
import { arrangeCorpusDesk, expectCorpusLanded, fireTimersUntilNone, readCorpus, type CorpusDesk } from './mail-corpus.test-support.ts';
import { messageKeyOf } from './message-key.ts';

// The whole mail corpus (test/fixtures/mail) polled from a real Dovecot mailbox, with one message
// over the size limit among it: a store that fails half-way leaves the rest unread, then every
// message is stored once and marked \Seen only once stored, none is stored or filed again when the
// mailbox holds it twice or is read again from the start, and each lands where it should.

let t: TestApp;
let dovecot: Dovecot;
let client: ImapFlow;
let desk: CorpusDesk;
const environment = { HALLWAY_TEST_IMAP_PASSWORD: '' };
const MAX_MESSAGE_BYTES = 64 * 1024;
const OVERSIZED_KEY = 'id:floor-scans@corp.example';
const oversized = Buffer.from(
  `From: Olive Example <olive@corp.example>\r\nTo: IT Help <it@hallway.example>\r\nSubject: Scans of the whole floor\r\n` +
    `Message-ID: <floor-scans@corp.example>\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\n\r\n${'scan '.repeat(20_000)}\r\n`,
);

beforeAll(async () => {
  [t, dovecot] = await Promise.all([createTestApp(), startDovecot()]);
  environment.HALLWAY_TEST_IMAP_PASSWORD = dovecot.password;
  desk = await arrangeCorpusDesk(t.database, imapSettingsOf(dovecot, 'HALLWAY_TEST_IMAP_PASSWORD'));
  client = await connectImapClient(dovecot);
}, 60_000);
afterAll(async () => {
  await client?.logout();
  await dovecot?.stop();
  await t?.close();
});

async function poll(): Promise<PollResult> {
  const settings = await selectMailSettingsByTeam(t.database.db, desk.teamId);
  return pollTeamMailbox(t.database, settings!, { environment, maxMessageBytes: MAX_MESSAGE_BYTES });
}

/** Polls until a poll finds nothing new (50 messages a poll); the sum of what the polls did. */
async function pollUntilQuiet(): Promise<PollResult> {
  const total: PollResult = { stored: 0, alreadyStored: 0, skippedTooLarge: 0 };
  for (;;) {
    const result = await poll();
    if (result.stored + result.alreadyStored + result.skippedTooLarge === 0) return total;
    total.stored += result.stored;
    total.alreadyStored += result.alreadyStored;
    total.skippedTooLarge += result.skippedTooLarge;
  }
}

/** Appends every corpus file, then the oversized message; the file name of each UID. */
async function appendAll(raws: Map<string, Buffer>, names: Map<number, string>): Promise<void> {
  for (const [file, raw] of [...raws, ['oversized', oversized] as const]) {
    const appended = await client.append('INBOX', raw);
    if (!appended || !appended.uid) throw new Error(`${file} was not appended`);
    names.set(appended.uid, file);
  }
}

/** What the server holds, by UID: the message's key (as the poller computes it) and whether it is \Seen. */
async function mailbox(): Promise<Array<{ uid: number; key: string; seen: boolean }>> {
  const lock = await client.getMailboxLock('INBOX');
  try {
    const messages = await client.fetchAll('1:*', { uid: true, flags: true, source: true });
    // Flag changes another session made (the poller's \Seen) come along as rows of their own, without the source.
    return messages.flatMap((message) => (message.source ? [{ uid: message.uid, key: messageKeyOf(message.source).key, seen: message.flags?.has('\\Seen') ?? false }] : []));
  } finally {
    lock.release();
  }
}

const storedKeys = async () =>
  new Set(rowsOf<{ message_key: string }>(await t.database.db.execute(sql`select message_key from inbound_messages where team_id = ${desk.teamId}`)).map((row) => row.message_key));
const emailRequests = async () =>
  Number(rowsOf<{ count: string | number }>(await t.database.db.execute(sql`select count(*) as count from requests where channel = 'email'`))[0]!.count);

/** The files \Seen on the server, and those of them not stored: a message is marked only once kept. */
async function seenFiles(names: Map<number, string>): Promise<{ seen: string[]; seenNotStored: string[] }> {
  const [held, stored] = await Promise.all([mailbox(), storedKeys()]);
  const seen = held.filter((message) => message.seen);
  return { seen: seen.map((message) => names.get(message.uid)!), seenNotStored: seen.filter((message) => !stored.has(message.key)).map((message) => names.get(message.uid)!) };
}

describe('the mail corpus polled from a real IMAP mailbox', () => {
  it('stores every message once, marked seen only once stored, polled twice over and redelivered, and each lands where it should', async () => {
    const raws = await readCorpus();
    const names = new Map<number, string>();
    await appendAll(raws, names);
    const files = MAIL_FIXTURES.map((fixture) => fixture.file);

    // The store fails at the 20th message: the 19 before it are kept and seen, it and the rest neither.
    const failAt = files.indexOf('20-reply-german-gmail.eml');
    await t.database.db.execute(sql`create function refuse_german_reply() returns trigger language plpgsql as $$
      begin if new.message_key = 'id:CAGerman20@mail.gmail.example' then raise exception 'disk full'; end if; return new; end $$`);
    await t.database.db.execute(sql`create trigger refuse_german_reply before insert on inbound_messages for each row execute function refuse_german_reply()`);
    try {
      await expect(poll()).rejects.toThrow();
    } finally {
      await t.database.db.execute(sql`drop trigger refuse_german_reply on inbound_messages`);
      await t.database.db.execute(sql`drop function refuse_german_reply()`);
    }
    expect((await storedKeys()).size).toBe(failAt);
    expect(await seenFiles(names)).toEqual({ seen: files.slice(0, failAt), seenNotStored: [] });

    // The next polls take the rest; the oversized message is kept as its headers and left unread.
    expect(await pollUntilQuiet()).toEqual({ stored: files.length - failAt, alreadyStored: 0, skippedTooLarge: 1 });
    expect(await seenFiles(names)).toEqual({ seen: files, seenNotStored: [] });
    await fireTimersUntilNone(t.database);
    const requestsAfterFirst = await emailRequests();

    // Redelivered: every message a second time in the mailbox, under new UIDs.
    await appendAll(raws, names);
    expect(await pollUntilQuiet()).toEqual({ stored: 0, alreadyStored: files.length, skippedTooLarge: 1 });
    // Read again from the start, as after the server renumbered the mailbox (a new UIDVALIDITY).
    await t.database.db.execute(sql`update team_mail_settings set imap_uid_validity = imap_uid_validity + 1 where team_id = ${desk.teamId}`);
    expect(await pollUntilQuiet()).toEqual({ stored: 0, alreadyStored: 2 * files.length, skippedTooLarge: 2 });
    // And from the start of the same numbering, as after the remembered UID was lost.
    await t.database.db.execute(sql`update team_mail_settings set imap_last_uid = 0 where team_id = ${desk.teamId}`);
    expect(await pollUntilQuiet()).toEqual({ stored: 0, alreadyStored: 2 * files.length, skippedTooLarge: 2 });
    await fireTimersUntilNone(t.database);

    expect(await seenFiles(names)).toEqual({ seen: [...files, ...files], seenNotStored: [] });
    expect(await emailRequests()).toBe(requestsAfterFirst);
    expect(rowsOf(await t.database.db.execute(sql`select id from inbound_messages where team_id = ${desk.teamId} and status = 'received'`))).toEqual([]);
    // Keyed as the poller keys what the server hands out (Dovecot gives bare LFs as CRLF, NUL as 0x80).
    const held = await mailbox();
    const receivedKeys = new Map(held.map((message) => [names.get(message.uid)!, message.key]));
    expect(held.filter((message) => message.key !== receivedKeys.get(names.get(message.uid)!))).toEqual([]);
    await expectCorpusLanded(t.database, desk, receivedKeys, [OVERSIZED_KEY]);
    const [kept] = rowsOf<{ status: string; status_reason: string }>(
      await t.database.db.execute(sql`select status, status_reason from inbound_messages where message_key = ${OVERSIZED_KEY}`),
    );
    expect(kept).toEqual({ status: 'rejected', status_reason: expect.stringMatching(/^too large: \d+ bytes, over the limit of 65536/) });
    const bounces = rowsOf(await t.database.db.execute(sql`select id from outbound_messages where kind = 'bounce' and to_address = 'olive@corp.example'`));
    expect(bounces).toHaveLength(1);
  }, 180_000);
});
