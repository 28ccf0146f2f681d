import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import type { Database } from '../../server/platform/db/database.ts';

// Baseline for mail intake: the least a mail server can do and still never lose an accepted message.
// smtp-server on the same database, every recipient accepted, one INSERT of the raw bytes per
// message, and 250 once it committed. No team lookup, no key, no timer, no parsing, no request.

export interface BareSmtpIntake {
  port: number;
  close(): Promise<void>;
}

export async function startBareSmtpIntake(database: Database): Promise<BareSmtpIntake> {
  await database.rows(sql`create table if not exists bench_raw_mail (
    id bigserial primary key, raw bytea not null, received_at timestamptz not null default now())`);
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.once('error', (error) => callback(error));
      stream.once('end', () => {
        database.rows(sql`insert into bench_raw_mail (raw) values (${Buffer.concat(chunks)})`).then(
          () => callback(null, 'Stored'),
          () => callback(Object.assign(new Error('4.3.0 Temporary failure storing the message'), { responseCode: 451 })),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
