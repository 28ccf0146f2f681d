import { sql } from 'drizzle-orm';
import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectImapClient, imapSettingsOf, mailboxMessage, seenOnServer, startDovecot, type Dovecot } from '../../../../test/support/dovecot.ts';
import { buildCast, type Cast } from '../../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { rowsOf } from '../../../platform/db/database.ts';
import { selectMailSettingsByTeam, upsertMailSettings } from './inbound.store.ts';
import { pollTeamMailbox } from './imap-poller.ts';

// A company mailbox is read over TLS (IMAPS, port 993): a real Dovecot serving implicit TLS with a
// certificate made for the run. Trusted, the poll stores and marks as over plain IMAP; a certificate
// nobody trusts fails the poll with the reason for the admins, and nothing is read or marked.

let t: TestApp;
let cast: Cast;
let dovecot: Dovecot;
let client: ImapFlow;
const environment = { HALLWAY_TEST_IMAPS_PASSWORD: '' };

beforeAll(async () => {
  [t, dovecot] = await Promise.all([createTestApp(), startDovecot({ tls: true })]);
  cast = await buildCast(t.database);
  environment.HALLWAY_TEST_IMAPS_PASSWORD = dovecot.password;
  await upsertMailSettings(t.database.db, { teamId: cast.team.id, inboundAddress: 'facilities@hallway.test', ...imapSettingsOf(dovecot, 'HALLWAY_TEST_IMAPS_PASSWORD') });
  client = await connectImapClient(dovecot);
});
afterAll(async () => {
  await client?.logout();
  await dovecot?.stop();
  await t?.close();
});

const settings = async () => (await selectMailSettingsByTeam(t.database.db, cast.team.id))!;
const storedCount = async (id: string) =>
  rowsOf(await t.database.db.execute(sql`select id from inbound_messages where message_key = ${`id:${id}`}`)).length;

describe('polling a team mailbox over TLS', () => {
  it('refuses a server whose certificate nobody trusts: the reason for the admins, nothing read or marked', async () => {
    const appended = await client.append('INBOX', mailboxMessage('untrusted-1@corp.test', 'Badge reader dead'));
    await expect(pollTeamMailbox(t.database, await settings(), { environment })).rejects.toThrow();
    expect((await settings()).imapLastError).toMatch(/certificate/i);
    expect(await storedCount('untrusted-1@corp.test')).toBe(0);
    expect(await seenOnServer(client, Number(appended && appended.uid))).toBe(false);
  });

  it('stores each message over a verified connection, then marks it seen, as over plain IMAP', async () => {
    const appended = await client.append('INBOX', mailboxMessage('tls-1@corp.test', 'Blinds stuck in 4.02'));
    // The message the refused poll left unread comes too: nothing was lost by refusing.
    expect(await pollTeamMailbox(t.database, await settings(), { environment, trustedCertificates: dovecot.certificate! })).toEqual({ stored: 2, alreadyStored: 0, skippedTooLarge: 0 });
    expect(await storedCount('tls-1@corp.test')).toBe(1);
    expect(await storedCount('untrusted-1@corp.test')).toBe(1);
    expect(await seenOnServer(client, Number(appended && appended.uid))).toBe(true);
    expect((await settings()).imapLastError).toBeNull();
  });
});
