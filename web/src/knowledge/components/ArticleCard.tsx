import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { knowledge } from '../../i18n/en-knowledge.ts';
import type { ArticleSummary } from '../api/types.ts';
import { dateWords } from '../dates.ts';

/** One article in a list: its title as the link, its team and last change, and its excerpt. */
export function ArticleCard({ article, showTeam = true }: { article: ArticleSummary; showTeam?: boolean }) {
  return (
    <Stack gap={2}>
      <Anchor component={Link} to={`/kb/${encodeURIComponent(article.slug)}`} fw={600}>
        {article.title}
      </Anchor>
      <Group gap="xs">
        {showTeam && (
          <Text size="xs" c="dimmed">
            {knowledge.article.from(article.teamName)}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {knowledge.article.updated(dateWords(article.updatedAt))}
        </Text>
      </Group>
      {article.excerpt && (
        <Text size="sm" lineClamp={2}>
          {article.excerpt}
        </Text>
      )}
    </Stack>
  );
}
