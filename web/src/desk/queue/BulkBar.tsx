import { Alert, Button, Group, List, Menu, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { useMe } from '../../api/queries.ts';
import type { Priority, RequestStatus } from '../../api/types.ts';
import { ErrorState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { useBulkChange } from '../api/desk-queries.ts';
import type { BulkChange, TeamMember } from '../api/types.ts';
import { bulkOutcome, type BulkOutcome } from './bulk-outcome.ts';
import { allPriorities, allStatuses } from './queue-filters.ts';

/** The API changes at most this many requests in one call. */
export const BULK_LIMIT = 100;

interface BulkBarProps {
  selected: string[];
  members: TeamMember[];
  /** The keys that changed leave the selection; the ones that failed stay, to look at again. */
  onChanged: (changed: string[]) => void;
  onClear: () => void;
}

/** What to do with the selected requests, and which of them could not be changed and why. */
export function BulkBar({ selected, members, onChanged, onClear }: BulkBarProps) {
  const me = useMe();
  const bulk = useBulkChange();
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const [truncated, setTruncated] = useState(false);

  const apply = (change: BulkChange) => {
    const keys = selected.slice(0, BULK_LIMIT);
    setTruncated(selected.length > BULK_LIMIT);
    setOutcome(null);
    bulk.mutate(
      { keys, change },
      {
        onSuccess: ({ results }) => {
          const result = bulkOutcome(results);
          setOutcome(result);
          onChanged(result.changed);
        },
      },
    );
  };

  return (
    <>
      {selected.length > 0 && (
        <Paper withBorder p="xs" radius="md" component="section" aria-label={en.desk.bulk.label}>
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={600} aria-live="polite">
              {en.desk.bulk.selected(selected.length)}
            </Text>
            <Button size="xs" loading={bulk.isPending} disabled={!me.data} onClick={() => me.data && apply({ assigneeId: me.data.id })}>
              {en.desk.bulk.assignToMe}
            </Button>
            <Menu position="bottom-start" withinPortal>
              <Menu.Target>
                <Button size="xs" variant="default" disabled={bulk.isPending}>
                  {en.desk.bulk.assignTo}
                </Button>
              </Menu.Target>
              <Menu.Dropdown mah={320} style={{ overflowY: 'auto' }}>
                <Menu.Item onClick={() => apply({ assigneeId: null })}>{en.desk.bulk.unassign}</Menu.Item>
                <Menu.Divider />
                {members.map((member) => (
                  <Menu.Item key={member.person.id} onClick={() => apply({ assigneeId: member.person.id })}>
                    {member.person.name}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            <Menu position="bottom-start" withinPortal>
              <Menu.Target>
                <Button size="xs" variant="default" disabled={bulk.isPending}>
                  {en.desk.bulk.status}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {allStatuses
                  .filter((status): status is Exclude<RequestStatus, 'pending_approval' | 'new'> => status !== 'pending_approval' && status !== 'new')
                  .map((status) => (
                    <Menu.Item key={status} onClick={() => apply({ status })}>
                      {en.desk.statuses[status]}
                    </Menu.Item>
                  ))}
              </Menu.Dropdown>
            </Menu>
            <Menu position="bottom-start" withinPortal>
              <Menu.Target>
                <Button size="xs" variant="default" disabled={bulk.isPending}>
                  {en.desk.bulk.priority}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {allPriorities.map((priority: Priority) => (
                  <Menu.Item key={priority} onClick={() => apply({ priority })}>
                    {en.desk.priorities[priority]}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            <Button size="xs" variant="subtle" onClick={onClear}>
              {en.desk.bulk.clear}
            </Button>
          </Group>
        </Paper>
      )}
      {bulk.isError && <ErrorState error={bulk.error} />}
      {outcome && (
        <Alert
          color={outcome.failed.length > 0 ? 'orange' : 'green'}
          role="status"
          withCloseButton
          closeButtonLabel={en.desk.bulk.dismiss}
          onClose={() => setOutcome(null)}
          title={outcome.failed.length > 0 ? en.desk.bulk.failedTitle(outcome.failed.length) : en.desk.bulk.changed(outcome.changed.length)}
        >
          {outcome.failed.length > 0 && (
            <>
              {outcome.changed.length > 0 && <Text size="sm">{en.desk.bulk.changed(outcome.changed.length)}</Text>}
              <List size="sm" data-testid="bulk-failures">
                {outcome.failed.map((failure) => (
                  <List.Item key={failure.key}>{`${failure.key}: ${failure.reason}`}</List.Item>
                ))}
              </List>
            </>
          )}
          {truncated && <Text size="sm">{en.desk.bulk.tooMany(BULK_LIMIT)}</Text>}
        </Alert>
      )}
    </>
  );
}
