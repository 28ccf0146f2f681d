import type { Actor } from '../../../platform/auth/actor.ts';
import { isAgentOf } from '../../../platform/auth/actor.ts';
import type { Queryable } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { findPersonById, findTeamById, requireTeamBySlug } from '../../people/people.service.ts';
import { listTeams } from '../../people/teams.service.ts';
import { appendRequestEvents } from '../../requests/request-changes.service.ts';
import { changeRequest, createRequest, findRequestForHallway, getRequest } from '../../requests/requests.service.ts';
import { canView } from '../../requests/requests.policy.ts';
import { canEnd, canReportPresence, mayBeOffered, requesterIsAway } from './chat.policy.ts';
import type { ChatSummary, ChatView, StartChatBody } from './chat.schema.ts';
import * as store from './chat.store.ts';
import { messagesOf, subjectOf } from './chat.views.ts';

// Live chat's rules. A chat is a request (channel 'chat') whose public comments are the conversation;
// its row here adds who picked it up and whether the employee is still there (decision 0024).

type ChatActor = Pick<Actor, 'personId' | 'name' | 'isAdmin' | 'memberships'>;

const notAChat = () => new AppError('REQUEST_NOT_FOUND', 'No chat has this key');

/** Files the request and opens its conversation, waiting for an agent on shift, in one transaction. */
export async function startChat(db: Queryable, actor: ChatActor, body: StartChatBody): Promise<ChatView> {
  const key = await db.transaction(async (tx) => {
    const filed = await createRequest(tx, actor, { team: body.team, subject: subjectOf(body.message), description: body.message, channel: 'chat' });
    const request = await findRequestForHallway(tx, { key: filed.body.key });
    if (!request) throw new AppError('INTERNAL', 'the request just filed cannot be read back');
    await store.insertChat(tx, { requestId: request.id, teamId: request.teamId, requesterId: actor.personId });
    return request.key;
  });
  return getChat(db, actor, key);
}

/** The chat with its messages, for whoever may read the request (internal notes never included). */
export async function getChat(db: Queryable, actor: ChatActor, key: string): Promise<ChatView> {
  const detail = await getRequest(db, actor, key);
  const request = await findRequestForHallway(db, { key: detail.key });
  const chat = request && (await store.selectChat(db, request.id));
  if (!chat) throw notAChat();
  const summary = await summarise(db, chat, detail);
  return { ...summary, messages: messagesOf(detail) };
}

/** The employee's chats that have not ended, so a panel opened again carries on where it was. */
export async function listMyChats(db: Queryable, actor: ChatActor): Promise<ChatSummary[]> {
  const chats = await store.selectOpenChatsOf(db, actor.personId);
  return Promise.all(chats.map(async (chat) => summarise(db, chat, await requestOf(db, chat))));
}

export async function recordPresence(db: Queryable, actor: ChatActor, key: string, state: 'here' | 'left'): Promise<void> {
  const request = await findRequestForHallway(db, { key });
  const chat = request && (await store.selectChat(db, request.id));
  // Someone else's chat is not confirmed to exist.
  if (!chat || !canReportPresence(actor, chat)) throw notAChat();
  await store.recordPresence(db, chat.requestId, state === 'here', new Date());
}

/** Teams to chat with; one is available while at least one of its agents is on shift. */
export async function listChatTeams(db: Queryable): Promise<Array<{ slug: string; name: string; available: boolean }>> {
  const [teams, staffed] = await Promise.all([listTeams(db), store.selectStaffedTeams(db)]);
  return teams.map((team) => ({ slug: team.slug, name: team.name, available: (staffed.get(team.id) ?? 0) > 0 }));
}

/** Waiting chats of a team, oldest first: for its agents, and only while they are on shift. */
export async function listWaitingChats(db: Queryable, actor: ChatActor, teamSlug: string) {
  const team = await requireTeamBySlug(db, teamSlug, 'query.team');
  if (!isAgentOf(actor, team.id)) throw new AppError('FORBIDDEN', `Only agents of ${team.name} are offered its chats`);
  const onShift = await isOnShift(db, actor.personId, team.id);
  if (!onShift) return { team: team.slug, onShift, chats: [] };
  const chats = await store.selectWaitingChats(db, team.id);
  return { team: team.slug, onShift, chats: await Promise.all(chats.map(async (chat) => summarise(db, chat, await requestOf(db, chat)))) };
}

/**
 * Assigns a waiting chat to the agent. The request row is locked first, so of two agents picking
 * up at once the second waits, then finds the chat taken: 409 CHAT_TAKEN, with nothing written.
 */
