import { Badge } from '@mantine/core';
import { knowledge } from '../../i18n/en-knowledge.ts';
import type { HitType } from '../api/types.ts';

const colours: Record<HitType, string> = { article: 'blue', service: 'teal', team: 'grape', holiday: 'orange' };

/** What kind of thing a search result is, in words and a colour (the words alone carry it for screen readers). */
export function HitTypeBadge({ type }: { type: HitType }) {
  return (
    <Badge variant="light" color={colours[type]} radius="sm">
      {knowledge.search.badges[type]}
    </Badge>
  );
}
