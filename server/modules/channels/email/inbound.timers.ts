import type { TimerHandlers } from '../../../platform/jobs/timers.ts';
import { processInboundMessage } from './process-inbound.ts';
import { PROCESS_INBOUND_TIMER } from './store-inbound.ts';

// email.process: a stored message's processing, scheduled in the transaction that stored it. A
// database error throws, so the timer is retried with backoff (decision 0009); an unparseable
// message is not an error here: it is recorded as failed, with its reason, for an admin.
export const inboundMailTimerHandlers: TimerHandlers = {
  [PROCESS_INBOUND_TIMER]: async (tx, timer) => {
    const id = timer.payload.inboundMessageId;
    if (typeof id !== 'string') throw new Error('email.process timer without an inbound message id');
    await processInboundMessage(tx, id);
  },
};
