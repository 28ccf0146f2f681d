import type { Config } from '../../../config.ts';
import type { Database } from '../../../platform/db/database.ts';
import { startImapPollLoop } from './imap-poll-loop.ts';
import { DEFAULT_MAX_MESSAGE_BYTES, startSmtpListener } from './smtp-listener.ts';

export interface MailIntake {
  /** Stops taking mail (the listener closes, polling ends after the mailbox in progress). */
  stop(): Promise<void>;
}

interface IntakeLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

/** Started by `hallway serve` once it listens for HTTP; stopped before the database closes. */
export async function startMailIntake(database: Database, config: Pick<Config, 'smtp' | 'imapPollSeconds'>, logger: IntakeLogger): Promise<MailIntake> {
  const maxMessageBytes = config.smtp?.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const polling = startImapPollLoop(database, { intervalMs: config.imapPollSeconds * 1000, maxMessageBytes, logger });
  let listener: Awaited<ReturnType<typeof startSmtpListener>> | undefined;
  if (config.smtp) {
    try {
      listener = await startSmtpListener(database, { ...config.smtp, logger });
    } catch (error) {
      await polling.stop();
      throw error;
    }
    logger.info({ host: config.smtp.host, port: listener.port }, 'mail intake: SMTP listening');
  }
  return {
    stop: async () => {
      await Promise.all([listener?.close(), polling.stop()]);
    },
  };
}
