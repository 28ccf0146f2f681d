import { Alert, Anchor, Box, Button, Group, Paper, Stack, Text, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../components/error-message.ts';
import { ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { timeWords } from '../../i18n/format.ts';
import { announcement, authorLabel, canSend, HEARTBEAT_MS, newMessagesFromOthers, shouldBeat, statusLine } from './chat-logic.ts';
import { sendPresence, useChat, useEndChat, useSendChatMessage } from './chat-queries.ts';
import type { Chat, ChatMessage } from './chat-types.ts';

/**
 * Keeps Hallway told that the employee is here while the panel is open (a beat every 20 s), and
 * that they left when it goes away, so an agent's later reply reaches them by e-mail instead.
 */
function usePresence(chat: Chat | undefined) {
  const key = chat?.key;
  const beating = shouldBeat(chat);
  useEffect(() => {
    if (!key || !beating) return;
    const beat = () => void sendPresence(key, 'here').catch(() => undefined);
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    const leave = () => void sendPresence(key, 'left').catch(() => undefined);
    window.addEventListener('pagehide', leave);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [key, beating]);
}

/** What a screen reader hears when the other side writes: only the new words, once. */
function useAnnouncements(messages: readonly ChatMessage[] | undefined): string {
  const previous = useRef<readonly ChatMessage[] | undefined>(undefined);
  const [said, setSaid] = useState('');
  useEffect(() => {
    if (!messages) return;
    const fresh = newMessagesFromOthers(previous.current, messages);
    previous.current = messages;
    if (fresh.length > 0) setSaid(announcement(fresh));
  }, [messages]);
  return said;
}

function MessageList({ messages }: { messages: readonly ChatMessage[] }) {
  const end = useRef<HTMLLIElement>(null);
  // A block body on purpose: an effect must return nothing or a cleanup, and Chromium's scroll
  // methods now return a promise, which React would later call as the cleanup.
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'nearest' });
  }, [messages.length]);
  return (
    <Box component="ol" aria-label={en.chat.messages} m={0} p={0} style={{ listStyle: 'none', maxHeight: '50vh', overflowY: 'auto' }} tabIndex={0}>
      {messages.map((message, index) => (
        <Box
          component="li"
          key={message.id}
          ref={index === messages.length - 1 ? end : undefined}
          py={6}
          px="sm"
          my={4}
          maw="85%"
          ml={message.byRequester ? 'auto' : 0}
          bg={message.byRequester ? 'blue.0' : 'gray.0'}
          style={{ borderRadius: 8, width: 'fit-content' }}
        >
          <Text size="xs" c="gray.8" fw={600}>
            {en.chat.said(authorLabel(message), timeWords(message.at))}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {message.body}
          </Text>
        </Box>
      ))}
    </Box>
  );
}

function Composer({ chatKey }: { chatKey: string }) {
  const [text, setText] = useState('');
  const send = useSendChatMessage(chatKey);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, []);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!canSend(text)) return;
    // Cleared only once Hallway has it: a failed send leaves every word in the box.
    send.mutate(text.trim(), { onSuccess: () => setText('') });
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        {send.isError && (
          <Alert color="red" role="alert" title={en.chat.sendFailed}>
            <Text size="sm">{errorMessage(send.error)}</Text>
          </Alert>
        )}
        <Textarea
          ref={box}
          label={en.chat.message}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Enter sends, Shift+Enter starts a new line, as in other chats.
            if (event.key === 'Enter' && !event.shiftKey) submit(event);
          }}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={4_000}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={send.isPending} disabled={!canSend(text)}>
            {en.chat.send}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One conversation: who is answering, the messages (live), a box to write, and a way to close it. */
export function ChatPanel({ chatKey, onNewChat }: { chatKey: string; onNewChat: () => void }) {
  const chat = useChat(chatKey);
  const end = useEndChat(chatKey);
  usePresence(chat.data);
  const said = useAnnouncements(chat.data?.messages);

  if (chat.isPending) return <LoadingState />;
  if (chat.isError) return <ErrorState error={chat.error} onRetry={() => void chat.refetch()} />;
  const data = chat.data;
  const ended = data.status === 'ended';
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="chat-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Title order={2} size="h4" id="chat-title">
            {en.chat.conversation(data.team.name)}
          </Title>
          <Anchor component={Link} to={`/requests/${encodeURIComponent(data.key)}`} size="sm">
            {en.chat.request(data.key)}
          </Anchor>
        </Group>
        <Text size="sm" role="status">
          {statusLine(data)}
        </Text>
        <MessageList messages={data.messages} />
        <VisuallyHidden aria-live="polite" aria-atomic="true">
          {said}
        </VisuallyHidden>
        {ended ? (
          <Group>
            <Button variant="light" onClick={onNewChat}>
              {en.chat.newChat}
            </Button>
          </Group>
        ) : (
          <>
            <Composer chatKey={data.key} />
            <Group justify="space-between" wrap="wrap">
              <Text size="xs" c="gray.7">
                {en.chat.closeHint}
              </Text>
              <Button variant="default" onClick={() => end.mutate()} loading={end.isPending}>
                {en.chat.close}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