export async function pickUpChat(db: Queryable, actor: ChatActor, key: string): Promise<ChatView> {
  await db.transaction(async (tx) => {
    const request = await findRequestForHallway(tx, { key }, { lock: true });
    if (!request || !canView(actor, request)) throw notAChat();
    const chat = await store.selectChat(tx, request.id);
    if (!chat) throw notAChat();
    const offered = mayBeOffered(actor, chat.teamId, await isOnShift(tx, actor.personId, chat.teamId));
    if (!offered.allowed) throw new AppError(offered.code, offered.reason);
    if (chat.status === 'ended') throw new AppError('CHAT_ENDED');
    const claimed = await store.claimChat(tx, chat.requestId, actor.personId, new Date());
    if (!claimed) {
      const holder = chat.pickedUpBy ? await findPersonById(tx, chat.pickedUpBy) : undefined;
      throw new AppError('CHAT_TAKEN', holder ? `${holder.name} already picked up this chat` : undefined);
    }
    await changeRequest(tx, actor, key, {
      assigneeId: actor.personId,
      status: request.status === 'new' ? 'in_progress' : undefined,
      expectedVersion: request.version,
    });
  });
  return getChat(db, actor, key);
}

/** Ends the conversation (the request stays open: later replies go by e-mail). Ending twice is fine. */
export async function endChat(db: Queryable, actor: ChatActor, key: string): Promise<ChatView> {
  await db.transaction(async (tx) => {
    const request = await findRequestForHallway(tx, { key }, { lock: true });
    if (!request || !canView(actor, request)) throw notAChat();
    const chat = await store.selectChat(tx, request.id);
    if (!chat) throw notAChat();
    if (!canEnd(actor, chat)) throw new AppError('FORBIDDEN', "only the employee and the team's agents end a chat");
    if (chat.status === 'ended') return;
    await store.endChat(tx, chat.requestId, new Date());
    // On the timeline, so the other side hears of it live and the metrics see when the chat stopped.
    await appendRequestEvents(tx, chat.requestId, [{ actorId: actor.personId, kind: 'chat_ended', visibility: 'public', data: {} }]);
  });
  return getChat(db, actor, key);
}

export async function listMyShifts(db: Queryable, actor: ChatActor) {
  const shifts = new Map((await store.selectShiftsOf(db, actor.personId)).map((shift) => [shift.teamId, shift.onShift]));
  const teams = await Promise.all(actor.memberships.map((membership) => findTeamById(db, membership.teamId)));
  return teams
    .filter((team) => team !== undefined)
    .map((team) => ({ team: team.slug, teamName: team.name, onShift: shifts.get(team.id) ?? false }))
    .sort((a, b) => a.teamName.localeCompare(b.teamName));
}

export async function setShift(db: Queryable, actor: ChatActor, teamSlug: string, onShift: boolean) {
  const team = await requireTeamBySlug(db, teamSlug, 'params.team');
  if (!isAgentOf(actor, team.id)) throw new AppError('FORBIDDEN', `Only agents of ${team.name} go on shift for it`);
  await store.upsertShift(db, actor.personId, team.id, onShift);
  return { team: team.slug, teamName: team.name, onShift };
}

async function isOnShift(db: Queryable, personId: string, teamId: string): Promise<boolean> {
  return (await store.selectShiftsOf(db, personId)).some((shift) => shift.teamId === teamId && shift.onShift);
}

async function requestOf(db: Queryable, chat: store.ChatRow) {
  const request = await findRequestForHallway(db, { id: chat.requestId });
  if (!request) throw notAChat();
  return request;
}

async function summarise(db: Queryable, chat: store.ChatRow, request: { key: string; subject: string; createdAt: Date | string }): Promise<ChatSummary> {
  const [team, requester, agent] = await Promise.all([
    findTeamById(db, chat.teamId),
    findPersonById(db, chat.requesterId),
    chat.pickedUpBy ? findPersonById(db, chat.pickedUpBy) : undefined,
  ]);
  return {
    key: request.key,
    subject: request.subject,
    team: { slug: team?.slug ?? '', name: team?.name ?? '' },
    status: chat.status,
    requester: { id: chat.requesterId, name: requester?.name ?? '' },
    pickedUpBy: agent ? { id: agent.id, name: agent.name } : null,
    requesterAway: requesterIsAway(chat, new Date()),
    createdAt: new Date(chat.createdAt).toISOString(),
  };
}
