import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import SMTPConnection from 'nodemailer/lib/smtp-connection/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIL_CORPUS_FOLDER, MAIL_FIXTURES } from '../../../../test/fixtures/mail/manifest.ts';
import { buildPerson, buildTeam } from '../../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { rowsOf } from '../../../platform/db/database.ts';
import { fireDueTimers } from '../../../platform/jobs/timers.ts';
import { domainTimerHandlers } from '../../domain-timers.ts';
import { upsertMailSettings } from './inbound.store.ts';
import { messageKeyOf } from './message-key.ts';
import { startSmtpListener, type SmtpListener } from './smtp-listener.ts';

// The whole mail corpus (test/fixtures/mail) over SMTP, each message delivered twice: every one is
// stored once, none is left unprocessed, none is a second request, and each lands where its kind
// says: a request or comment, kept as automated, or failed for an admin.

let t: TestApp;
let listener: SmtpListener;
let teamId: string;

beforeAll(async () => {
  t = await createTestApp();
  const team = await buildTeam(t.database);
  teamId = team.id;
  await upsertMailSettings(t.database.db, { teamId, inboundAddress: 'it@hallway.example', unknownSenderRule: 'hold' });
  // Every corpus sender is in the directory, so a person's message becomes a request or a comment.
  const senders = new Set(MAIL_FIXTURES.flatMap((fixture) => ('from' in fixture ? [fixture.from.toLowerCase()] : [])));
  for (const email of senders) await buildPerson(t.database, { email });
  listener = await startSmtpListener(t.database, { port: 0, host: '127.0.0.1' });
}, 60_000);
afterAll(async () => {
  await listener.close();
  await t.close();
});

async function deliver(raw: Buffer): Promise<void> {
  const connection = new SMTPConnection({ host: '127.0.0.1', port: listener.port, ignoreTLS: true });
  await new Promise<void>((resolve, reject) => connection.connect((error?: Error) => (error ? reject(error) : resolve())));
  await new Promise<void>((resolve, reject) =>
    connection.send({ from: 'relay@corp.example', to: ['it@hallway.example'] }, raw, (error) => (error ? reject(error) : resolve())),
  );
  connection.quit();
}

interface Row {
  message_key: string;
  status: string;
  automated_kind: string | null;
  request_id: string | null;
}
const rows = async () =>
  rowsOf<Row>(await t.database.db.execute(sql`select message_key, status, automated_kind, request_id from inbound_messages where team_id = ${teamId}`));
const emailRequests = async () =>
  Number(rowsOf<{ count: string | number }>(await t.database.db.execute(sql`select count(*) as count from requests where channel = 'email'`))[0]!.count);

describe('the mail corpus through the SMTP listener', () => {
  it('stores every message once, delivered twice, and each lands where it should', async () => {
    const raws = new Map<string, Buffer>();
    for (const fixture of MAIL_FIXTURES) raws.set(fixture.file, await readFile(path.join(MAIL_CORPUS_FOLDER, fixture.file)));
    for (const raw of raws.values()) await deliver(raw);
    while ((await fireDueTimers(t.database, domainTimerHandlers)) > 0);
    const requestsAfterFirst = await emailRequests();
    for (const raw of raws.values()) await deliver(raw);
    while ((await fireDueTimers(t.database, domainTimerHandlers)) > 0);

    const stored = await rows();
    expect(stored).toHaveLength(MAIL_FIXTURES.length);
    expect(await emailRequests()).toBe(requestsAfterFirst);
    const byKey = new Map(stored.map((row) => [row.message_key, row]));
    // A message without a Message-ID is keyed by its bytes as received, and SMTP may change a file's
    // bytes (bare line feeds become CRLF): those are compared as a group, outcome for outcome.
    const expectedHashed: string[] = [];
    for (const fixture of MAIL_FIXTURES) {
      const key = messageKeyOf(raws.get(fixture.file)!).key;
      if (key.startsWith('sha256:')) expectedHashed.push(expectedOutcome(fixture));
      else expect(outcomeOf(byKey.get(key)), fixture.file).toBe(expectedOutcome(fixture));
    }
    const hashed = stored.filter((row) => row.message_key.startsWith('sha256:')).map(outcomeOf);
    expect(hashed.sort()).toEqual(expectedHashed.sort());
  }, 120_000);
});

/** Where a message must land: failed for an admin, kept as automated mail, or on a request. */
function expectedOutcome(fixture: (typeof MAIL_FIXTURES)[number]): string {
  if ('refused' in fixture) return 'failed';
  return fixture.automated !== 'none' ? `automated ${fixture.automated}` : 'on a request';
}

function outcomeOf(row: Row | undefined): string {
  if (!row) return 'not stored';
  if (row.status === 'failed' && row.request_id === null) return 'failed';
  if (row.status === 'processed' && row.automated_kind && row.request_id === null) return `automated ${row.automated_kind}`;
  if (row.status === 'processed' && !row.automated_kind && row.request_id) return 'on a request';
  return `${row.status} (${row.automated_kind ?? 'not automated'}, ${row.request_id ? 'with' : 'without'} request)`;
}
