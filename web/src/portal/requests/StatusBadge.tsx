import { Badge } from '@mantine/core';
import type { RequestStatus } from '../../api/types.ts';
import { en } from '../../i18n/en.ts';

const colors: Record<RequestStatus, string> = {
  pending_approval: 'yellow',
  new: 'blue',
  acknowledged: 'blue',
  in_progress: 'indigo',
  waiting_on_requester: 'orange',
  resolved: 'green',
  closed: 'gray',
};

export function StatusBadge({ status }: { status: RequestStatus }) {
  return (
    <Badge color={colors[status]} variant="light" tt="none">
      {en.statuses[status]}
    </Badge>
  );
}
