import { Alert, Badge, Button, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../components/error-message.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { dateTimeWords } from '../../i18n/format.ts';
import { useOutbox, useRetryOutbound } from '../api/channels.ts';
import type { OutboundStatus } from '../api/channel-types.ts';

const words = en.admin.channels.outbox;
const statusData = [{ value: 'all', label: words.all }, ...(['queued', 'failed', 'suppressed', 'sent'] as const).map((status) => ({ value: status, label: words.statuses[status] }))];

/** What Hallway sent, is sending, gave up on or held back, and why; a failed or held-back mail can be sent again. */
export function OutboxPanel() {
  const [status, setStatus] = useState<OutboundStatus | 'all'>('all');
  const outbox = useOutbox(status);
  const retry = useRetryOutbound();
  return (
    <Stack gap="sm">
      <SegmentedControl aria-label={words.title} data={statusData} value={status} onChange={(next) => setStatus(next as OutboundStatus | 'all')} />
      {outbox.isSuccess && !outbox.data.relayConfigured && (
        <Alert color="yellow" role="status">
          {words.noRelay}
        </Alert>
      )}
      {retry.isError && (
        <Text size="sm" c="red" role="alert">
          {errorMessage(retry.error)}
        </Text>
      )}
      {outbox.isPending && <LoadingState />}
      {outbox.isError && <ErrorState error={outbox.error} onRetry={() => void outbox.refetch()} />}
      {outbox.isSuccess && outbox.data.items.length === 0 && <EmptyState>{words.empty}</EmptyState>}
      {outbox.isSuccess && outbox.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{words.to}</Table.Th>
                <Table.Th>{words.subject}</Table.Th>
                <Table.Th>{words.kind}</Table.Th>
                <Table.Th>{words.created}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {outbox.data.items.map((mail) => (
                <Table.Tr key={mail.id}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{mail.to}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    {mail.subject}
                    {(mail.statusReason ?? mail.lastError) && (
                      <Text size="xs" c="dimmed">
                        {mail.statusReason ?? mail.lastError}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {mail.kind}{' '}
                    <Badge variant="light" color={mail.status === 'failed' ? 'red' : mail.status === 'sent' ? 'green' : 'gray'}>
                      {words.statuses[mail.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{dateTimeWords(mail.createdAt)}</Table.Td>
                  <Table.Td>
                    {(mail.status === 'failed' || mail.status === 'suppressed') && (
                      <Button size="xs" variant="light" aria-label={words.retryLabel(mail.subject)} loading={retry.isPending && retry.variables === mail.id} onClick={() => retry.mutate(mail.id)}>
                        {words.retry}
                      </Button>
                    )}
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
