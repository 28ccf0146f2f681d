import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../api/problem.ts';
import { errorMessage } from '../../components/error-message.ts';
import { deskKnowledge as words } from '../../i18n/en-desk-knowledge.ts';
import { ArticleStatusBadge } from './ArticleBadges.tsx';
import { useTransition } from './api/articles.ts';
import type { ArticleView } from './api/types.ts';
import { actionTarget, lifecycleActions, type LifecycleAction } from './lifecycle.ts';

/**
 * The moves this person may make from the article's status. Disabled while the editor holds unsaved
 * changes: a move is made against the version read, and would leave the typing behind.
 */
interface LifecyclePanelProps {
  article: ArticleView;
  unsaved: boolean;
  onConflict: () => void;
  /** After a move: the editor drops its own notes (a "Saved." above would read as about the move). */
  onMoved: () => void;
}

export function LifecyclePanel({ article, unsaved, onConflict, onMoved }: LifecyclePanelProps) {
  const transition = useTransition();
  const [done, setDone] = useState<LifecycleAction | null>(null);
  const actions = lifecycleActions(article.status, article);

  const move = (action: LifecycleAction) => {
    setDone(null);
    transition.mutate(
      { slug: article.slug, version: article.version, to: actionTarget[action] },
      {
        onSuccess: () => {
          setDone(action);
          onMoved();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.status === 412) onConflict();
        },
      },
    );
  };

  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="lifecycle-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5" id="lifecycle-title">
          {words.lifecycle.title}
        </Title>
        <ArticleStatusBadge status={article.status} />
      </Group>
      <Stack gap="xs">
        {done && !transition.isError && (
          <Alert color="green" role="status" p="xs">
            {words.lifecycle.done[done]}
          </Alert>
        )}
        {transition.isError && (
          <Alert color="red" role="alert" p="xs">
            {transition.error instanceof ApiError && transition.error.status === 412 ? words.editor.conflict : errorMessage(transition.error)}
          </Alert>
        )}
        {actions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {words.lifecycle.none}
          </Text>
        ) : (
          <Group gap="xs">
            {actions.map((action) => (
              <Button
                key={action}
                size="xs"
                variant={action === 'publish' || action === 'submit' ? 'filled' : 'default'}
                onClick={() => move(action)}
                disabled={unsaved || transition.isPending}
              >
                {words.lifecycle.actions[action]}
              </Button>
            ))}
          </Group>
        )}
        {unsaved && actions.length > 0 && (
          <Text size="xs" c="dimmed">
            {words.lifecycle.unsaved}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
