import { Anchor, Breadcrumbs, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { useTeamMail } from '../api/channels.ts';
import { useTeamDetail } from '../api/people.ts';
import { ConnectionsPanel } from './ConnectionsPanel.tsx';
import { TeamMailForm } from './TeamMailForm.tsx';

const words = en.admin.channels;

/** /admin/teams/:slug/channels: how people reach this team: its mail address and mailbox, its chat apps and SMS. */
export function TeamChannelsPage() {
  const { slug = '' } = useParams();
  const team = useTeamDetail(slug);
  const mail = useTeamMail(slug);
  const name = team.data?.name ?? slug;
  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/admin">
          {en.admin.back}
        </Anchor>
        <Anchor component={Link} to="/admin/teams">
          {en.admin.teams.title}
        </Anchor>
        <Anchor component={Link} to={`/admin/teams/${encodeURIComponent(slug)}`}>
          {name}
        </Anchor>
        <Text>{words.title}</Text>
      </Breadcrumbs>
      <Title order={1}>{words.teamTitle(name)}</Title>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="team-mail-title">
        <Title order={2} size="h3" id="team-mail-title" mb="sm">
          {words.mail.title}
        </Title>
        {mail.isPending && <LoadingState />}
        {mail.isError && <ErrorState error={mail.error} onRetry={() => void mail.refetch()} />}
        {mail.isSuccess && <TeamMailForm key={slug} slug={slug} mail={mail.data} />}
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="team-connections-title">
        <Title order={2} size="h3" id="team-connections-title" mb="sm">
          {words.connections.title}
        </Title>
        <ConnectionsPanel slug={slug} />
      </Paper>
    </Stack>
  );
}
