import { sql } from 'drizzle-orm';
import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectImapClient, imapSettingsOf, mailboxMessage, seenOnServer, startDovecot, type Dovecot } from '../../../../test/support/dovecot.ts';
import { buildCast, type Cast } from '../../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { rowsOf } from '../../../platform/db/database.ts';
import { fireDueTimers } from '../../../platform/jobs/timers.ts';
import { domainTimerHandlers } from '../../domain-timers.ts';
import { selectMailSettingsByTeam, upsertMailSettings } from './inbound.store.ts';
import { mailboxLockKey, pollTeamMailboxes } from './imap-poll-loop.ts';
import { pollTeamMailbox } from './imap-poller.ts';
import { storeArrivedMessage } from './store-inbound.ts';

// Polling a real Dovecot: a message is stored before it is marked \Seen on the server, a repeat of
// the same message after a crash is not stored twice, and a failed store leaves it unread for later.

let t: TestApp;
let cast: Cast;
let dovecot: Dovecot;
let client: ImapFlow;
const environment = { HALLWAY_TEST_IMAP_PASSWORD: '' };

beforeAll(async () => {
  [t, dovecot] = await Promise.all([createTestApp(), startDovecot()]);
  cast = await buildCast(t.database);
  environment.HALLWAY_TEST_IMAP_PASSWORD = dovecot.password;
  await upsertMailSettings(t.database.db, {
    teamId: cast.team.id,
    inboundAddress: 'facilities@hallway.test',
    ...imapSettingsOf(dovecot, 'HALLWAY_TEST_IMAP_PASSWORD'),
  });
  client = await connectImapClient(dovecot);
});
afterAll(async () => {
  await client?.logout();
  await dovecot?.stop();
  await t?.close();
});

async function poll() {
  const settings = await selectMailSettingsByTeam(t.database.db, cast.team.id);
  return pollTeamMailbox(t.database, settings!, { environment });
}

async function storedImap(key: string) {
  return rowsOf<{ id: string; raw: Buffer | Uint8Array }>(
    await t.database.db.execute(sql`select id, raw from inbound_messages where channel = 'imap' and message_key = ${key}`),
  );
}

