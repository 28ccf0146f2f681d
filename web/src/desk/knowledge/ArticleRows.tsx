import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { dateTimeWords } from '../../i18n/format.ts';
import { deskKnowledge as words } from '../../i18n/en-desk-knowledge.ts';
import { ArticleStatusBadge, StaleBadge } from './ArticleBadges.tsx';
import type { ArticleSummary } from './api/types.ts';
import { articleEditorPath } from './knowledge-paths.ts';

/** Articles as a list: the title opens the editor; status, staleness, owner and how readers found it beside. */
export function ArticleRows({ articles, label }: { articles: ArticleSummary[]; label: string }) {
  return (
    <Paper withBorder radius="md" component="ul" aria-label={label} m={0} p={0} style={{ listStyle: 'none' }}>
      {articles.map((article, index) => (
        <Stack
          key={article.id}
          component="li"
          gap={4}
          p="sm"
          data-testid={`article-row-${article.slug}`}
          style={index > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
        >
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Anchor component={Link} to={articleEditorPath(article.slug)} fw={600}>
              {article.title}
            </Anchor>
            <Group gap={6}>
              {article.stale && <StaleBadge />}
              <ArticleStatusBadge status={article.status} />
            </Group>
          </Group>
          {article.excerpt && (
            <Text size="sm" lineClamp={2}>
              {article.excerpt}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {[
              article.category,
              article.tags.length > 0 ? article.tags.map((tag) => `#${tag}`).join(' ') : null,
              words.list.owner(article.owner.name),
              article.reviewBy ? words.list.reviewBy(article.reviewBy) : null,
              words.list.updated(dateTimeWords(article.updatedAt)),
              article.status === 'published' ? words.list.stats(article.stats.views, article.stats.helpful, article.stats.notHelpful) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
      ))}
    </Paper>
  );
}
