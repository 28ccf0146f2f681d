import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../../app.ts';
import { requireActor } from '../../../platform/auth/authenticate.ts';
import { addComment } from '../../requests/requests.service.ts';
import { commentResult } from '../../requests/requests.schema.ts';
import {
  chatKeyParams,
  chatMessageBody,
  chatTeams,
  chatView,
  deskChats,
  deskChatsQuery,
  myChats,
  myShifts,
  presenceBody,
  shiftBody,
  shiftView,
  startChatBody,
  teamParams,
} from './chat.schema.ts';
import {
  endChat,
  getChat,
  listChatTeams,
  listMyChats,
  listMyShifts,
  listWaitingChats,
  pickUpChat,
  recordPresence,
  setShift,
  startChat,
} from './chat.service.ts';

// HTTP only: who calls, what they sent, the shape of the reply. Rules are in chat.service.ts.
export function chatRoutes(deps: ModuleDeps) {
  const { db } = deps.database;
  return async (app: FastifyInstance) => {
    const routes = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['chat'];

    routes.get(
      '/chats/teams',
      { schema: { tags, summary: 'Teams to chat with, and whether an agent is on shift now', response: { 200: chatTeams } } },
      async (request) => {
        requireActor(request);
        return { teams: await listChatTeams(db) };
      },
    );

    routes.post(
      '/chats',
      {
        schema: {
          tags,
          summary: 'Start a live chat with a team',
          description: 'Files a request (channel chat) whose public timeline is the conversation; it waits for an agent on shift.',
          body: startChatBody,
          response: { 201: chatView },
        },
      },
      async (request, reply) => {
        const chat = await startChat(db, requireActor(request), request.body);
        return reply.code(201).header('location', `/api/v1/chats/${chat.key}`).send(chat);
      },
    );

    routes.get(
      '/chats',
      { schema: { tags, summary: 'Your chats that have not ended', response: { 200: myChats } } },
      async (request) => ({ chats: await listMyChats(db, requireActor(request)) }),
    );

    routes.get(
      '/chats/:key',
      { schema: { tags, summary: 'A chat and its messages (the public replies of its request)', params: chatKeyParams, response: { 200: chatView } } },
      async (request) => getChat(db, requireActor(request), request.params.key),
    );

    routes.post(
      '/chats/:key/messages',
      {
        schema: {
          tags,
          summary: 'Write in a chat (a public reply on its request)',
          params: chatKeyParams,
          body: chatMessageBody,
          response: { 201: commentResult },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        // Through the chat, so the key must be a chat's: a plain request is answered on its own page.
        await getChat(db, actor, request.params.key);
        const answer = await addComment(db, actor, request.params.key, { body: request.body.body, visibility: 'public' });
        return reply.code(201).send(answer);
      },
    );

    routes.post(
      '/chats/:key/presence',
      {
        schema: {
          tags,
          summary: "The employee's panel is open (a heartbeat every 20 s) or was closed",
          description: 'Gone (closed, or no heartbeat for 60 s) means an agent\'s reply goes on by e-mail. Only the employee who started the chat.',
          params: chatKeyParams,
          body: presenceBody,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await recordPresence(db, requireActor(request), request.params.key, request.body.state);
        return reply.code(204).send(null);
      },
    );

    routes.post(
      '/chats/:key/end',
      { schema: { tags, summary: 'End the chat (the request stays open)', params: chatKeyParams, response: { 200: chatView } } },
      async (request) => endChat(db, requireActor(request), request.params.key),
    );

    routes.get(
      '/desk/chats',
      {
        schema: {
          tags,
          summary: "A team's waiting chats, oldest first, for its agents on shift",
          description: 'Agents of the team off shift get onShift false and no chats; anyone else 403.',
          querystring: deskChatsQuery,
          response: { 200: deskChats },
        },
      },
      async (request) => listWaitingChats(db, requireActor(request), request.query.team),
    );

    routes.post(
      '/chats/:key/pick-up',
      {
        schema: {
          tags,
          summary: 'Pick up a waiting chat: it is assigned to you',
          description: 'For agents of the team on shift. 409 CHAT_TAKEN when another agent was first.',
          params: chatKeyParams,
          response: { 200: chatView },
        },
      },
      async (request) => pickUpChat(db, requireActor(request), request.params.key),
    );

    routes.get(
      '/me/shifts',
      { schema: { tags, summary: 'Your shift for each team you are an agent of', response: { 200: myShifts } } },
      async (request) => ({ shifts: await listMyShifts(db, requireActor(request)) }),
    );

    routes.put(
      '/me/shifts/:team',
      { schema: { tags, summary: 'Go on or off shift for a team (its waiting chats are offered to you while on)', params: teamParams, body: shiftBody, response: { 200: shiftView } } },
      async (request) => setShift(db, requireActor(request), request.params.team, request.body.onShift),
    );
  };
}
