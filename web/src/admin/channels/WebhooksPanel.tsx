import { Alert, Badge, Button, Code, Group, MultiSelect, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError, fieldMessages } from '../../api/problem.ts';
import { errorMessage } from '../../components/error-message.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { dateTimeWords } from '../../i18n/format.ts';
import { useCreateWebhook, useDeliveries, useRedeliver, useWebhooks } from '../api/channels.ts';
import type { Webhook, WebhookEventType } from '../api/channel-types.ts';
import { useTeams } from '../api/services.ts';

const words = en.admin.channels.webhooks;
const eventData = (['created', 'updated', 'commented', 'resolved'] as const).map((type) => ({ value: type, label: words.eventNames[type] }));
const message = (reason: string | undefined) => reason && en.form.fieldMessage(reason);

function Deliveries({ webhook }: { webhook: Webhook }) {
  const deliveries = useDeliveries(webhook.id);
  const redeliver = useRedeliver(webhook.id);
  return (
    <Stack gap="xs" component="section" aria-labelledby="deliveries-title">
      <Title order={3} size="h4" id="deliveries-title">
        {words.deliveriesOf(webhook.name)}
      </Title>
      {redeliver.isError && (
        <Text size="sm" c="red" role="alert">
          {errorMessage(redeliver.error)}
        </Text>
      )}
      {deliveries.isPending && <LoadingState />}
      {deliveries.isError && <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />}
      {deliveries.isSuccess && deliveries.data.length === 0 && <EmptyState>{words.noDeliveries}</EmptyState>}
      {deliveries.isSuccess && deliveries.data.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{words.event}</Table.Th>
                <Table.Th>{words.result}</Table.Th>
                <Table.Th>{en.admin.channels.outbox.created}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deliveries.data.map((delivery) => (
                <Table.Tr key={delivery.id}>
                  <Table.Td>{delivery.eventType ?? '—'}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Badge variant="light" color={delivery.status === 'delivered' ? 'green' : delivery.status === 'failed' ? 'red' : 'gray'}>
                      {delivery.status}
                    </Badge>{' '}
                    {delivery.lastStatusCode ?? ''} {delivery.lastError ?? ''} ({delivery.attempts})
                  </Table.Td>
                  <Table.Td>{dateTimeWords(delivery.createdAt)}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" aria-label={words.redeliverLabel(delivery.id)} loading={redeliver.isPending && redeliver.variables === delivery.id} onClick={() => redeliver.mutate(delivery.id)}>
                      {words.redeliver}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** Outgoing webhooks: add one (its signing secret shown once), see each one's deliveries and send one again. */
export function WebhooksPanel() {
  const webhooks = useWebhooks();
  const teams = useTeams();
  const create = useCreateWebhook();
  const [selected, setSelected] = useState<string | null>(null);
  const [draft, setDraft] = useState({ name: '', url: '', eventTypes: ['created', 'resolved'] as WebhookEventType[], team: null as string | null });
  const fields = create.error instanceof ApiError ? fieldMessages(create.error.problem, 'body.') : {};
  const teamData = [{ value: '', label: words.allTeams }, ...(teams.data ?? []).map((team) => ({ value: team.slug, label: team.name }))];
  const shown = webhooks.data?.find((webhook) => webhook.id === selected);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ ...draft, name: draft.name.trim(), url: draft.url.trim() }, { onSuccess: () => setDraft({ ...draft, name: '', url: '' }) });
  };

  return (
    <Stack gap="sm">
      {webhooks.isPending && <LoadingState />}
      {webhooks.isError && <ErrorState error={webhooks.error} onRetry={() => void webhooks.refetch()} />}
      {webhooks.isSuccess && webhooks.data.length === 0 && <EmptyState>{words.empty}</EmptyState>}
      {webhooks.isSuccess && webhooks.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{words.name}</Table.Th>
                <Table.Th>{words.url}</Table.Th>
                <Table.Th>{words.events}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {webhooks.data.map((webhook) => (
                <Table.Tr key={webhook.id}>
                  <Table.Td>
                    {webhook.name} {webhook.team && <Text size="xs" c="dimmed">{webhook.team.name}</Text>}
                    {!webhook.enabled && <Badge variant="light" color="orange">{words.disabled(webhook.disabledReason)}</Badge>}
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{webhook.url}</Table.Td>
                  <Table.Td>{webhook.eventTypes.map((type) => words.eventNames[type]).join(', ')}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" aria-label={words.showDeliveries(webhook.name)} aria-pressed={selected === webhook.id} onClick={() => setSelected(webhook.id)}>
                      {words.deliveries}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {shown && <Deliveries webhook={shown} />}
      {create.isSuccess && (
        <Alert color="yellow" role="status" title={words.secretTitle}>
          <Code data-testid="webhook-secret" style={{ wordBreak: 'break-all' }}>
            {create.data.secret}
          </Code>
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={words.name} required value={draft.name} error={message(fields.name)} onChange={(event) => setDraft({ ...draft, name: event.currentTarget.value })} />
            <TextInput label={words.url} required type="url" value={draft.url} error={message(fields.url)} onChange={(event) => setDraft({ ...draft, url: event.currentTarget.value })} />
            <MultiSelect label={words.events} data={eventData} value={draft.eventTypes} error={message(fields.eventTypes)} onChange={(next) => setDraft({ ...draft, eventTypes: next as WebhookEventType[] })} />
            <Select label={words.team} data={teamData} value={draft.team ?? ''} allowDeselect={false} error={message(fields.team)} onChange={(next) => setDraft({ ...draft, team: next || null })} />
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
