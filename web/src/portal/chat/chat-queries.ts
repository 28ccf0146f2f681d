import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callApi, callApiNoContent, queryString } from '../../api/client.ts';
import type { Chat, ChatSummary, ChatTeam, DeskChats, Shift } from './chat-types.ts';

// Live chat's reads and writes. A chat is read under ['request', key] and lists under 'requests',
// so the live stream's hints (web/src/live) refresh them like any request read: no polling here.

const path = encodeURIComponent;

export const chatKeys = {
  teams: ['requests', 'chat-teams'] as const,
  mine: ['requests', 'my-chats'] as const,
  chat: (key: string) => ['request', key, 'chat'] as const,
  waiting: (team: string) => ['requests', 'waiting-chats', team] as const,
  shifts: ['me', 'shifts'] as const,
};

export function useChatTeams() {
  return useQuery({ queryKey: chatKeys.teams, queryFn: async () => (await callApi<{ teams: ChatTeam[] }>('/chats/teams')).teams });
}

export function useMyChats() {
  return useQuery({ queryKey: chatKeys.mine, queryFn: async () => (await callApi<{ chats: ChatSummary[] }>('/chats')).chats });
}

export function useChat(key: string | undefined) {
  return useQuery({ queryKey: chatKeys.chat(key ?? ''), queryFn: () => callApi<Chat>(`/chats/${path(key!)}`), enabled: key !== undefined });
}

export function useStartChat() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { team: string; message: string }) => callApi<Chat>('/chats', { method: 'POST', body: input }),
    onSuccess: (chat) => {
      client.setQueryData(chatKeys.chat(chat.key), chat);
      void client.invalidateQueries({ queryKey: chatKeys.mine });
    },
  });
}

export function useSendChatMessage(key: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => callApi<unknown>(`/chats/${path(key)}/messages`, { method: 'POST', body: { body } }),
    onSuccess: () => client.invalidateQueries({ queryKey: chatKeys.chat(key) }),
  });
}

export function useEndChat(key: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => callApi<Chat>(`/chats/${path(key)}/end`, { method: 'POST' }),
    onSuccess: (chat) => {
      client.setQueryData(chatKeys.chat(key), chat);
      void client.invalidateQueries({ queryKey: chatKeys.mine });
    },
  });
}

/** The panel's heartbeat ('here') and its goodbye ('left'). */
export function sendPresence(key: string, state: 'here' | 'left'): Promise<void> {
  return callApiNoContent(`/chats/${path(key)}/presence`, { method: 'POST', body: { state } });
}

export function useMyShifts() {
  return useQuery({ queryKey: chatKeys.shifts, queryFn: async () => (await callApi<{ shifts: Shift[] }>('/me/shifts')).shifts });
}

export function useSetShift() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { team: string; onShift: boolean }) => callApi<Shift>(`/me/shifts/${path(input.team)}`, { method: 'PUT', body: { onShift: input.onShift } }),
    onSuccess: () => client.invalidateQueries({ predicate: (query) => (query.queryKey[0] === 'me' && query.queryKey[1] === 'shifts') || query.queryKey[1] === 'waiting-chats' || query.queryKey[1] === 'chat-teams' }),
  });
}

export function useWaitingChats(team: string) {
  return useQuery({ queryKey: chatKeys.waiting(team), queryFn: () => callApi<DeskChats>(`/desk/chats${queryString({ team })}`) });
}

export function usePickUpChat() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => callApi<Chat>(`/chats/${path(key)}/pick-up`, { method: 'POST' }),
    // Taken or not, the list has changed: read it again.
    onSettled: () => client.invalidateQueries({ predicate: (query) => query.queryKey[1] === 'waiting-chats' }),
  });
}
