import type { TimerHandlers } from '../platform/jobs/timers.ts';
import { attachmentTimerHandlers } from './attachments/attachments.timers.ts';
import { inboundMailTimerHandlers } from './channels/email/inbound.timers.ts';
import { slaTimerHandlers } from './sla/sla.timers.ts';

/**
 * Every module's timer kinds and what firing one does. The timer loop (started by main.ts) and tests
 * that fire timers pass this map; platform/jobs knows no domain.
 */
export const domainTimerHandlers: TimerHandlers = {
  // sla.warning, sla.breach, sla.escalation (an overdue clock found by a change)
  ...slaTimerHandlers,
  // attachments.expire (an upload no filing claimed within a day)
  ...attachmentTimerHandlers,
  // email.process (a stored inbound message becomes a comment, a request, or a recorded reason)
  ...inboundMailTimerHandlers,
};
