import { en } from '../../i18n/en.ts';
import type { Chat, ChatMessage, ChatTeam } from './chat-types.ts';

// The chat panel's decisions, pure so they are tested without a browser.

/** How often the open panel tells Hallway the employee is still there (the server counts 60 s of silence as gone). */
export const HEARTBEAT_MS = 20_000;

/** Who wrote a message, as the employee reads it: "You" for their own words. */
export function authorLabel(message: ChatMessage): string {
  if (message.byRequester) return en.chat.you;
  return message.author?.name ?? en.events.someone;
}

/** The line above the conversation: waiting, who is answering, or ended. */
export function statusLine(chat: Pick<Chat, 'status' | 'pickedUpBy'>): string {
  if (chat.status === 'ended') return en.chat.ended;
  if (chat.status === 'active' && chat.pickedUpBy) return en.chat.pickedUp(chat.pickedUpBy.name);
  return en.chat.waiting;
}

/**
 * What to announce to a screen reader after a refresh: the newest messages from the other side that
 * were not there before (the employee's own messages are not read back to them). Empty the first time.
 */
export function newMessagesFromOthers(previous: readonly ChatMessage[] | undefined, current: readonly ChatMessage[]): ChatMessage[] {
  if (previous === undefined) return [];
  const seen = new Set(previous.map((message) => message.id));
  return current.filter((message) => !seen.has(message.id) && !message.byRequester);
}

export function announcement(messages: readonly ChatMessage[]): string {
  return messages.map((message) => `${en.chat.newMessage(authorLabel(message))}: ${message.body}`).join(' ');
}

/** The team to preselect: the first with someone on shift, else the first at all. */
export function defaultTeam(teams: readonly ChatTeam[]): string | null {
  return (teams.find((team) => team.available) ?? teams[0])?.slug ?? null;
}

/** A message is worth sending when it has words and is not over the API's limit. */
export function canSend(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length > 0 && trimmed.length <= 4_000;
}

/** Whether the panel should keep beating: an open chat the employee is looking at. */
export function shouldBeat(chat: Pick<Chat, 'status'> | undefined): boolean {
  return chat !== undefined && chat.status !== 'ended';
}
