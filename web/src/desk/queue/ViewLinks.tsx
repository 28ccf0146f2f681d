import { Badge, Button, Group } from '@mantine/core';
import { Link } from 'react-router';
import { en } from '../../i18n/en.ts';
import type { QueueCounts } from '../api/types.ts';
import { queueViews, type QueueView } from './queue-filters.ts';

const countOf: Record<QueueView, (counts: QueueCounts) => number> = {
  open: (counts) => counts.open,
  mine: (counts) => counts.mine,
  unassigned: (counts) => counts.unassigned,
  breaching: (counts) => counts.breachingSoon,
  waiting: (counts) => counts.waitingOnRequester,
};

/** The personal and team views as links (one click each), each with how many requests it holds. */
export function ViewLinks({ current, hrefOf, counts }: { current: QueueView; hrefOf: (view: QueueView) => string; counts: QueueCounts | undefined }) {
  return (
    <Group gap={6} component="nav" aria-label={en.desk.queue.viewsLabel} wrap="wrap">
      {queueViews.map((view) => {
        const active = view === current;
        return (
          <Button
            key={view}
            component={Link}
            to={hrefOf(view)}
            size="xs"
            variant={active ? 'light' : 'default'}
            aria-current={active ? 'page' : undefined}
            rightSection={
              counts ? (
                <Badge size="sm" variant={view === 'breaching' && counts.breachingSoon > 0 ? 'light' : 'default'} color={view === 'breaching' ? 'orange' : 'gray'} tt="none">
                  {countOf[view](counts)}
                </Badge>
              ) : undefined
            }
          >
            {en.desk.queue.views[view]}
          </Button>
        );
      })}
    </Group>
  );
}
