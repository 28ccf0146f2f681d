import { Alert, Button, Code, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError, fieldMessages } from '../../api/problem.ts';
import { errorMessage } from '../../components/error-message.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { useCreateInboundHook, useDeleteInboundHook, useInboundHooks } from '../api/channels.ts';
import { useTeams } from '../api/services.ts';
import { PersonSelect } from '../components/PersonSelect.tsx';

const words = en.admin.channels.inboundHooks;
const message = (reason: string | undefined) => reason && en.form.fieldMessage(reason);

/** Hooks other tools call to file requests: add one (its secret shown once) or delete it. */
export function InboundHooksPanel() {
  const hooks = useInboundHooks();
  const teams = useTeams();
  const create = useCreateInboundHook();
  const remove = useDeleteInboundHook();
  const [name, setName] = useState('');
  const [team, setTeam] = useState<string | null>(null);
  const [requester, setRequester] = useState<{ id: string; name: string } | null>(null);
  const fields = create.error instanceof ApiError ? fieldMessages(create.error.problem, 'body.') : {};

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: name.trim(), team: team ?? '', requester: requester?.id ?? '' }, { onSuccess: () => setName('') });
  };

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {words.intro}
      </Text>
      {hooks.isPending && <LoadingState />}
      {hooks.isError && <ErrorState error={hooks.error} onRetry={() => void hooks.refetch()} />}
      {hooks.isSuccess && hooks.data.length === 0 && <EmptyState>{words.empty}</EmptyState>}
      {hooks.isSuccess && hooks.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{words.name}</Table.Th>
                <Table.Th>{words.url}</Table.Th>
                <Table.Th>{words.requester}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {hooks.data.map((hook) => (
                <Table.Tr key={hook.id}>
                  <Table.Td>
                    {hook.name}
                    <Text size="xs" c="dimmed">
                      {hook.team.name}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <code>{hook.url}</code>
                  </Table.Td>
                  <Table.Td>{hook.requester.name}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" color="red" aria-label={words.remove(hook.name)} loading={remove.isPending && remove.variables === hook.id} onClick={() => remove.mutate(hook.id)}>
                      {words.removeLabel}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {remove.isError && (
        <Text size="sm" c="red" role="alert">
          {errorMessage(remove.error)}
        </Text>
      )}
      {create.isSuccess && (
        <Alert color="yellow" role="status" title={words.secretTitle}>
          <Code data-testid="inbound-hook-secret" style={{ wordBreak: 'break-all' }}>
            {create.data.secret}
          </Code>
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={words.name} required value={name} error={message(fields.name)} onChange={(event) => setName(event.currentTarget.value)} />
            <Select label={words.team} required data={(teams.data ?? []).map((one) => ({ value: one.slug, label: one.name }))} value={team} error={message(fields.team)} onChange={setTeam} />
            <PersonSelect label={words.requester} required value={requester} error={message(fields.requester)} onChange={setRequester} />
          </SimpleGrid>
          {create.isError && Object.keys(fields).length === 0 && (
            <Text size="sm" c="red" role="alert">
              {errorMessage(create.error)}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={create.isPending}>
              {words.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
