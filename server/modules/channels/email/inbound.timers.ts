import { timerErrorForLog } from '../../../platform/jobs/timer-errors.ts';
import { MAX_TIMER_ATTEMPTS, type TimerHandlers } from '../../../platform/jobs/timers.ts';
import { recordOutcome } from './inbound.store.ts';
import { processInboundMessage } from './process-inbound.ts';
import { PROCESS_INBOUND_TIMER } from './store-inbound.ts';

// email.process: a stored message's processing, scheduled in the transaction that stored it. A
// database error throws, so the timer is retried with backoff (decision 0009); an unparseable
// message is not an error here: it is recorded as failed, with its reason, for an admin. On the last
// try an error too marks the message failed (its work rolled back to a savepoint first), so a message
// that keeps failing shows in the admins' list instead of staying 'received' behind a given-up timer.
export const inboundMailTimerHandlers: TimerHandlers = {
  [PROCESS_INBOUND_TIMER]: async (tx, timer) => {
    const id = timer.payload.inboundMessageId;
    if (typeof id !== 'string') throw new Error('email.process timer without an inbound message id');
    try {
      await tx.transaction((attempt) => processInboundMessage(attempt, id));
    } catch (error) {
      if (timer.attempts + 1 < MAX_TIMER_ATTEMPTS) throw error;
      await recordOutcome(tx, id, { status: 'failed', statusReason: `processing failed ${MAX_TIMER_ATTEMPTS} times: ${rootCause(error)}` });
    }
  },
};

/** The innermost cause, which says what went wrong (a failed query's text and values are left out). */
function rootCause(error: unknown): string {
  let logged = timerErrorForLog(error);
  while (logged.cause) logged = logged.cause;
  return (logged.code ? `${logged.code}: ${logged.message}` : logged.message).slice(0, 500);
}
