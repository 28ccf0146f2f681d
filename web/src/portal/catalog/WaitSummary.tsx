import { Skeleton, Stack, Text } from '@mantine/core';
import { useExpectedWait } from '../../api/queries.ts';
import { en } from '../../i18n/en.ts';
import { durationWords, workingDurationWords } from '../../i18n/format.ts';

/** What a service promises and what it really did lately (the median people experienced). */
export function WaitSummary({ slug }: { slug: string }) {
  const wait = useExpectedWait(slug);
  if (wait.isPending) return <Skeleton height={32} />;
  if (wait.isError) return <Text size="sm" c="dimmed">{en.wait.unavailable}</Text>;
  const { committedFirstResponseMinutes: committed, recentMedianFirstResponseMinutes: median, basis, sampleSize } = wait.data;
  return (
    <Stack gap={2}>
      <Text size="sm">{committed === null ? en.wait.noCommitment : en.wait.committed(workingDurationWords(committed))}</Text>
      <Text size="sm" c="dimmed">
        {median === null || basis === 'none' ? en.wait.noHistory : en.wait.median(durationWords(median), sampleSize, basis === 'team')}
      </Text>
    </Stack>
  );
}
