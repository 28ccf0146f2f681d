import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast, type Cast } from '../../../../../test/support/roles.ts';
import { createTestApp, type TestApp } from '../../../../../test/support/test-app.ts';
import { rowsOf } from '../../../../platform/db/database.ts';
import { upsertMailSettings } from '../inbound.store.ts';
import { RATE_LIMIT_PER_HOUR } from './loop-guard.ts';
import { queueMail, type MailToQueue } from './outbox.ts';

// queueMail: written with the change or not at all, once per dedupe key, and through the loop
// guard: marked automatic, never to Hallway itself or a mail system, and rate-limited per recipient.

let t: TestApp;
let cast: Cast;
const teamAddress = 'guard@hallway.test';

beforeAll(async () => {
  t = await createTestApp();
  cast = await buildCast(t.database);
  await upsertMailSettings(t.database.db, { teamId: cast.team.id, inboundAddress: teamAddress });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const base = (overrides: Partial<MailToQueue>): MailToQueue => ({ kind: 'reply', from: teamAddress, to: 'someone@corp.test', subject: 'Hello', text: 'Text', ...overrides });
const queued = (values: MailToQueue) => t.database.db.transaction((tx) => queueMail(tx, values));
async function rowsTo(address: string) {
  return rowsOf<{ kind: string; status: string; status_reason: string | null; headers: Record<string, string>; subject: string }>(
    await t.database.db.execute(sql`select kind, status, status_reason, headers, subject from outbound_messages where to_address = ${address} order by created_at, id`),
  );
}

describe('queueMail', () => {
  it('queues nothing when the change that queued it rolls back', async () => {
    await expect(
      t.database.db.transaction(async (tx) => {
        await queueMail(tx, base({ to: 'rollback@corp.test' }));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rowsTo('rollback@corp.test')).toEqual([]);
  });

  it('queues one mail for one dedupe key', async () => {
    const first = await queued(base({ to: 'dedupe@corp.test', dedupeKey: 'reply:42:p1' }));
    const second = await queued(base({ to: 'dedupe@corp.test', dedupeKey: 'reply:42:p1', subject: 'Again' }));
    expect(first).toMatchObject({ status: 'queued', statusReason: null });
    expect(second).toBeNull();
    expect(await rowsTo('dedupe@corp.test')).toHaveLength(1);
  });

  it('marks answers to mail auto-replied and notifications auto-generated, and drops headers a caller may not set', async () => {
    await queued(base({ to: 'marks@corp.test', kind: 'rejection', headers: { 'Auto-Submitted': 'no', Bcc: 'spy@evil.test', 'X-Ok': 'yes', 'X-Bad': 'a\r\nBcc: spy@evil.test' } }));
    await queued(base({ to: 'marks@corp.test', kind: 'status', subject: 'Line one\r\nBcc: spy@evil.test' }));
    const [rejection, status] = await rowsTo('marks@corp.test');
    expect(rejection!.headers).toEqual({ 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All', 'X-Ok': 'yes' });
    expect(status!.headers).toEqual({ 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' });
    expect(status!.subject).toBe('Line one Bcc: spy@evil.test');
  });

  it("keeps back, as suppressed with the reason, mail to Hallway's own addresses and to mail systems", async () => {
    const cases = [
      { to: teamAddress, reason: /own team addresses/ },
      { to: 'Guard+r-0123abcd@Hallway.test', reason: /own team addresses/ },
      { to: 'MAILER-DAEMON@mx.corp.test', reason: /mail system/ },
      { to: 'postmaster@corp.test', reason: /mail system/ },
      { to: '', reason: /no recipient address/ },
      { to: 'not an address', reason: /not a plain e-mail address/ },
    ];
    for (const { to, reason } of cases) {
      const result = await queued(base({ to, kind: 'acknowledgement' }));
      expect(result, to).toMatchObject({ status: 'suppressed', statusReason: expect.stringMatching(reason) });
      expect((await rowsTo(to.toLowerCase())).at(-1), to).toMatchObject({ status: 'suppressed', status_reason: expect.stringMatching(reason) });
    }
  });

  it('stores answers to mail past the hourly limit per recipient as suppressed; other kinds count apart', async () => {
    const to = 'chatty-bot@elsewhere.test';
    const limit = RATE_LIMIT_PER_HOUR['auto-replied'];
    const results = [];
    for (let index = 0; index < limit + 2; index += 1) results.push(await queued(base({ to, kind: index % 2 ? 'rejection' : 'acknowledgement' })));
    expect(results.slice(0, limit).every((result) => result?.status === 'queued')).toBe(true);
    expect(results.slice(limit).map((result) => result?.status)).toEqual(['suppressed', 'suppressed']);
    expect(results[limit]!.statusReason).toMatch(new RegExp(`rate limit: ${limit} auto-replied mails to ${to} in the last hour \\(at most ${limit}\\)`));
    // Suppressed ones are not counted, and a notification has its own (higher) limit.
    expect((await queued(base({ to, kind: 'reply' })))?.status).toBe('queued');
    // An hour later the count starts again.
    await t.database.db.execute(sql`update outbound_messages set created_at = created_at - interval '61 minutes' where to_address = ${to}`);
    expect((await queued(base({ to, kind: 'rejection' })))?.status).toBe('queued');
  });

  it('records the Message-ID of a mail about a request, so a reply threads to it', async () => {
    const filed = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: cast.headers.employee, payload: { team: cast.team.slug, subject: 'Threaded' } });
    expect(filed.statusCode, filed.body).toBe(201);
    const [request] = rowsOf<{ id: string }>(await t.database.db.execute(sql`select id from requests where key = ${filed.json().key}`));
    const sent = await queued(base({ to: 'thread@corp.test', requestId: request!.id }));
    const [thread] = rowsOf<{ request_id: string; direction: string }>(await t.database.db.execute(sql`select request_id, direction from mail_thread_ids where message_id = ${sent!.messageId}`));
    expect(thread).toEqual({ request_id: request!.id, direction: 'out' });
  });
});
