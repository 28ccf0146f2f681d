import type { RequestDetailView } from '../../requests/requests.schema.ts';
import type { ChatView } from './chat.schema.ts';

// How a request's public timeline reads as a conversation.

const SUBJECT_LENGTH = 80;

/** The first message's first line, shortened on a word boundary: the request's subject. */
export function subjectOf(message: string): string {
  const line = message.trim().split(/\r?\n/, 1)[0]!.replace(/\s+/g, ' ');
  if (line.length <= SUBJECT_LENGTH) return line;
  const cut = line.slice(0, SUBJECT_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > SUBJECT_LENGTH / 2 ? cut.slice(0, space) : cut}…`;
}

/** The opening message (the description), then every public comment, in timeline order. */
export function messagesOf(detail: RequestDetailView): ChatView['messages'] {
  const messages: ChatView['messages'] = [];
  for (const entry of detail.timeline) {
    if (entry.visibility !== 'public') continue;
    const byRequester = entry.actor?.id === detail.requester.id;
    if (entry.kind === 'created') {
      messages.push({ id: entry.id, author: detail.requester, byRequester: true, body: detail.description, at: entry.occurredAt });
    } else if (entry.kind === 'commented' && typeof entry.data.body === 'string') {
      messages.push({ id: entry.id, author: entry.actor, byRequester, body: entry.data.body, at: entry.occurredAt });
    }
  }
  return messages;
}
