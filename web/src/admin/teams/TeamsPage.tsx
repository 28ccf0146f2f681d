import { Anchor, Button, Group, Modal, Stack, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../api/queries.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { useTeams } from '../api/services.ts';
import { TeamForm } from './TeamForm.tsx';

const words = en.admin.teams;

/** /admin/teams: every team, each a click from its members; admins add teams. */
export function TeamsPage() {
  const me = useMe();
  const teams = useTeams();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const led = new Set(me.data?.memberships.filter((m) => m.role === 'lead').map((m) => m.team.slug));
  const shown = (teams.data ?? []).filter((team) => me.data?.isAdmin || led.has(team.slug));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{words.title}</Title>
        {me.data?.isAdmin && <Button onClick={() => setCreating(true)}>{words.create}</Button>}
      </Group>
      {teams.isPending && <LoadingState />}
      {teams.isError && <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />}
      {teams.isSuccess && shown.length === 0 && <EmptyState>{words.empty}</EmptyState>}
      {shown.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{words.name}</Table.Th>
                <Table.Th>{words.slug}</Table.Th>
                <Table.Th>{words.keyPrefix}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((team) => (
                <Table.Tr key={team.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/teams/${team.slug}`}>
                      {team.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{team.slug}</Table.Td>
                  <Table.Td>{team.keyPrefix}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title={words.create} size="lg">
        <TeamForm team={undefined} onSaved={(team) => void navigate(`/admin/teams/${team.slug}`)} />
      </Modal>
    </Stack>
  );
}
