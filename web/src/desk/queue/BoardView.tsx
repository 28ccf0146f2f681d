import { Anchor, Badge, Button, Group, Menu, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { RequestStatus } from '../../api/types.ts';
import { ErrorState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { useChangeRequest } from '../api/desk-queries.ts';
import type { QueueRequest } from '../api/types.ts';
import { DueBadge, PriorityBadge } from '../DeskBadges.tsx';
import { nextStatuses } from '../status-moves.ts';
import { deskRequestPath } from '../desk-paths.ts';

/** Cards drawn per column: a board is for the top of each pile; the list windows the rest. */
const CARDS_PER_COLUMN = 50;

interface BoardViewProps {
  rows: QueueRequest[];
  statuses: readonly RequestStatus[];
  /** The server's totals by status, when known, to say how many are not on the board. */
  totals: Partial<Record<string, number>> | undefined;
  now: Date;
}

/** The queue in columns by status. A card moves through its menu, by mouse or keyboard alike. */
export function BoardView({ rows, statuses, totals, now }: BoardViewProps) {
  const change = useChangeRequest();
  const byStatus = new Map<RequestStatus, QueueRequest[]>(statuses.map((status) => [status, []]));
  for (const row of rows) byStatus.get(row.status)?.push(row);

  return (
    <Stack gap="xs">
      {change.isError && <ErrorState error={change.error} />}
      <ScrollArea type="auto" offsetScrollbars>
        <Group align="flex-start" wrap="nowrap" gap="sm" component="section" aria-label={en.desk.board.label}>
          {statuses.map((status) => {
            const cards = byStatus.get(status) ?? [];
            const total = Math.max(totals?.[status] ?? cards.length, cards.length);
            const headingId = `board-${status}`;
            return (
              <Paper key={status} withBorder radius="md" p="xs" w={260} miw={240} bg="var(--mantine-color-gray-0)" component="section" aria-labelledby={headingId}>
                <Group justify="space-between" mb="xs" wrap="nowrap">
                  <Title order={2} size="h5" id={headingId}>
                    {en.desk.statuses[status]}
                  </Title>
                  <Badge variant="default" tt="none">
                    {total}
                  </Badge>
                </Group>
                <Stack gap={6}>
                  {cards.length === 0 && (
                    <Text size="sm" c="dimmed">
                      {en.desk.board.empty}
                    </Text>
                  )}
                  {cards.slice(0, CARDS_PER_COLUMN).map((request) => {
                    const moves = nextStatuses(request.status);
                    return (
                      <Paper key={request.key} withBorder p="xs" radius="sm" data-testid={`board-card-${request.key}`}>
                        <Group justify="space-between" wrap="nowrap" gap={4}>
                          <Anchor component={Link} to={deskRequestPath(request.key)} fw={600} size="sm">
                            {request.key}
                          </Anchor>
                          <Menu position="bottom-end" withinPortal>
                            <Menu.Target>
                              <Button size="compact-xs" variant="subtle" aria-label={en.desk.board.moveTo(request.key)} disabled={moves.length === 0}>
                                {en.desk.board.move}
                              </Button>
                            </Menu.Target>
                            <Menu.Dropdown>
                              {moves.map((to) => (
                                <Menu.Item key={to} onClick={() => change.mutate({ key: request.key, version: request.version, status: to })}>
                                  {en.desk.statuses[to]}
                                </Menu.Item>
                              ))}
                            </Menu.Dropdown>
                          </Menu>
                        </Group>
                        <Text size="sm" lineClamp={2}>
                          {request.subject}
                        </Text>
                        <Group gap={4} mt={4}>
                          <PriorityBadge priority={request.priority} />
                          <DueBadge dueAt={request.dueAt} warnAt={request.warnAt} now={now} />
                        </Group>
                        <Text size="xs" c="dimmed">
                          {request.assignee?.name ?? en.desk.queue.unassignedName}
                        </Text>
                      </Paper>
                    );
                  })}
                  {total > Math.min(cards.length, CARDS_PER_COLUMN) && (
                    <Text size="xs" c="dimmed">
                      {en.desk.board.more(total - Math.min(cards.length, CARDS_PER_COLUMN))}
                    </Text>
                  )}
                </Stack>
              </Paper>
            );
          })}
        </Group>
      </ScrollArea>
    </Stack>
  );
}
