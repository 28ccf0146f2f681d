import { ActionIcon, Alert, Anchor, Breadcrumbs, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMe } from '../../api/queries.ts';
import { errorMessage } from '../../components/error-message.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { useRemoveMember, useSetMembership, useTeamDetail } from '../api/people.ts';
import type { TeamDetail } from '../api/types.ts';
import { PersonSelect } from '../components/PersonSelect.tsx';
import { TeamForm } from './TeamForm.tsx';

const words = en.admin.teams;
type Role = 'agent' | 'lead';
const roleData = (['agent', 'lead'] as const).map((role) => ({ value: role, label: words.roles[role] }));

function Members({ team }: { team: TeamDetail }) {
  const me = useMe();
  const setMembership = useSetMembership(team.slug);
  const removeMember = useRemoveMember(team.slug);
  const [person, setPerson] = useState<{ id: string; name: string } | null>(null);
  const [role, setRole] = useState<Role>('agent');
  const failed = setMembership.error ?? removeMember.error;

  return (
    <Stack gap="sm">
      {failed && (
        <Alert color="red" role="alert" title={en.states.errorTitle}>
          {errorMessage(failed)}
        </Alert>
      )}
      {team.members.length === 0 ? (
        <EmptyState>{words.noMembers}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{en.admin.people.name}</Table.Th>
                <Table.Th>{words.role}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {team.members.map((member) => {
                const self = member.person.id === me.data?.id;
                return (
                  <Table.Tr key={member.person.id}>
                    <Table.Td>
                      <Text size="sm">{member.person.name}</Text>
                      <Text size="xs" c="dimmed">
                        {member.person.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={words.roleOf(member.person.name)}
                        data={roleData}
                        value={member.role}
                        allowDeselect={false}
                        disabled={self}
                        title={self ? words.yourself : undefined}
                        onChange={(next) => next && next !== member.role && setMembership.mutate({ personId: member.person.id, role: next as Role })}
                        w={140}
                      />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon variant="light" color="red" size="lg" aria-label={words.remove(member.person.name)} disabled={self} onClick={() => removeMember.mutate(member.person.id)}>
                        ×
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group align="flex-end">
        <div style={{ minWidth: 260 }}>
          <PersonSelect label={words.person} value={person} onChange={setPerson} />
        </div>
        <Select label={words.role} data={roleData} value={role} allowDeselect={false} onChange={(next) => next && setRole(next as Role)} w={140} />
        <Button
          disabled={!person}
          loading={setMembership.isPending}
          onClick={() => person && setMembership.mutate({ personId: person.id, role }, { onSuccess: () => setPerson(null) })}
        >
          {words.add}
        </Button>
      </Group>
    </Stack>
  );
}

/** /admin/teams/:slug: a team's members and roles (admins and its leads); its details (admins). */
export function TeamPage() {
  const { slug = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const team = useTeamDetail(slug);
  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/admin">
          {en.admin.back}
        </Anchor>
        <Anchor component={Link} to="/admin/teams">
          {words.title}
        </Anchor>
        <Text>{team.data?.name ?? slug}</Text>
      </Breadcrumbs>
      <Title order={1}>{team.data?.name ?? slug}</Title>
      {me.data?.isAdmin && (
        <Anchor component={Link} to={`/admin/teams/${encodeURIComponent(slug)}/channels`}>
          {en.admin.channels.teamLink}
        </Anchor>
      )}
      {team.isPending && <LoadingState />}
      {team.isError && <ErrorState error={team.error} onRetry={() => void team.refetch()} />}
      {team.isSuccess && (
        <>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="members-title">
            <Title order={2} size="h3" id="members-title" mb="sm">
              {words.members}
            </Title>
            <Members team={team.data} />
          </Paper>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="team-details-title">
            <Title order={2} size="h3" id="team-details-title" mb="sm">
              {words.editDetails}
            </Title>
            {me.data?.isAdmin ? (
              <TeamForm key={team.data.id} team={team.data} onSaved={(saved) => saved.slug !== slug && void navigate(`/admin/teams/${saved.slug}`, { replace: true })} />
            ) : (
              <Stack gap={4}>
                <Text size="sm">{team.data.description}</Text>
                <Text size="sm" c="dimmed">
                  {words.onlyAdmins}
                </Text>
              </Stack>
            )}
          </Paper>
        </>
      )}
    </Stack>
  );
}
