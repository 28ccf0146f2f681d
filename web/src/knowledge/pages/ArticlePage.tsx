import { Alert, Anchor, Badge, Breadcrumbs, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ErrorState, LoadingState } from '../../components/PageState.tsx';
import { knowledge } from '../../i18n/en-knowledge.ts';
import { useArticle } from '../api/queries.ts';
import type { ArticleView } from '../api/types.ts';
import { ArticleBody } from '../components/ArticleBody.tsx';
import { HelpfulVote } from '../components/HelpfulVote.tsx';
import { dateWords } from '../dates.ts';
import { useRecordViewOnce } from '../useRecordViewOnce.ts';

const words = knowledge.article;

/** Who wrote it and when, and its tags: the lines above and below an article's text. */
export function ArticleFacts({ article }: { article: ArticleView }) {
  return (
    <Group gap="md">
      <Text size="sm" c="dimmed">
        {words.from(article.teamName)}
      </Text>
      <Text size="sm" c="dimmed">
        {words.updated(dateWords(article.updatedAt))}
      </Text>
      {article.category && (
        <Badge variant="outline" color="gray" radius="sm">
          {article.category}
        </Badge>
      )}
    </Group>
  );
}

export function ArticleTags({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <Group gap="xs" aria-label={words.tags} role="list">
      {tags.map((tag) => (
        <Badge key={tag} role="listitem" variant="light" color="gray" radius="sm" tt="none">
          {tag}
        </Badge>
      ))}
    </Group>
  );
}

/** One help article: its text, who keeps it, and "was this helpful?". Each opening counts a view. */
export function ArticlePage() {
  const { slug = '' } = useParams();
  const article = useArticle(slug);
  useRecordViewOnce(slug, article.isSuccess);

  return (
    <Stack gap="lg" maw={820}>
      <Breadcrumbs>
        <Anchor component={Link} to="/kb">
          {words.back}
        </Anchor>
        <Text>{article.data?.title ?? slug}</Text>
      </Breadcrumbs>
      {article.isPending && <LoadingState />}
      {article.isError && <ErrorState error={article.error} onRetry={() => void article.refetch()} />}
      {article.isSuccess && (
        <>
          <Stack gap="xs">
            <Title order={1}>{article.data.title}</Title>
            <ArticleFacts article={article.data} />
          </Stack>
          {article.data.stale && (
            <Alert color="yellow" variant="light">
              {words.stale}
            </Alert>
          )}
          <ArticleBody html={article.data.bodyHtml} />
          <ArticleTags tags={article.data.tags} />
          <Divider />
          <HelpfulVote key={article.data.id} article={article.data} />
          <Anchor component={Link} to={`/teams/${encodeURIComponent(article.data.teamId)}`} size="sm">
            {words.stillStuck(article.data.teamName)}
          </Anchor>
        </>
      )}
    </Stack>
  );
}
