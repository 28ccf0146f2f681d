import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { useExpectedWait, useRequest } from '../../api/queries.ts';
import { ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { durationWords, whenWords, workingDurationWords } from '../../i18n/format.ts';
import { TeamHours } from '../catalog/TeamHours.tsx';
import { firstResponseDue } from './clock-words.ts';

/** The acknowledgement after sending: the request's key and, in words, how long the wait should be. */
export function SentPage() {
  const { key = '' } = useParams();
  const request = useRequest(key);
  const wait = useExpectedWait(request.data?.service?.slug);
  const heading = useRef<HTMLHeadingElement>(null);
  // A new page after a form: screen readers start reading here, not at the top of the frame.
  useEffect(() => heading.current?.focus(), []);

  const due = request.data ? firstResponseDue(request.data.sla) : null;
  const median = wait.data?.recentMedianFirstResponseMinutes ?? null;
  const committed = wait.data?.committedFirstResponseMinutes ?? null;

  return (
    <Stack gap="lg" maw={640}>
      <Title order={1} ref={heading} tabIndex={-1}>
        {en.sent.title}
      </Title>
      {request.isPending && <LoadingState />}
      {request.isError && <ErrorState error={request.error} onRetry={() => void request.refetch()} />}
      {request.isSuccess && (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm">
            <Text size="lg" fw={600} data-testid="request-key-line">
              {en.sent.keyLine(request.data.key, request.data.team.name)}
            </Text>
            <Text>{request.data.subject}</Text>
            {wait.isPending && request.data.service && <LoadingState />}
            {(wait.isSuccess || !request.data.service) && (
              <Text data-testid="expected-wait">
                {en.wait.sentence(
                  request.data.team.name,
                  median === null ? null : durationWords(median),
                  committed === null ? null : workingDurationWords(committed),
                )}
              </Text>
            )}
            {wait.isError && <Text c="dimmed">{en.wait.unavailable}</Text>}
            {due && <Text>{en.sent.firstResponseDue(en.time.by(whenWords(due)))}</Text>}
            <TeamHours team={request.data.team} />
            <Group mt="sm">
              <Button component={Link} to={`/requests/${encodeURIComponent(request.data.key)}`}>
                {en.sent.view}
              </Button>
              <Button component={Link} to="/" variant="default">
                {en.sent.another}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
