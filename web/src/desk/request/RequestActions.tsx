import { Alert, Button, Group, Menu, Paper, Select, Stack, Text, Title } from '@mantine/core';
import type { Me, Priority, RequestDetail, RequestStatus } from '../../api/types.ts';
import { ApiError } from '../../api/problem.ts';
import { errorMessage } from '../../components/error-message.ts';
import { en } from '../../i18n/en.ts';
import { useChangeRequest } from '../api/desk-queries.ts';
import type { RequestChangeInput } from '../api/desk-queries.ts';
import type { TeamMember } from '../api/types.ts';
import { allPriorities } from '../queue/queue-filters.ts';
import { nextStatuses } from '../status-moves.ts';

interface RequestActionsProps {
  request: RequestDetail;
  me: Me;
  members: TeamMember[];
  change: ReturnType<typeof useChangeRequest>;
  onHandOff: () => void;
  canChange: boolean;
}

/** Status, priority, assignee and handoff: each one click (or a menu) away, each guarded by the version read. */
export function RequestActions({ request, me, members, change, onHandOff, canChange }: RequestActionsProps) {
  const words = en.desk.request;
  const send = (input: Omit<RequestChangeInput, 'key' | 'version'>) => change.mutate({ key: request.key, version: request.version, ...input });
  const statusOptions: RequestStatus[] = [request.status, ...nextStatuses(request.status)];
  const conflict = change.error instanceof ApiError && change.error.status === 412;

  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="actions-title">
      <Title order={2} size="h5" id="actions-title" mb="xs">
        {words.actions}
      </Title>
      <Stack gap="sm">
        {change.isError && (
          <Alert color={conflict ? 'orange' : 'red'} role="alert" data-testid="change-problem">
            {conflict ? words.conflict : errorMessage(change.error)}
          </Alert>
        )}
        <Select
          label={words.status}
          data={statusOptions.map((status) => ({ value: status, label: en.desk.statuses[status] }))}
          value={request.status}
          onChange={(value) => value && value !== request.status && send({ status: value as RequestStatus })}
          allowDeselect={false}
          disabled={!canChange || change.isPending || statusOptions.length === 1}
        />
        <Select
          label={words.priority}
          data={allPriorities.map((priority) => ({ value: priority, label: en.desk.priorities[priority] }))}
          value={request.priority}
          onChange={(value) => value && value !== request.priority && send({ priority: value as Priority })}
          allowDeselect={false}
          disabled={!canChange || change.isPending}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {words.assignee}
          </Text>
          <Text size="sm" data-testid="assignee">
            {request.assignee?.name ?? words.nobody}
          </Text>
          <Group gap="xs">
            {request.assignee?.id !== me.id && (
              <Button size="xs" onClick={() => send({ assigneeId: me.id })} disabled={!canChange} loading={change.isPending}>
                {words.assignToMe}
              </Button>
            )}
            <Menu position="bottom-start" withinPortal>
              <Menu.Target>
                <Button size="xs" variant="default" disabled={!canChange || change.isPending}>
                  {words.assignTo}
                </Button>
              </Menu.Target>
              <Menu.Dropdown mah={320} style={{ overflowY: 'auto' }}>
                {request.assignee && <Menu.Item onClick={() => send({ assigneeId: null })}>{words.unassign}</Menu.Item>}
                {members
                  .filter((member) => member.person.id !== request.assignee?.id)
                  .map((member) => (
                    <Menu.Item key={member.person.id} onClick={() => send({ assigneeId: member.person.id })}>
                      {member.role === 'lead' ? `${member.person.name} (${en.desk.assign.lead})` : member.person.name}
                    </Menu.Item>
                  ))}
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Stack>
        <Button variant="light" onClick={onHandOff} disabled={!canChange || request.status === 'closed'}>
          {words.handOff}
        </Button>
      </Stack>
    </Paper>
  );
}
