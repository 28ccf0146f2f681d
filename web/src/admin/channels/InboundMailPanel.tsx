import { Button, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../components/error-message.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { dateTimeWords } from '../../i18n/format.ts';
import { useInboundMail, useReprocessInbound } from '../api/channels.ts';
import type { InboundStatus } from '../api/channel-types.ts';

const words = en.admin.channels.inbound;
const statusData = (['failed', 'held', 'rejected', 'processed'] as const).map((status) => ({ value: status, label: words.statuses[status] }));
const reprocessable: ReadonlySet<InboundStatus> = new Set(['failed', 'held', 'rejected']);

/** Mail that could not become a request (or was held), newest first, each one processable again. */
export function InboundMailPanel() {
  const [status, setStatus] = useState<InboundStatus>('failed');
  const messages = useInboundMail(status);
  const reprocess = useReprocessInbound();
  return (
    <Stack gap="sm">
      <SegmentedControl aria-label={words.status} data={statusData} value={status} onChange={(next) => setStatus(next as InboundStatus)} />
      {reprocess.isError && (
        <Text size="sm" c="red" role="alert">
          {errorMessage(reprocess.error)}
        </Text>
      )}
      {reprocess.isSuccess && (
        <Text size="sm" role="status">
          {words.queued}
        </Text>
      )}
      {messages.isPending && <LoadingState />}
      {messages.isError && <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />}
      {messages.isSuccess && messages.data.length === 0 && <EmptyState>{words.empty}</EmptyState>}
      {messages.isSuccess && messages.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{words.from}</Table.Th>
                <Table.Th>{words.received}</Table.Th>
                <Table.Th>{words.reason}</Table.Th>
                <Table.Th>{words.attempts}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {messages.data.map((message) => (
                <Table.Tr key={message.id}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{message.envelopeFrom ?? '—'}</Table.Td>
                  <Table.Td>{dateTimeWords(message.receivedAt)}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{message.statusReason ?? message.automatedKind ?? '—'}</Table.Td>
                  <Table.Td>{message.attempts}</Table.Td>
                  <Table.Td>
                    {reprocessable.has(message.status) && (
                      <Button size="xs" variant="light" aria-label={words.reprocessLabel(message.envelopeFrom ?? message.messageKey)} loading={reprocess.isPending && reprocess.variables === message.id} onClick={() => reprocess.mutate(message.id)}>
                        {words.reprocess}
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
