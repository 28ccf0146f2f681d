import { Alert, Button, Group, Paper, SegmentedControl, Stack, Textarea } from '@mantine/core';
import { useState, type RefObject } from 'react';
import { errorMessage } from '../../components/error-message.ts';
import { en } from '../../i18n/en.ts';
import { useAddComment } from '../api/desk-queries.ts';

export type ComposerMode = 'public' | 'internal';

interface ComposerProps {
  requestKey: string;
  mode: ComposerMode;
  onModeChange: (mode: ComposerMode) => void;
  textarea: RefObject<HTMLTextAreaElement | null>;
  /** Agents of the request's team write internal notes; anyone else who may reply, replies. */
  canNote: boolean;
}

/**
 * One box for both: a reply the requester reads, or a note only the team reads. The switch sits
 * above the box and the box turns yellow for a note, so nobody sends a note to the requester by
 * mistake. The text stays until the API has it.
 */
export function Composer({ requestKey, mode, onModeChange, textarea, canNote }: ComposerProps) {
  const [body, setBody] = useState('');
  const [emptyTried, setEmptyTried] = useState(false);
  const comment = useAddComment();
  const words = en.desk.composer;
  const internal = mode === 'internal';

  const send = () => {
    if (body.trim() === '') {
      setEmptyTried(true);
      return;
    }
    comment.mutate(
      { key: requestKey, body, visibility: mode },
      {
        onSuccess: () => {
          setBody('');
          setEmptyTried(false);
        },
      },
    );
  };

  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="section"
      aria-label={words.label}
      bg={internal ? 'var(--mantine-color-yellow-0)' : undefined}
      style={internal ? { borderColor: 'var(--mantine-color-yellow-6)' } : undefined}
    >
      <Stack gap="xs">
        {canNote && (
          <SegmentedControl
            aria-label={words.mode}
            value={mode}
            onChange={(value) => onModeChange(value === 'internal' ? 'internal' : 'public')}
            data={[
              { value: 'public', label: words.reply },
              { value: 'internal', label: words.note },
            ]}
            w={{ base: '100%', xs: 'auto' }}
          />
        )}
        <Textarea
          ref={textarea}
          label={internal ? words.note : words.reply}
          description={internal ? words.notePlaceholder : words.replyPlaceholder}
          value={body}
          onChange={(event) => {
            setBody(event.currentTarget.value);
            if (emptyTried) setEmptyTried(false);
          }}
          onKeyDown={(event) => {
            // Ctrl/Cmd+Enter sends, as in most desks; a plain Enter is a new line.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) send();
          }}
          error={emptyTried ? words.empty : undefined}
          autosize
          minRows={3}
          maxRows={12}
        />
        {comment.isError && (
          <Alert color="red" role="alert" title={words.failed}>
            {errorMessage(comment.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button onClick={send} loading={comment.isPending}>
            {internal ? words.sendNote : words.sendReply}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
