import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { MAIL_CORPUS_FOLDER, MAIL_FIXTURES, type MailFixture } from '../../../../test/fixtures/mail/manifest.ts';
import { buildPerson, buildTeam } from '../../../../test/support/factories.ts';
import { rowsOf, type Database } from '../../../platform/db/database.ts';
import { fireDueTimers } from '../../../platform/jobs/timers.ts';
import { domainTimerHandlers } from '../../domain-timers.ts';
import { createRequest, findRequestForHallway } from '../../requests/requests.service.ts';
import { insertReplyToken, insertThreadId, upsertMailSettings } from './inbound.store.ts';
import type { teamMailSettings } from './mail.tables.ts';
import { messageKeyOf, normaliseMessageId } from './message-key.ts';

// The mail corpus (test/fixtures/mail) as a team's desk receives it, shared by the SMTP and IMAP
// intake tests (the name keeps it out of the test run): the desk made ready before delivery, with
// the requests the corpus replies answer, and the check that every message landed where it should.

export const CORPUS_TEAM_ADDRESS = 'it@hallway.example';

export interface CorpusDesk {
  teamId: string;
  /** The requests the corpus replies answer (the manifest's `repliesTo`): request id by key. */
  threads: Map<string, string>;
  /** The reply tokens Hallway issued for those requests. */
  issuedTokens: Set<string>;
}

/** Every corpus file's bytes, by file name, in the manifest's order. */
export async function readCorpus(): Promise<Map<string, Buffer>> {
  const raws = new Map<string, Buffer>();
  for (const fixture of MAIL_FIXTURES) raws.set(fixture.file, await readFile(path.join(MAIL_CORPUS_FOLDER, fixture.file)));
  return raws;
}

/** Fires due timers until none is left: every stored message processed, and what that queued. */
export async function fireTimersUntilNone(database: Database): Promise<void> {
  while ((await fireDueTimers(database, domainTimerHandlers)) > 0);
}

type MailSettings = Omit<typeof teamMailSettings.$inferInsert, 'teamId' | 'inboundAddress'>;

/**
 * The IT team (keys IT-n) at it@hallway.example, every corpus sender in the directory, and each
 * request a reply answers: filed earlier by the reply's sender under the key it names, with the
 * Message-IDs the reply refers to recorded as Hallway's own mail about it, and the reply's token
 * issued for it. One token the corpus gives to replies on different requests (a placeholder no
 * real thread could carry: a token names one request) is left unissued, so it is a token Hallway
 * does not know, and those replies must find their request by what else they carry.
 */
export async function arrangeCorpusDesk(database: Database, settings: MailSettings = {}): Promise<CorpusDesk> {
  const team = await buildTeam(database, { keyPrefix: 'IT' });
  const people = new Map<string, { id: string; name: string }>();
  for (const fixture of MAIL_FIXTURES) {
    const email = 'from' in fixture ? fixture.from.toLowerCase() : null;
    if (email && !people.has(email)) people.set(email, await buildPerson(database, { email }));
  }

  const replies = MAIL_FIXTURES.flatMap((fixture) => ('repliesTo' in fixture && fixture.repliesTo ? [{ ...fixture, repliesTo: fixture.repliesTo }] : []));
  const keysByToken = new Map<string, Set<string>>();
  for (const reply of replies) {
    const token = reply.threading?.replyToken;
    if (token) keysByToken.set(token, new Set([...(keysByToken.get(token) ?? []), reply.repliesTo]));
  }
  const threads = new Map<string, string>();
  const issuedTokens = new Set<string>();
  const byNumber = [...replies].sort((a, b) => keyNumber(a.repliesTo) - keyNumber(b.repliesTo));
  for (const reply of byNumber) {
    let requestId = threads.get(reply.repliesTo);
    if (!requestId) {
      const requester = people.get(reply.from.toLowerCase())!;
      requestId = await fileAs(database, team, requester, reply.repliesTo, reply.subject);
      threads.set(reply.repliesTo, requestId);
    }
    for (const messageId of reply.threading?.referencedIds ?? []) {
      await insertThreadId(database.db, normaliseMessageId(messageId)!, requestId, 'out');
    }
    const token = reply.threading?.replyToken;
    if (token && keysByToken.get(token)?.size === 1 && !issuedTokens.has(token)) {
      expect(await insertReplyToken(database.db, requestId, token)).toBe(token);
      issuedTokens.add(token);
    }
  }
  // The address last: filed while the team had none, no acknowledgement made a token of its own.
  await upsertMailSettings(database.db, { teamId: team.id, inboundAddress: CORPUS_TEAM_ADDRESS, unknownSenderRule: 'hold', ...settings });
  return { teamId: team.id, threads, issuedTokens };
}

const keyNumber = (key: string) => Number(key.slice(key.lastIndexOf('-') + 1));

/** Files a request on the portal under exactly `key` (the team's numbering moved to just before it). */
async function fileAs(database: Database, team: { id: string; slug: string }, requester: { id: string; name: string }, key: string, replySubject: string): Promise<string> {
  await database.db.execute(sql`select setval(request_number_sequence(${team.id}::uuid)::regclass, ${keyNumber(key) - 1})`);
  const subject = replySubject.replace(/^(?:\s*(?:re|aw|fwd?|auto|automatic reply|away)\s*:\s*)+/i, '').replace(/\[[A-Z]+-\d+\]\s*/, '') || key;
  const actor = { personId: requester.id, name: requester.name, isAdmin: false, memberships: [] };
  const filed = await database.db.transaction((tx) => createRequest(tx, actor, { team: team.slug, subject, description: `${subject}.`, channel: 'portal' }));
  expect(filed.body.key).toBe(key);
  return (await findRequestForHallway(database.db, { key }))!.id;
}

