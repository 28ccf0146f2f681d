import { sql } from 'drizzle-orm';
import SMTPConnection from 'nodemailer/lib/smtp-connection/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { rowsOf } from '../../../platform/db/database.ts';
import { arrangeCorpusDesk, CORPUS_TEAM_ADDRESS, expectCorpusLanded, fireTimersUntilNone, readCorpus, smtpReceivedKeys, type CorpusDesk } from './mail-corpus.test-support.ts';
import { startSmtpListener, type SmtpListener } from './smtp-listener.ts';

// The whole mail corpus (test/fixtures/mail) over SMTP, each message delivered twice: every one is
// stored once, none is left unprocessed, none is a second request, and each lands where it should:
// a reply as its sender's comment on exactly the request it answers, a new message as a request of
// its own, automated mail kept as such, and what cannot be parsed failed for an admin.

let t: TestApp;
let listener: SmtpListener;
let desk: CorpusDesk;

beforeAll(async () => {
  t = await createTestApp();
  desk = await arrangeCorpusDesk(t.database);
  listener = await startSmtpListener(t.database, { port: 0, host: '127.0.0.1' });
}, 60_000);
afterAll(async () => {
  await listener?.close();
  await t?.close();
});

async function deliver(raw: Buffer): Promise<void> {
  const connection = new SMTPConnection({ host: '127.0.0.1', port: listener.port, ignoreTLS: true });
  await new Promise<void>((resolve, reject) => connection.connect((error?: Error) => (error ? reject(error) : resolve())));
  await new Promise<void>((resolve, reject) =>
    connection.send({ from: 'relay@corp.example', to: [CORPUS_TEAM_ADDRESS] }, raw, (error) => (error ? reject(error) : resolve())),
  );
  connection.quit();
}

const emailRequests = async () =>
  Number(rowsOf<{ count: string | number }>(await t.database.db.execute(sql`select count(*) as count from requests where channel = 'email'`))[0]!.count);

describe('the mail corpus through the SMTP listener', () => {
  it('stores every message once, delivered twice, and each lands where it should', async () => {
    const raws = await readCorpus();
    for (const raw of raws.values()) await deliver(raw);
    await fireTimersUntilNone(t.database);
    const requestsAfterFirst = await emailRequests();
    for (const raw of raws.values()) await deliver(raw);
    await fireTimersUntilNone(t.database);

    expect(await emailRequests()).toBe(requestsAfterFirst);
    await expectCorpusLanded(t.database, desk, smtpReceivedKeys(raws));
  }, 120_000);
});
