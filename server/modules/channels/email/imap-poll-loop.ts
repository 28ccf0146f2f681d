import type { Database } from '../../../platform/db/database.ts';
import { timerErrorForLog } from '../../../platform/jobs/timer-errors.ts';
import { selectAllMailSettings } from './inbound.store.ts';
import { pollTeamMailbox, type PollOptions, type PollResult } from './imap-poller.ts';

export interface ImapPollLoop {
  /** Claims no further mailbox; resolves once the poll in progress has finished. */
  stop(): Promise<void>;
}

interface LoopLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

/** What became of one team's mailbox in a round. */
export type MailboxRound =
  | { teamId: string; outcome: 'polled'; result: PollResult }
  /** Another process was polling it: that one stores and marks its messages. */
  | { teamId: string; outcome: 'held elsewhere' }
  | { teamId: string; outcome: 'failed'; error: unknown };

/** The lock a process holds on a team's mailbox while it polls it. */
export const mailboxLockKey = (teamId: string) => `hallway.imap-poll:${teamId}`;

/**
 * Polls every team mailbox with IMAP enabled, one after the other. Each is polled under a lock on
 * that mailbox: several processes on one PostgreSQL server each run this loop, and a mailbox another
 * one is polling is skipped rather than read twice over (the per-team message key would keep one
 * row of each copy, but both would fetch every message and race to mark it). One mailbox's failure
 * (wrong password, server down) does not hold up the others.
 */
export async function pollTeamMailboxes(
  database: Database,
  options: PollOptions & { shouldStop?: () => boolean } = {},
): Promise<MailboxRound[]> {
  const mailboxes = (await selectAllMailSettings(database.db)).filter((settings) => settings.imapEnabled);
  const rounds: MailboxRound[] = [];
  for (const settings of mailboxes) {
    if (options.shouldStop?.()) break;
    const { teamId } = settings;
    try {
      const result = await database.exclusivelyIfFree(mailboxLockKey(teamId), () => pollTeamMailbox(database, settings, options));
      rounds.push(result ? { teamId, outcome: 'polled', result } : { teamId, outcome: 'held elsewhere' });
    } catch (error) {
      rounds.push({ teamId, outcome: 'failed', error });
    }
  }
  return rounds;
}

/** Runs pollTeamMailboxes, then sleeps `intervalMs`, until stopped; logs what each round did. */
export function startImapPollLoop(database: Database, options: { intervalMs: number; maxMessageBytes: number; logger: LoopLogger }): ImapPollLoop {
  let stopped = false;
  let wake: (() => void) | undefined;
  const pollAll = async () => {
    const rounds = await pollTeamMailboxes(database, { maxMessageBytes: options.maxMessageBytes, shouldStop: () => stopped });
    for (const round of rounds) log(options.logger, round);
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

function log(logger: LoopLogger, round: MailboxRound): void {
  const { teamId } = round;
  if (round.outcome === 'failed') {
    logger.warn({ teamId, err: timerErrorForLog(round.error) }, 'team mailbox poll failed');
    return;
  }
  if (round.outcome !== 'polled') return;
  const { result } = round;
  if (result.stored + result.alreadyStored + result.skippedTooLarge > 0) logger.info({ teamId, ...result }, 'team mailbox polled');
  if (result.skippedTooLarge > 0) logger.warn({ teamId, count: result.skippedTooLarge }, 'messages over the size limit left unread in the team mailbox');
}
