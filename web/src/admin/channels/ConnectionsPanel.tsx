import { Badge, Button, Group, PasswordInput, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError, fieldMessages } from '../../api/problem.ts';
import { errorMessage } from '../../components/error-message.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { useConnections, useCreateConnection, useSetConnectionEnabled } from '../api/channels.ts';
import type { ConnectionKind } from '../api/channel-types.ts';
import { connectionBodyFrom, emptyConnectionDraft, type ConnectionDraft } from './connection-draft.ts';

const words = en.admin.channels.connections;
const kindData = (['slack', 'teams', 'sms'] as const).map((kind) => ({ value: kind, label: words.kinds[kind] }));
const message = (reason: string | undefined) => reason && en.form.fieldMessage(reason);

/** A team's Slack, Teams and SMS connections; the signing secret is written, never read back. */
export function ConnectionsPanel({ slug }: { slug: string }) {
  const connections = useConnections(slug);
  const create = useCreateConnection(slug);
  const setEnabled = useSetConnectionEnabled(slug);
  const [draft, setDraft] = useState<ConnectionDraft>(() => emptyConnectionDraft());
  const fields = create.error instanceof ApiError ? fieldMessages(create.error.problem, 'body.') : {};
  const settings = create.error instanceof ApiError ? fieldMessages(create.error.problem, 'body.settings.') : {};
  const edit = (change: Partial<ConnectionDraft>) => setDraft((current) => ({ ...current, ...change }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(connectionBodyFrom(draft), { onSuccess: () => setDraft(emptyConnectionDraft(draft.kind)) });
  };

  return (
    <Stack gap="sm">
      {connections.isPending && <LoadingState />}
      {connections.isError && <ErrorState error={connections.error} onRetry={() => void connections.refetch()} />}
      {connections.isSuccess && connections.data.length === 0 && <EmptyState>{words.empty}</EmptyState>}
      {connections.isSuccess && connections.data.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{words.name}</Table.Th>
                <Table.Th>{words.kind}</Table.Th>
                <Table.Th>{words.externalId}</Table.Th>
                <Table.Th>{words.enabled}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {connections.data.map((connection) => (
                <Table.Tr key={connection.id}>
                  <Table.Td>{connection.name}</Table.Td>
                  <Table.Td>
                    {words.kinds[connection.kind]}{' '}
                    {connection.credentialEnv && (
                      <Badge variant="light" color={connection.credentialSet ? 'green' : 'orange'}>
                        {connection.credentialSet ? words.credentialSet : words.credentialMissing}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <code>{connection.externalId}</code>
                  </Table.Td>
                  <Table.Td>
                    <Switch aria-label={words.toggle(connection.name, connection.enabled)} checked={connection.enabled} onChange={(event) => setEnabled.mutate({ id: connection.id, enabled: event.currentTarget.checked })} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {setEnabled.isError && (
        <Text size="sm" c="red" role="alert">
          {errorMessage(setEnabled.error)}
        </Text>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={words.kind} data={kindData} value={draft.kind} allowDeselect={false} onChange={(next) => next && edit({ kind: next as ConnectionKind })} />
            <TextInput label={words.name} required value={draft.name} error={message(fields.name)} onChange={(event) => edit({ name: event.currentTarget.value })} />
            <TextInput label={words.externalId} description={words.externalIdHelp} required value={draft.externalId} error={message(fields.externalId)} onChange={(event) => edit({ externalId: event.currentTarget.value })} />
            <PasswordInput label={words.signingSecret} description={words.signingSecretHelp} required autoComplete="new-password" value={draft.signingSecret} error={message(fields.signingSecret)} onChange={(event) => edit({ signingSecret: event.currentTarget.value })} />
            <TextInput label={words.credentialEnv} value={draft.credentialEnv} error={message(fields.credentialEnv)} onChange={(event) => edit({ credentialEnv: event.currentTarget.value })} />
            {draft.kind === 'teams' && <TextInput label={words.incomingWebhookUrl} value={draft.incomingWebhookUrl} error={message(settings.incomingWebhookUrl)} onChange={(event) => edit({ incomingWebhookUrl: event.currentTarget.value })} />}
            {draft.kind === 'sms' && (
              <>
                <Select label={words.format} data={['twilio', 'generic']} value={draft.smsFormat} allowDeselect={false} onChange={(next) => next && edit({ smsFormat: next as ConnectionDraft['smsFormat'] })} />
                <TextInput label={words.sendUrl} required value={draft.sendUrl} error={message(settings.sendUrl)} onChange={(event) => edit({ sendUrl: event.currentTarget.value })} />
                <TextInput label={words.fromNumber} required value={draft.fromNumber} error={message(settings.fromNumber)} onChange={(event) => edit({ fromNumber: event.currentTarget.value })} />
              </>
            )}
          </SimpleGrid>
          {create.isError && Object.keys(fields).length === 0 && (
            <Text size="sm" c="red" role="alert">
              {errorMessage(create.error)}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={create.isPending}>
              {words.add}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
