import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message the sink accepted, as the relay received it. */
export interface SunkMail {
  from: string;
  to: string[];
  raw: Buffer;
}

export interface SmtpSink {
  /** smtp://127.0.0.1:<port>: pass as the mail relay URL. */
  url: string;
  port: number;
  received: SunkMail[];
  /**
   * How the sink answers the next messages: 'accept' (250), or an SMTP code and text it refuses
   * with (451 = try later, 550 = never). Applies until changed.
   */
  answer(mode: 'accept' | { code: number; message: string }): void;
  /** Resolves once `count` messages in all have been accepted. */
  waitFor(count: number, timeoutMs?: number): Promise<SunkMail[]>;
  close(): Promise<void>;
}

/**
 * A local SMTP relay for tests: accepts (or refuses, on demand) whatever the outbox sends and keeps
 * it, so tests read the exact bytes a recipient's server would get. No TLS, no authentication.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: SunkMail[] = [];
  let mode: 'accept' | { code: number; message: string } = 'accept';
  const waiters: Array<{ count: number; resolve: (mails: SunkMail[]) => void }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (mode !== 'accept') {
          const refusal = Object.assign(new Error(mode.message), { responseCode: mode.code });
          callback(refusal);
          return;
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks),
        });
        for (const waiter of [...waiters]) {
          if (received.length >= waiter.count) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(received.slice());
          }
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    answer: (next) => {
      mode = next;
    },
    waitFor: (count, timeoutMs = 20_000) =>
      received.length >= count
        ? Promise.resolve(received.slice())
        : new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`smtp sink: ${received.length} of ${count} messages after ${timeoutMs} ms`)), timeoutMs);
            waiters.push({ count, resolve: (mails) => (clearTimeout(timer), resolve(mails)) });
          }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
