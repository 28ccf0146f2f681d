import { Alert, Paper, Text, Title, Typography } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { deskKnowledge as words } from '../../i18n/en-desk-knowledge.ts';
import { usePreview } from './api/articles.ts';

/**
 * The body as readers will see it, rendered by the server (the same renderer and sanitiser as a
 * save), asked for once typing pauses. The HTML is the server's sanitised output, so it goes into
 * the page as it is; the last preview stays while the next is on its way.
 */
export function MarkdownPreview({ body }: { body: string }) {
  const [settled] = useDebouncedValue(body, 400);
  const empty = settled.trim() === '';
  const preview = usePreview(empty ? '' : settled);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="preview-title" style={{ minHeight: '100%' }}>
      <Title order={2} size="h4" id="preview-title" mb="sm">
        {words.editor.preview}
      </Title>
      {preview.isError && (
        <Alert color="orange" role="status" mb="sm">
          {words.editor.previewFailed}
        </Alert>
      )}
      {empty ? (
        <Text c="dimmed" size="sm">
          {words.editor.previewEmpty}
        </Text>
      ) : (
        <Typography>
          <div data-testid="article-preview" aria-busy={preview.isFetching} dangerouslySetInnerHTML={{ __html: preview.data ?? '' }} />
        </Typography>
      )}
    </Paper>
  );
}
