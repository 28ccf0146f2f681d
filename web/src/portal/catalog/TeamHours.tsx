import { Badge, Group, Skeleton, Text } from '@mantine/core';
import { useTeamAvailability } from '../../api/queries.ts';
import type { TeamRef } from '../../api/types.ts';
import { en } from '../../i18n/en.ts';
import { timeWords, whenWords } from '../../i18n/format.ts';

/** "IT is working now, until 17:00" or "IT opens tomorrow at 08:00", from the team's calendar. */
export function TeamHours({ team }: { team: TeamRef }) {
  const availability = useTeamAvailability(team.slug);
  if (availability.isPending) return <Skeleton height={18} width={220} />;
  if (availability.isError) return <Text size="sm" c="dimmed">{en.hours.unknown}</Text>;
  const hours = availability.data;
  if (hours === null) return <Text size="sm" c="dimmed">{en.hours.noCalendar(team.name)}</Text>;
  const text = hours.openNow
    ? hours.closesAt
      ? en.hours.openNowUntil(team.name, timeWords(hours.closesAt))
      : en.hours.openNow(team.name)
    : en.hours.opensAt(team.name, whenWords(hours.nextOpenAt));
  return (
    <Group gap="xs">
      <Badge color={hours.openNow ? 'green' : 'gray'} variant="light" aria-hidden>
        {hours.openNow ? '●' : '○'}
      </Badge>
      <Text size="sm">{text}</Text>
    </Group>
  );
}