describe('polling a team mailbox', () => {
  it('stores each new message and only then marks it seen on the server', async () => {
    const first = await client.append('INBOX', mailboxMessage('leak-1@corp.test', 'Water leak in room 2.14'));
    const second = await client.append('INBOX', mailboxMessage('lamp-1@corp.test', 'Lamp broken'));
    expect(await poll()).toEqual({ stored: 2, alreadyStored: 0, skippedTooLarge: 0 });
    const [leak] = await storedImap('id:leak-1@corp.test');
    expect(Buffer.from(leak!.raw).toString()).toContain('Water leak in room 2.14, please.');
    expect(await storedImap('id:lamp-1@corp.test')).toHaveLength(1);
    expect(await seenOnServer(client, Number(first && first.uid))).toBe(true);
    expect(await seenOnServer(client, Number(second && second.uid))).toBe(true);
    // Nothing new: nothing stored again.
    expect(await poll()).toEqual({ stored: 0, alreadyStored: 0, skippedTooLarge: 0 });
  });

  it('does not store twice a message stored before a crash kept it from being marked', async () => {
    const raw = mailboxMessage('crash-1@corp.test', 'Heating off');
    const appended = await client.append('INBOX', raw);
    // The previous poll stored it and died before marking it seen and remembering its UID.
    await storeArrivedMessage(t.database, { teamId: cast.team.id, channel: 'imap', envelopeFrom: null, envelopeTo: [dovecot.user], raw });
    expect(await seenOnServer(client, Number(appended && appended.uid))).toBe(false);
    expect(await poll()).toEqual({ stored: 0, alreadyStored: 1, skippedTooLarge: 0 });
    expect(await storedImap('id:crash-1@corp.test')).toHaveLength(1);
    expect(await seenOnServer(client, Number(appended && appended.uid))).toBe(true);
  });

  it("files a polled message from a person in the directory as their e-mail request", async () => {
    const raw = Buffer.from(
      `From: ${cast.people.employee.email}\r\nTo: facilities@hallway.test\r\nSubject: Window will not close\r\nMessage-ID: <window-1@corp.test>\r\n\r\nRoom 3.07, it is cold.\r\n`,
    );
    await client.append('INBOX', raw);
    expect(await poll()).toMatchObject({ stored: 1 });
    await fireDueTimers(t.database, domainTimerHandlers);
    const [request] = rowsOf<{ channel: string; requester_id: string; description: string }>(
      await t.database.db.execute(sql`select channel, requester_id, description from requests where subject = 'Window will not close'`),
    );
    expect(request).toMatchObject({ channel: 'email', requester_id: cast.people.employee.id, description: expect.stringContaining('Room 3.07') });
  });

  it('takes every message while other sessions change flags in the mailbox: a second poller, a person flagging mail', async () => {
    const uids: number[] = [];
    for (let n = 1; n <= 30; n += 1) {
      const appended = await client.append('INBOX', mailboxMessage(`twin-${n}@corp.test`, `Twin poll ${n}`));
      uids.push(Number(appended && appended.uid));
    }
    // Another session's flag changes reach a poller's session as unrequested FETCH rows (flags, no
    // UID, no content), answered along with the poller's own FETCH.
    let polling = true;
    const flagging = (async () => {
      const lock = await client.getMailboxLock('INBOX');
      try {
        for (let round = 0; polling || round < 2; round += 1) {
          await (round % 2 === 0 ? client.messageFlagsAdd('1:*', ['\\Flagged']) : client.messageFlagsRemove('1:*', ['\\Flagged']));
        }
      } finally {
        lock.release();
      }
    })();
    const polls = await Promise.all([poll(), poll()]).finally(() => (polling = false));
    await flagging;
    expect(polls[0].stored + polls[1].stored).toBe(30);
    const stored = rowsOf<{ count: string | number }>(await t.database.db.execute(sql`select count(*) as count from inbound_messages where message_key like 'id:twin-%'`));
    expect(Number(stored[0]!.count)).toBe(30);
    for (const uid of uids) expect(await seenOnServer(client, uid)).toBe(true);
  });

  it('leaves a message unread on the server when it cannot be stored, and takes it on the next poll', async () => {
    const appended = await client.append('INBOX', mailboxMessage('outage-1@corp.test', 'Door stuck'));
    await t.database.db.execute(sql`create function refuse_inbound() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`);
    await t.database.db.execute(sql`create trigger refuse_inbound before insert on inbound_messages for each row execute function refuse_inbound()`);
    try {
      await expect(poll()).rejects.toThrow();
      expect(await seenOnServer(client, Number(appended && appended.uid))).toBe(false);
    } finally {
      await t.database.db.execute(sql`drop trigger refuse_inbound on inbound_messages`);
      await t.database.db.execute(sql`drop function refuse_inbound()`);
    }
    const settings = await selectMailSettingsByTeam(t.database.db, cast.team.id);
    expect(settings?.imapLastError).toMatch(/disk full/);
    // The failed query's parameters (the message itself) are not kept with the error.
    expect(settings?.imapLastError).not.toContain('Door stuck');
    expect(await poll()).toEqual({ stored: 1, alreadyStored: 0, skippedTooLarge: 0 });
    expect(await seenOnServer(client, Number(appended && appended.uid))).toBe(true);
  });

  it('keeps a message over the size limit unread on the server, its headers for the admins, and bounces it once', async () => {
    const big = Buffer.from(
      `From: Bea Builder <bea@corp.test>\r\nTo: facilities@hallway.test\r\nSubject: Floor plans\r\nMessage-ID: <plans-1@corp.test>\r\n\r\n${'plan '.repeat(4000)}\r\n`,
    );
    const appended = await client.append('INBOX', big);
    const settings = await selectMailSettingsByTeam(t.database.db, cast.team.id);
    const limited = () => pollTeamMailbox(t.database, settings!, { environment, maxMessageBytes: 8 * 1024 });
    expect(await limited()).toEqual({ stored: 0, alreadyStored: 0, skippedTooLarge: 1 });
    expect(await seenOnServer(client, Number(appended && appended.uid))).toBe(false);
    const kept = rowsOf<{ id: string; status: string; status_reason: string; raw: Buffer | Uint8Array }>(
      await t.database.db.execute(sql`select id, status, status_reason, raw from inbound_messages where message_key = 'id:plans-1@corp.test'`),
    );
    expect(kept).toEqual([expect.objectContaining({ status: 'rejected', status_reason: expect.stringMatching(/too large: \d+ bytes, over the limit of 8192/) })]);
    expect(Buffer.from(kept[0]!.raw).toString()).toContain('Subject: Floor plans');
    expect(Buffer.from(kept[0]!.raw).toString()).not.toContain('plan plan');
    const bounces = () =>
      t.database.db.execute(sql`select to_address, kind, subject, text_body, in_reply_to, headers from outbound_messages where kind = 'bounce' and to_address = 'bea@corp.test'`);
    const [bounce] = rowsOf<{ subject: string; text_body: string; in_reply_to: string; headers: Record<string, string> }>(await bounces());
    expect(bounce).toMatchObject({ subject: 'Re: Floor plans', in_reply_to: 'plans-1@corp.test', headers: expect.objectContaining({ 'Auto-Submitted': 'auto-replied' }) });
    expect(bounce!.text_body).toMatch(/is 2\d KB, more than the\s+8 KB/);
    // Polled again (the UID was remembered; a UIDVALIDITY reset would see it again): nothing twice.
    await t.database.db.execute(sql`update team_mail_settings set imap_last_uid = 0 where team_id = ${cast.team.id}`);
    await pollTeamMailbox(t.database, (await selectMailSettingsByTeam(t.database.db, cast.team.id))!, { environment, maxMessageBytes: 8 * 1024 });
    expect(rowsOf(await bounces())).toHaveLength(1);
    // Only its headers are here: an admin cannot file it by reprocessing.
    const reprocess = await t.app.inject({ method: 'POST', url: `/api/v1/admin/inbound-mail/${kept[0]!.id}/reprocess`, headers: cast.headers.admin });
    expect(reprocess.statusCode).toBe(409);
  });
});

