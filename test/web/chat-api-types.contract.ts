import type { z } from 'zod';
import type { chatTeams, chatView, deskChats, myChats, myShifts, shiftView } from '../../server/modules/channels/chat/chat.schema.ts';
import type * as Web from '../../web/src/portal/chat/chat-types.ts';

// No test runs here: `tsc` checks it. Live chat's web types (web/src/portal/chat/chat-types.ts) must
// accept what the chat endpoints' response schemas produce; a server change that breaks that stops
// this file compiling and names the endpoint.

type Fits<Server, Client> = [Server] extends [Client] ? true : false;
type Out<Schema extends z.ZodType> = z.output<Schema>;

export const chatContract = {
  chat: true satisfies Fits<Out<typeof chatView>, Web.Chat>,
  mine: true satisfies Fits<Out<typeof myChats>, { chats: Web.ChatSummary[] }>,
  teams: true satisfies Fits<Out<typeof chatTeams>, { teams: Web.ChatTeam[] }>,
  waiting: true satisfies Fits<Out<typeof deskChats>, Web.DeskChats>,
  shifts: true satisfies Fits<Out<typeof myShifts>, { shifts: Web.Shift[] }>,
  shift: true satisfies Fits<Out<typeof shiftView>, Web.Shift>,
};
