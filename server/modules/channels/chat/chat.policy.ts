import { isAgentOf, type Actor } from '../../../platform/auth/actor.ts';
import type { ChatRow } from './chat.store.ts';

// Who may do what with a live chat, and when the employee counts as gone. Plain functions.

/**
 * The panel beats every 20 s while open. No beat for a minute (three missed: a laptop lid closed,
 * the network gone) counts as gone, as closing the panel does, so an agent's reply then goes by mail.
 */
export const HEARTBEAT_MS = 20_000;
export const AWAY_AFTER_MS = 60_000;

/** Whether the employee is no longer in the chat: the panel was closed, or its heartbeat stopped. */
export function requesterIsAway(chat: Pick<ChatRow, 'requesterLeftAt' | 'requesterSeenAt' | 'status'>, now: Date): boolean {
  if (chat.status === 'ended' || chat.requesterLeftAt !== null) return true;
  return now.getTime() - chat.requesterSeenAt.getTime() > AWAY_AFTER_MS;
}

export type ChatActor = Pick<Actor, 'personId' | 'memberships'>;

/** Only the employee who started it says whether they are still there. */
export function canReportPresence(actor: ChatActor, chat: Pick<ChatRow, 'requesterId'>): boolean {
  return actor.personId === chat.requesterId;
}

/** The employee ends their chat, and so does any agent of the team (the conversation is over). */
export function canEnd(actor: ChatActor, chat: Pick<ChatRow, 'requesterId' | 'teamId'>): boolean {
  return actor.personId === chat.requesterId || isAgentOf(actor, chat.teamId);
}

/**
 * Waiting chats are offered to the team's agents who are on shift, and only they pick one up: an
 * agent off shift is not interrupted, and someone outside the team learns nothing of who waits.
 */
export function mayBeOffered(actor: ChatActor, teamId: string, onShift: boolean): { allowed: true } | { allowed: false; reason: string; code: 'FORBIDDEN' } {
  if (!isAgentOf(actor, teamId)) return { allowed: false, code: 'FORBIDDEN', reason: "only the team's agents are offered its chats" };
  if (!onShift) return { allowed: false, code: 'FORBIDDEN', reason: 'go on shift for this team first' };
  return { allowed: true };
}