describe('the poll loop: every mailbox, one process at a time', () => {
  it('skips a mailbox another process is polling, takes it once free, and polls the others whatever one of them does', async () => {
    // Another team's mailbox whose password is not set: its poll fails, and the loop goes on.
    await upsertMailSettings(t.database.db, { teamId: cast.otherTeam.id, inboundAddress: 'hr@hallway.test', ...imapSettingsOf(dovecot, 'HALLWAY_TEST_UNSET_PASSWORD') });
    await client.append('INBOX', mailboxMessage('loop-1@corp.test', 'Projector flickers'));
    const teamRound = (rounds: Awaited<ReturnType<typeof pollTeamMailboxes>>) => rounds.find((round) => round.teamId === cast.team.id);

    // Another process holds the team's mailbox for as long as this test says.
    let taken!: () => void;
    let release!: () => void;
    const holding = new Promise<void>((resolve) => (taken = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const otherProcess = t.database.exclusivelyIfFree(mailboxLockKey(cast.team.id), async () => {
      taken();
      await released;
    });
    await holding;
    try {
      const whileHeld = await pollTeamMailboxes(t.database, { environment });
      expect(whileHeld.find((round) => round.teamId === cast.otherTeam.id)).toMatchObject({ outcome: 'failed', error: expect.objectContaining({ message: expect.stringMatching(/HALLWAY_TEST_UNSET_PASSWORD/) }) });
      if (t.database.kind === 'postgres') {
        expect(teamRound(whileHeld)).toEqual({ teamId: cast.team.id, outcome: 'held elsewhere' });
        expect(await storedImap('id:loop-1@corp.test')).toHaveLength(0);
      } else {
        // An embedded database is opened by one process only: there is no other poller to skip for.
        expect(teamRound(whileHeld)).toMatchObject({ outcome: 'polled' });
        expect(await storedImap('id:loop-1@corp.test')).toHaveLength(1);
      }
    } finally {
      release();
      await otherProcess;
    }
    const afterwards = await pollTeamMailboxes(t.database, { environment });
    expect(teamRound(afterwards)).toMatchObject({ outcome: 'polled' });
    expect(await storedImap('id:loop-1@corp.test')).toHaveLength(1);
  });
});
