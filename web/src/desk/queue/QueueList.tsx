import { Anchor, Box, Checkbox, Group, Loader, Paper, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { en } from '../../i18n/en.ts';
import type { QueueRequest } from '../api/types.ts';
import { DeskStatusBadge, DueBadge, PriorityBadge } from '../DeskBadges.tsx';
import { deskRequestPath } from '../desk-paths.ts';

interface QueueListProps {
  rows: QueueRequest[];
  selected: ReadonlySet<string>;
  onToggle: (key: string) => void;
  activeIndex: number;
  onActivate: (index: number) => void;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  now: Date;
}

/** How close to the end of what is loaded the next page is asked for, in rows. */
const PREFETCH_ROWS = 30;

/**
 * The queue as a windowed list: only the rows in view (and a few around) are in the page, so
 * 10,000 loaded requests cost what 30 do. Rows may wrap on a phone, so each is measured once drawn.
 */
export function QueueList({ rows, selected, onToggle, activeIndex, onActivate, hasMore, loadingMore, loadMore, now }: QueueListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 60,
    overscan: 8,
    getItemKey: (index) => rows[index]?.key ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loadingMore && lastShown >= rows.length - PREFETCH_ROWS) loadMore();
  }, [hasMore, loadingMore, lastShown, rows.length, loadMore]);

  useEffect(() => {
    if (activeIndex >= 0 && activeIndex < rows.length) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, rows.length, virtualizer]);

  return (
    <Paper withBorder radius="md">
      <Box
        ref={scroller}
        role="region"
        aria-label={en.desk.queue.listLabel}
        tabIndex={0}
        style={{ height: 'max(360px, calc(100dvh - 360px))', overflowY: 'auto', contain: 'strict' }}
      >
        <Box component="ul" m={0} p={0} style={{ listStyle: 'none', height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const request = rows[item.index];
            if (!request) return null;
            const active = item.index === activeIndex;
            return (
              <Box
                component="li"
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                aria-setsize={rows.length}
                aria-posinset={item.index + 1}
                data-testid={`queue-row-${request.key}`}
                onClick={() => onActivate(item.index)}
                px="sm"
                py={8}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  transform: `translateY(${item.start}px)`,
                  borderBottom: '1px solid var(--mantine-color-gray-3)',
                  background: active ? 'var(--mantine-color-blue-light)' : undefined,
                  boxShadow: active ? 'inset 3px 0 0 var(--mantine-color-blue-8)' : undefined,
                }}
              >
                <Group gap="sm" wrap="nowrap" align="center">
                  <Checkbox aria-label={en.desk.queue.select(request.key)} checked={selected.has(request.key)} onChange={() => onToggle(request.key)} />
                  <Group gap="xs" style={{ flex: 1, minWidth: 0 }} wrap="wrap" align="center">
                    <Anchor component={Link} to={deskRequestPath(request.key)} fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {request.key}
                    </Anchor>
                    <Text size="sm" style={{ flex: '1 1 220px', minWidth: 0 }} truncate="end" title={request.subject}>
                      {request.subject}
                    </Text>
                    <Group gap={6} wrap="wrap">
                      <DeskStatusBadge status={request.status} />
                      <PriorityBadge priority={request.priority} />
                      <DueBadge dueAt={request.dueAt} warnAt={request.warnAt} now={now} />
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {request.assignee?.name ?? en.desk.queue.unassignedName}
                      </Text>
                    </Group>
                  </Group>
                </Group>
              </Box>
            );
          })}
        </Box>
        {loadingMore && (
          <Group justify="center" py="xs" role="status">
            <Loader size="xs" aria-hidden />
            <Text size="sm" c="dimmed">
              {en.desk.queue.loadingMore}
            </Text>
          </Group>
        )}
      </Box>
    </Paper>
  );
}
