import { Alert, Button, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../components/error-message.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { canSend, defaultTeam } from './chat-logic.ts';
import { useChatTeams, useMyChats, useStartChat } from './chat-queries.ts';
import { ChatPanel } from './ChatPanel.tsx';

function StartChatForm({ onStarted }: { onStarted: (key: string) => void }) {
  const teams = useChatTeams();
  const start = useStartChat();
  const [chosen, setChosen] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  if (teams.isPending) return <LoadingState />;
  if (teams.isError) return <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />;
  if (teams.data.length === 0) return <EmptyState>{en.catalog.empty}</EmptyState>;
  const slug = chosen ?? defaultTeam(teams.data)!;
  const team = teams.data.find((candidate) => candidate.slug === slug) ?? teams.data[0]!;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!canSend(message)) return;
    start.mutate({ team: team.slug, message: message.trim() }, { onSuccess: (chat) => onStarted(chat.key) });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="start-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="start-title">
          {en.chat.title}
        </Title>
        <NativeSelect
          label={en.chat.team}
          value={team.slug}
          onChange={(event) => setChosen(event.currentTarget.value)}
          data={teams.data.map((candidate) => ({ value: candidate.slug, label: candidate.name }))}
        />
        <Text size="sm" role="status" fw={team.available ? 600 : 400}>
          {team.available ? en.chat.available(team.name) : en.chat.unavailable(team.name)}
        </Text>
        {start.isError && (
          <Alert color="red" role="alert" title={en.chat.startFailed}>
            <Text size="sm">{errorMessage(start.error)}</Text>
          </Alert>
        )}
        <Textarea
          label={en.chat.firstMessage}
          description={en.chat.firstMessageHint}
          value={message}
          onChange={(event) => setMessage(event.currentTarget.value)}
          autosize
          minRows={3}
          maxRows={8}
          maxLength={4_000}
          required
        />
        <Button type="submit" loading={start.isPending} disabled={!canSend(message)} style={{ alignSelf: 'flex-start' }}>
          {team.available ? en.chat.start : en.chat.leaveMessage}
        </Button>
      </Stack>
    </form>
  );
}

/** /chat: the employee's live chat. An open chat carries on where it was; otherwise start one. */
export function ChatPage() {
  const mine = useMyChats();
  // undefined: follow the open chat if there is one; null: the employee asked for a new one.
  const [current, setCurrent] = useState<string | null | undefined>(undefined);
  const key = current === undefined ? mine.data?.[mine.data.length - 1]?.key : current;

  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>{en.chat.title}</Title>
      <Text>{en.chat.intro}</Text>
      {mine.isPending && current === undefined ? (
        <LoadingState />
      ) : key ? (
        <ChatPanel key={key} chatKey={key} onNewChat={() => setCurrent(null)} />
      ) : (
        <StartChatForm onStarted={setCurrent} />
      )}
    </Stack>
  );
}
