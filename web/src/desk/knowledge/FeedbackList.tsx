import { Badge, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { ErrorState } from '../../components/PageState.tsx';
import { dateTimeWords } from '../../i18n/format.ts';
import { deskKnowledge as words } from '../../i18n/en-desk-knowledge.ts';
import { useFeedback } from './api/articles.ts';

/** What readers said, without who said it (the API leaves names out on purpose). */
export function FeedbackList({ slug, stats }: { slug: string; stats: { helpful: number; notHelpful: number } }) {
  const feedback = useFeedback(slug);
  const comments = (feedback.data ?? []).filter((item) => item.comment);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="feedback-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="feedback-title">
          {words.feedback.title}
        </Title>
        <Group gap={6}>
          <Badge variant="light" color="green" tt="none">{`${words.feedback.helpful}: ${stats.helpful}`}</Badge>
          <Badge variant="light" color="red" tt="none">{`${words.feedback.notHelpful}: ${stats.notHelpful}`}</Badge>
        </Group>
      </Group>
      {feedback.isPending && <Skeleton height={40} />}
      {feedback.isError && <ErrorState error={feedback.error} onRetry={() => void feedback.refetch()} />}
      {feedback.isSuccess && comments.length === 0 && <Text c="dimmed">{words.feedback.empty}</Text>}
      {comments.length > 0 && (
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
          {comments.map((item, index) => (
            <Stack component="li" key={index} gap={2}>
              <Group gap="xs">
                <Badge variant={item.helpful ? 'light' : 'default'} color={item.helpful ? 'green' : 'gray'} tt="none">
                  {item.helpful ? words.feedback.helpful : words.feedback.notHelpful}
                </Badge>
                <Text size="xs" c="dimmed">
                  {dateTimeWords(item.updatedAt)}
                </Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {item.comment}
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
