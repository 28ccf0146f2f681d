import { Group, Paper, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorState } from '../../components/PageState.tsx';
import { dateTimeWords } from '../../i18n/format.ts';
import { deskKnowledge as words } from '../../i18n/en-desk-knowledge.ts';
import { ArticleStatusBadge } from './ArticleBadges.tsx';
import { useDiff, useVersions } from './api/articles.ts';
import { defaultComparison } from './diff-model.ts';
import { DiffView } from './DiffView.tsx';

/** Every version with who, when and why; any two compared, the last change by default. */
export function VersionHistory({ slug, current }: { slug: string; current: number }) {
  const versions = useVersions(slug);
  const [picked, setPicked] = useState<{ from: number; to: number } | null>(null);
  // Until someone picks, the last edit (following new saves as they come).
  const shown = picked ?? defaultComparison(versions.data ?? []);
  const from = shown?.from ?? null;
  const to = shown?.to ?? current;
  const diff = useDiff(slug, from, to);

  const options = (versions.data ?? []).map((version) => ({ value: String(version.version), label: words.editor.version(version.version) }));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="history-title">
      <Title order={2} size="h4" id="history-title" mb="sm">
        {words.history.title}
      </Title>
      {versions.isPending && <Skeleton height={60} />}
      {versions.isError && <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />}
      {versions.isSuccess && versions.data.length === 0 && <Text c="dimmed">{words.history.empty}</Text>}
      {versions.isSuccess && versions.data.length > 0 && (
        <Stack gap="md">
          <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }} data-testid="versions">
            {versions.data.map((version) => (
              <Group component="li" key={version.version} gap="xs" wrap="wrap">
                <Text size="sm">{words.history.entry(version.version, version.editedBy.name, dateTimeWords(version.editedAt))}</Text>
                <ArticleStatusBadge status={version.status} />
                {version.note && (
                  <Text size="sm" c="dimmed">
                    {`“${version.note}”`}
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
          {versions.data.length > 1 && (
            <Stack gap="xs" component="section" aria-labelledby="compare-title">
              <Title order={3} size="h5" id="compare-title">
                {words.history.compare}
              </Title>
              <Group gap="sm" align="flex-end">
                <Select label={words.history.from} data={options} value={from === null ? null : String(from)} onChange={(value) => value && setPicked({ from: Number(value), to })} allowDeselect={false} w={160} />
                <Select label={words.history.to} data={options} value={String(to)} onChange={(value) => value && setPicked({ from: from ?? Number(value), to: Number(value) })} allowDeselect={false} w={160} />
              </Group>
              {from === to || from === null ? (
                <Text size="sm" c="dimmed">
                  {words.history.pickTwo}
                </Text>
              ) : diff.isError ? (
                <ErrorState error={diff.error} onRetry={() => void diff.refetch()} />
              ) : diff.data ? (
                <DiffView diff={diff.data} />
              ) : (
                <Skeleton height={80} />
              )}
            </Stack>
          )}
        </Stack>
      )}
    </Paper>
  );
}
