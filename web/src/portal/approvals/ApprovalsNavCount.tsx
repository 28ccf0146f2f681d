import { Badge, VisuallyHidden } from '@mantine/core';
import { useApprovals } from '../../api/queries.ts';
import { en } from '../../i18n/en.ts';

/** The number of approvals waiting on me, beside the nav link; nothing when none wait. */
export function ApprovalsNavCount() {
  const pending = useApprovals('pending');
  const count = pending.data?.length ?? 0;
  if (count === 0) return null;
  return (
    <>
      <Badge size="sm" circle color="red.9" aria-hidden>
        {count}
      </Badge>
      {/* The link reads "Approvals, 2 approvals waiting on you" rather than a bare number. */}
      <VisuallyHidden>{en.nav.approvalsWaiting(count)}</VisuallyHidden>
    </>
  );
}