interface LandedRow {
  message_key: string;
  status: string;
  status_reason: string | null;
  automated_kind: string | null;
  request_id: string | null;
  request_key: string | null;
  subject: string | null;
  channel: string | null;
  requester: string | null;
  event_id: string | number | null;
  event_kind: string | null;
  event_request_id: string | null;
  author: string | null;
}

/** Where a message must land, in words: failed for an admin, kept as automated, a comment, or a new request. */
function expectedLanding(fixture: MailFixture, desk: CorpusDesk): string {
  if ('refused' in fixture) return 'failed';
  if (fixture.automated !== 'none') return `automated ${fixture.automated}`;
  if (!fixture.repliesTo) return `new request "${fixture.subject}" by ${fixture.from.toLowerCase()} (email)`;
  const { replyToken, referencedIds } = fixture.threading ?? {};
  const by = replyToken && desk.issuedTokens.has(replyToken) ? 'reply-token' : referencedIds?.length ? 'references' : 'subject-key';
  return `comment on ${fixture.repliesTo} by ${fixture.from.toLowerCase()} (reply found by ${by})`;
}

/** Where a stored message did land, in the same words. */
function landingOf(row: LandedRow | undefined, desk: CorpusDesk): string {
  if (!row) return 'not stored';
  const arranged = row.request_id !== null && [...desk.threads.values()].includes(row.request_id);
  if (row.status === 'failed' && row.request_id === null && row.status_reason) return 'failed';
  if (row.status === 'processed' && row.automated_kind && row.request_id === null && row.event_id === null) return `automated ${row.automated_kind}`;
  if (row.status === 'processed' && !row.automated_kind && row.event_kind === 'commented' && row.event_request_id === row.request_id) {
    return `comment on ${row.request_key} by ${row.author} (${row.status_reason})`;
  }
  if (row.status === 'processed' && !row.automated_kind && row.request_id && row.event_id === null && !arranged) {
    return `new request "${row.subject}" by ${row.requester} (${row.channel})`;
  }
  return `${row.status} (${row.automated_kind ?? 'not automated'}, ${row.request_key ?? 'no request'}, event ${row.event_id ?? 'none'}: ${row.status_reason})`;
}

/**
 * The key each corpus file is stored under when delivered over SMTP. A message without a Message-ID
 * is keyed by its bytes as received, and SMTP sends every bare CR or LF as CRLF, the data ending
 * with one (nodemailer's data stream; the listener keeps what it was sent).
 */
export function smtpReceivedKeys(raws: Map<string, Buffer>): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [file, raw] of raws) {
    const crlf = raw.toString('latin1').replace(/\r\n|\r|\n/g, '\r\n');
    keys.set(file, messageKeyOf(Buffer.from(crlf.endsWith('\r\n') ? crlf : `${crlf}\r\n`, 'latin1')).key);
  }
  return keys;
}

/**
 * Every corpus message stored once (and besides them only `otherKeys`), processed, and landed where
 * the manifest says: failed, kept as automated, a comment by its sender on exactly the request it
 * answers, or a new request of its own by its sender. No request is commented on more than its
 * replies, and no e-mail request was filed but those of the new-request messages.
 */
export async function expectCorpusLanded(database: Database, desk: CorpusDesk, receivedKeys: Map<string, string>, otherKeys: string[] = []): Promise<void> {
  const stored = rowsOf<LandedRow>(
    await database.db.execute(sql`
      select m.message_key, m.status, m.status_reason, m.automated_kind, m.request_id, r.key as request_key, r.subject, r.channel,
             requester.email as requester, m.event_id, e.kind as event_kind, e.request_id as event_request_id, author.email as author
      from inbound_messages m
      left join requests r on r.id = m.request_id
      left join people requester on requester.id = r.requester_id
      left join request_events e on e.id = m.event_id
      left join people author on author.id = e.actor_id
      where m.team_id = ${desk.teamId}`),
  );
  expect(stored.map((row) => row.message_key).sort()).toEqual([...MAIL_FIXTURES.map((fixture) => receivedKeys.get(fixture.file)), ...otherKeys].sort());
  const byKey = new Map(stored.map((row) => [row.message_key, row]));
  const landed = MAIL_FIXTURES.map((fixture) => `${fixture.file}: ${landingOf(byKey.get(receivedKeys.get(fixture.file)!), desk)}`);
  expect(landed).toEqual(MAIL_FIXTURES.map((fixture) => `${fixture.file}: ${expectedLanding(fixture, desk)}`));

  const newRequests = stored.filter((row) => row.status === 'processed' && row.request_id && row.event_id === null).map((row) => row.request_id);
  expect(new Set(newRequests).size).toBe(newRequests.length);
  const emailRequests = rowsOf<{ id: string }>(await database.db.execute(sql`select id from requests where team_id = ${desk.teamId} and channel = 'email'`));
  expect(emailRequests.map((row) => row.id).sort()).toEqual([...newRequests].sort());
  const comments = rowsOf<{ key: string; count: string | number }>(
    await database.db.execute(sql`select r.key, count(e.id) as count from requests r
      left join request_events e on e.request_id = r.id and e.kind = 'commented'
      where r.team_id = ${desk.teamId} and r.channel = 'portal' group by r.key`),
  );
  const expectedComments = [...desk.threads.keys()].map((key) => {
    const replies = MAIL_FIXTURES.filter((fixture) => 'repliesTo' in fixture && fixture.repliesTo === key && fixture.automated === 'none');
    return `${key}: ${replies.length}`;
  });
  expect(comments.map((row) => `${row.key}: ${Number(row.count)}`).sort()).toEqual(expectedComments.sort());
}
