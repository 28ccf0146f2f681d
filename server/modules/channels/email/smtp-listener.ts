import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { Database } from '../../../platform/db/database.ts';
import { timerErrorForLog } from '../../../platform/jobs/timer-errors.ts';
import { storeArrivedMessage } from './store-inbound.ts';
import { teamForRecipient } from './team-addresses.ts';

// Hallway's own SMTP listener, for a mail server to relay team mail to (decision 0020). It accepts
// mail only for team addresses, keeps the raw message, and says 250 only once it is committed: a
// sender told 250 may forget the message, so nothing acknowledged is ever lost. Any failure to store
// is a 451 (try again later), which every mail server honours by retrying.

export const DEFAULT_MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

export interface SmtpListenerOptions {
  port: number;
  host: string;
  maxMessageBytes?: number;
  /** The name given in the greeting and EHLO. */
  serverName?: string;
  /** Never given a message's content: failed queries' parameters are dropped (timerErrorForLog). */
  logger?: { info(object: object, message: string): void; warn(object: object, message: string): void };
}

export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

/** An error carrying the SMTP reply code smtp-server answers with. */
function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

export async function startSmtpListener(database: Database, options: SmtpListenerOptions): Promise<SmtpListener> {
  const maxBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  // The team each accepted recipient reaches, per SMTP session (one session may carry several mails).
  const teamsBySession = new Map<string, Map<string, string[]>>();

  const server = new SMTPServer({
    name: options.serverName,
    banner: 'Hallway mail intake',
    size: maxBytes,
    // Relayed to by a mail server on a trusted network: no sign-in, and no TLS here (the relay's
    // hop is local). A public-facing listener belongs behind a real MTA.
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onMailFrom(_address, session, callback) {
      teamsBySession.set(session.id, new Map());
      callback();
    },
    onRcptTo(address, session, callback) {
      teamForRecipient(database.db, address.address).then(
        (settings) => {
          if (!settings) return callback(smtpError(550, `5.1.1 <${address.address}>: no Hallway team has this address`));
          const recipients = teamsBySession.get(session.id) ?? new Map<string, string[]>();
          teamsBySession.set(session.id, recipients);
          recipients.set(settings.teamId, [...(recipients.get(settings.teamId) ?? []), address.address.toLowerCase()]);
          callback();
        },
        (error: unknown) => {
          options.logger?.warn({ err: timerErrorForLog(error) }, 'mail intake: team address lookup failed; 451');
          callback(smtpError(451, '4.3.0 Temporary failure looking up the recipient; try again later'));
        },
      );
    },
    onData(stream, session, callback) {
      receive(stream).then(
        async (raw) => {
          // The 552 is the bounce: the sending server returns the message to its sender with this
          // text (RFC 5321 6.1), so Hallway writes no bounce of its own for SMTP.
          if (stream.sizeExceeded) {
            return callback(smtpError(552, `5.3.4 Message too big: at most ${maxBytes} bytes are accepted`));
          }
          await storeForEveryTeam(database, session, teamsBySession.get(session.id), raw);
          options.logger?.info({ session: session.id, bytes: raw.length }, 'mail intake: message stored');
          callback(null, 'Message stored');
        },
      ).catch((error: unknown) => {
        options.logger?.warn({ err: timerErrorForLog(error), session: session.id }, 'mail intake: storing failed; 451');
        callback(smtpError(451, '4.3.0 Temporary failure storing the message; try again later'));
      });
    },
    onClose(session) {
      teamsBySession.delete(session.id);
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // After listening, a connection's error (a client resetting) is that client's problem only.
  server.on('error', (error) => options.logger?.warn({ err: timerErrorForLog(error) }, 'mail intake: connection error'));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function storeForEveryTeam(database: Database, session: SMTPServerSession, teams: Map<string, string[]> | undefined, raw: Buffer) {
  if (!teams || teams.size === 0) throw new Error('DATA without an accepted recipient');
  const mailFrom = session.envelope.mailFrom;
  const envelopeFrom = mailFrom ? mailFrom.address : null;
  for (const [teamId, envelopeTo] of teams) {
    await storeArrivedMessage(database, { teamId, channel: 'smtp', envelopeFrom, envelopeTo, raw });
  }
}

/** The whole message; past the limit the bytes are drained, not kept (stream.sizeExceeded says so). */
function receive(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    stream.on('data', (chunk: Buffer) => {
      if (stream.sizeExceeded) return;
      kept += chunk.length;
      chunks.push(chunk);
    });
    stream.once('end', () => resolve(Buffer.concat(chunks, kept)));
    stream.once('error', reject);
  });
}
