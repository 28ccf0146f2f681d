import { z } from 'zod';
import { teamSlug } from '../../requests/requests.schema.ts';
import { chatStatuses } from './chat.tables.ts';

// The inputs and outputs of live chat's endpoints (and so its OpenAPI document).

const noNul = (schema: z.ZodString) => schema.refine((value) => !value.includes('\u0000'), 'must not contain NUL characters');
const messageText = noNul(z.string().trim().min(1, 'must not be empty').max(4_000, 'must be at most 4000 characters'));

export const startChatBody = z.strictObject({
  team: teamSlug.describe('The slug of the team to chat with'),
  message: messageText.describe('The first message; it also becomes the request subject (shortened)'),
});
export type StartChatBody = z.infer<typeof startChatBody>;

export const chatMessageBody = z.strictObject({ body: messageText });

export const chatKeyParams = z.strictObject({ key: z.string().max(40).describe('The request key of the chat, e.g. IT-42') });
export const teamParams = z.strictObject({ team: teamSlug });
export const deskChatsQuery = z.strictObject({ team: teamSlug });

export const presenceBody = z.strictObject({
  state: z.enum(['here', 'left']).describe('"here": the panel is open (send every 20 s); "left": it was closed'),
});

const personRef = z.object({ id: z.string(), name: z.string() });

export const chatMessage = z.object({
  id: z.number(),
  author: personRef.nullable(),
  /** The employee who started the chat wrote it (else an agent, or Hallway). */
  byRequester: z.boolean(),
  body: z.string(),
  at: z.string(),
});

export const chatView = z.object({
  key: z.string(),
  subject: z.string(),
  team: z.object({ slug: z.string(), name: z.string() }),
  status: z.enum(chatStatuses),
  requester: personRef,
  pickedUpBy: personRef.nullable(),
  /** Whether the employee is gone (closed the panel, or silent a minute): replies then go by e-mail. */
  requesterAway: z.boolean(),
  createdAt: z.string(),
  messages: z.array(chatMessage),
});
export type ChatView = z.infer<typeof chatView>;

export const chatSummary = chatView.omit({ messages: true });
export type ChatSummary = z.infer<typeof chatSummary>;

export const myChats = z.object({ chats: z.array(chatSummary) });

export const deskChats = z.object({
  team: z.string(),
  /** Off shift, nothing is offered: switch the shift on to see the waiting chats. */
  onShift: z.boolean(),
  chats: z.array(chatSummary),
});

export const chatTeams = z.object({
  teams: z.array(z.object({ slug: z.string(), name: z.string(), available: z.boolean() })),
});

export const shiftBody = z.strictObject({ onShift: z.boolean() });
export const shiftView = z.object({ team: z.string(), teamName: z.string(), onShift: z.boolean() });
export const myShifts = z.object({ shifts: z.array(shiftView) });
