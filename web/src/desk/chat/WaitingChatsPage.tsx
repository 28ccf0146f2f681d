import { Alert, Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/problem.ts';
import { errorMessage } from '../../components/error-message.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { timeWords } from '../../i18n/format.ts';
import { useMyShifts, usePickUpChat, useSetShift, useWaitingChats } from '../../portal/chat/chat-queries.ts';
import type { Shift } from '../../portal/chat/chat-types.ts';
import { deskRequestPath } from '../desk-paths.ts';

const words = en.chat.desk;

/** A team's waiting chats, oldest first, refreshed live; picking one up opens its request page. */
function WaitingChats({ shift }: { shift: Shift }) {
  const waiting = useWaitingChats(shift.team);
  const pickUp = usePickUpChat();
  const navigate = useNavigate();
  const headingId = `waiting-${shift.team}`;
  const taken = pickUp.error instanceof ApiError && pickUp.error.problem.code === 'CHAT_TAKEN';
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {words.waiting(shift.teamName)}
        </Title>
        {pickUp.isError && (
          <Alert color={taken ? 'yellow' : 'red'} role="alert">
            <Text size="sm">{taken ? words.taken : errorMessage(pickUp.error)}</Text>
          </Alert>
        )}
        {waiting.isPending && <LoadingState />}
        {waiting.isError && <ErrorState error={waiting.error} onRetry={() => void waiting.refetch()} />}
        {waiting.isSuccess && !waiting.data.onShift && <Text c="gray.8">{words.offShift}</Text>}
        {waiting.isSuccess && waiting.data.onShift && waiting.data.chats.length === 0 && <EmptyState>{words.none}</EmptyState>}
        {waiting.isSuccess && waiting.data.chats.length > 0 && (
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-live="polite">
            {waiting.data.chats.map((chat) => (
              <Group component="li" key={chat.key} justify="space-between" wrap="wrap" gap="xs">
                <div>
                  <Text fw={600}>{chat.subject}</Text>
                  <Text size="sm" c="gray.8">
                    {`${chat.key} · ${chat.requester.name} · ${words.waitingSince(timeWords(chat.createdAt))}`}
                    {chat.requesterAway ? ` · ${words.away}` : ''}
                  </Text>
                </div>
                <Button
                  aria-label={words.pickUpLabel(chat.subject, chat.requester.name)}
                  loading={pickUp.isPending && pickUp.variables === chat.key}
                  onClick={() => pickUp.mutate(chat.key, { onSuccess: () => void navigate(deskRequestPath(chat.key)) })}
                >
                  {words.pickUp}
                </Button>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** /desk/chats: the agent's shift switch per team, and each on-shift team's waiting chats. */
export function WaitingChatsPage() {
  const shifts = useMyShifts();
  const setShift = useSetShift();
  return (
    <Stack gap="lg" maw={820}>
      <Title order={1}>{words.title}</Title>
      {shifts.isPending && <LoadingState />}
      {shifts.isError && <ErrorState error={shifts.error} onRetry={() => void shifts.refetch()} />}
      {shifts.isSuccess && shifts.data.length === 0 && <EmptyState>{words.noTeams}</EmptyState>}
      {shifts.isSuccess && shifts.data.length > 0 && (
        <>
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="shifts-title">
            <Stack gap="sm">
              <Title order={2} size="h4" id="shifts-title">
                {words.shifts}
              </Title>
              <Text size="sm" c="gray.8">
                {words.shiftsHint}
              </Text>
              {setShift.isError && (
                <Alert color="red" role="alert">
                  <Text size="sm">{errorMessage(setShift.error)}</Text>
                </Alert>
              )}
              {shifts.data.map((shift) => (
                <Switch
                  key={shift.team}
                  label={words.onShift(shift.teamName)}
                  checked={shift.onShift}
                  disabled={setShift.isPending}
                  onChange={(event) => setShift.mutate({ team: shift.team, onShift: event.currentTarget.checked })}
                />
              ))}
            </Stack>
          </Paper>
          {shifts.data.filter((shift) => shift.onShift).map((shift) => (
            <WaitingChats key={shift.team} shift={shift} />
          ))}
        </>
      )}
    </Stack>
  );
}
