import type { Database } from '../../../platform/db/database.ts';
import { timerErrorForLog } from '../../../platform/jobs/timer-errors.ts';
import { selectAllMailSettings } from './inbound.store.ts';
import { pollTeamMailbox } from './imap-poller.ts';

export interface ImapPollLoop {
  /** Claims no further mailbox; resolves once the poll in progress has finished. */
  stop(): Promise<void>;
}

interface LoopLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

/**
 * Polls every team mailbox with IMAP enabled, one after the other, then sleeps `intervalMs`. One
 * mailbox's failure (wrong password, server down) is logged and recorded on its settings and does
 * not hold up the others. Several processes polling one mailbox would each store and mark the same
 * messages; the per-team key makes their copies one row.
 */
export function startImapPollLoop(database: Database, options: { intervalMs: number; maxMessageBytes: number; logger: LoopLogger }): ImapPollLoop {
  let stopped = false;
  let wake: (() => void) | undefined;
  const pollAll = async () => {
    const mailboxes = (await selectAllMailSettings(database.db)).filter((settings) => settings.imapEnabled);
    for (const settings of mailboxes) {
      if (stopped) return;
      try {
        const result = await pollTeamMailbox(database, settings, { maxMessageBytes: options.maxMessageBytes });
        if (result.stored + result.alreadyStored + result.skippedTooLarge > 0) options.logger.info({ teamId: settings.teamId, ...result }, 'team mailbox polled');
        if (result.skippedTooLarge > 0) options.logger.warn({ teamId: settings.teamId, count: result.skippedTooLarge }, 'messages over the size limit left unread in the team mailbox');
      } catch (error) {
        options.logger.warn({ teamId: settings.teamId, err: timerErrorForLog(error) }, 'team mailbox poll failed');
      }
    }
  };
  const running = (async () => {
    while (!stopped) {
      await pollAll().catch((error: unknown) => options.logger.warn({ err: timerErrorForLog(error) }, 'team mailboxes could not be listed'));
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const timeout = setTimeout(resolve, options.intervalMs);
        wake = () => {
          clearTimeout(timeout);
          resolve();
        };
      });
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      wake?.();
      await running;
    },
  };
}
