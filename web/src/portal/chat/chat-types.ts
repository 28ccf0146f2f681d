// The live chat API's answers (server/modules/channels/chat/chat.schema.ts), as the web app reads them.

export interface PersonRef {
  id: string;
  name: string;
}

export type ChatStatus = 'waiting' | 'active' | 'ended';

export interface ChatMessage {
  id: number;
  author: PersonRef | null;
  byRequester: boolean;
  body: string;
  at: string;
}

export interface ChatSummary {
  key: string;
  subject: string;
  team: { slug: string; name: string };
  status: ChatStatus;
  requester: PersonRef;
  pickedUpBy: PersonRef | null;
  requesterAway: boolean;
  createdAt: string;
}

export interface Chat extends ChatSummary {
  messages: ChatMessage[];
}

export interface ChatTeam {
  slug: string;
  name: string;
  available: boolean;
}

export interface Shift {
  team: string;
  teamName: string;
  onShift: boolean;
}

export interface DeskChats {
  team: string;
  onShift: boolean;
  chats: ChatSummary[];
}
