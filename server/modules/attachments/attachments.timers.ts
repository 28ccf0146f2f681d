import type { TimerHandlers } from '../../platform/jobs/timers.ts';
import { ATTACHMENT_EXPIRY_TIMER } from './attachments.service.ts';
import * as store from './attachments.store.ts';

/** An upload no filing claimed within a day is deleted; a claimed one stays with its request. */
export const attachmentTimerHandlers: TimerHandlers = {
  [ATTACHMENT_EXPIRY_TIMER]: async (tx, timer) => {
    const id = timer.payload.attachmentId;
    if (typeof id === 'string') await store.deleteUnlinkedUpload(tx, id);
  },
};
