import { Stack, Title } from '@mantine/core';
import { Navigate } from 'react-router';
import { useMe } from '../api/queries.ts';
import { EmptyState, ErrorState, LoadingState } from '../components/PageState.tsx';
import { en } from '../i18n/en.ts';

/** /desk: the queue of the agent's first team; the team picker on the queue switches to the others. */
export function DeskHomePage() {
  const me = useMe();
  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  const first = me.data?.memberships[0];
  if (first) return <Navigate to={`/desk/${encodeURIComponent(first.team.slug)}`} replace />;
  return (
    <Stack>
      <Title order={1}>{en.desk.title}</Title>
      <EmptyState>{en.desk.noTeams}</EmptyState>
    </Stack>
  );
}
