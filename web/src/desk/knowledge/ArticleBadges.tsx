import { Badge } from '@mantine/core';
import { deskKnowledge as words } from '../../i18n/en-desk-knowledge.ts';
import type { ArticleStatus } from './api/types.ts';

// Light and default variants only, as DeskBadges: their text keeps 4.5:1 contrast (theme.ts).
const statusColors: Record<ArticleStatus, string> = { draft: 'gray', in_review: 'yellow', published: 'green', archived: 'gray' };

export function ArticleStatusBadge({ status }: { status: ArticleStatus }) {
  return (
    <Badge color={statusColors[status]} variant={status === 'draft' || status === 'archived' ? 'default' : 'light'} tt="none">
      {words.statuses[status]}
    </Badge>
  );
}

export function StaleBadge() {
  return (
    <Badge color="orange" variant="light" tt="none">
      {words.list.stale}
    </Badge>
  );
}
