import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMyRequests } from '../../api/queries.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { dateTimeWords } from '../../i18n/format.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** What the employee asked for, newest first, a page at a time. */
export function MyRequestsPage() {
  const requests = useMyRequests();
  const rows = requests.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="lg">
      <Title order={1}>{en.myRequests.title}</Title>
      {requests.isPending && <LoadingState />}
      {requests.isError && <ErrorState error={requests.error} onRetry={() => void requests.refetch()} />}
      {requests.isSuccess && rows.length === 0 && (
        <EmptyState action={<Button component={Link} to="/">{en.myRequests.askFirst}</Button>}>{en.myRequests.empty}</EmptyState>
      )}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{en.myRequests.key}</Table.Th>
                <Table.Th scope="col">{en.myRequests.subject}</Table.Th>
                <Table.Th scope="col">{en.myRequests.team}</Table.Th>
                <Table.Th scope="col">{en.myRequests.status}</Table.Th>
                <Table.Th scope="col">{en.myRequests.updated}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((request) => (
                <Table.Tr key={request.key}>
                  <Table.Td>
                    <Anchor component={Link} to={`/requests/${encodeURIComponent(request.key)}`} fw={600}>
                      {request.key}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{request.subject}</Table.Td>
                  <Table.Td>{request.team.name}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={request.status} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{dateTimeWords(request.updatedAt)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {requests.hasNextPage && (
        <Group>
          <Button variant="default" loading={requests.isFetchingNextPage} onClick={() => void requests.fetchNextPage()}>
            {en.myRequests.more}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
