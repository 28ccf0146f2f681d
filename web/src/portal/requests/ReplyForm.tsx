import { Alert, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError, fieldMessages } from '../../api/problem.ts';
import { useReply } from '../../api/queries.ts';
import { errorMessage } from '../../components/error-message.ts';
import { en } from '../../i18n/en.ts';

/**
 * The requester's public reply. The text is cleared only once the API has it, so a failed send
 * (network, a refusal) leaves every word where it was. A request closed meanwhile (a live update)
 * takes no more replies, but a half-written one stays on screen to be copied elsewhere.
 */
export function ReplyForm({ requestKey, closed }: { requestKey: string; closed: boolean }) {
  const [text, setText] = useState('');
  const [sentOnce, setSentOnce] = useState(false);
  const reply = useReply(requestKey);
  const fieldMessage = reply.error instanceof ApiError ? fieldMessages(reply.error.problem, 'body.')['body'] : undefined;

  if (closed && text === '') return <Text c="dimmed">{en.reply.closed}</Text>;

  function submit(event: FormEvent) {
    event.preventDefault();
    setSentOnce(false);
    reply.mutate(text, {
      onSuccess: () => {
        setText('');
        setSentOnce(true);
      },
    });
  }

  return (
    <Stack gap="xs" component="section" aria-labelledby="reply-title">
      <Title order={2} size="h4" id="reply-title">
        {en.reply.title}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {closed && <Text c="dimmed">{en.reply.closed}</Text>}
          {reply.isError && !fieldMessage && !closed && (
            <Alert color="red" role="alert" title={en.reply.failed}>
              <Text size="sm">{errorMessage(reply.error)}</Text>
            </Alert>
          )}
          <Textarea
            label={en.reply.label}
            description={en.reply.hint}
            value={text}
            readOnly={closed}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setSentOnce(false);
            }}
            error={fieldMessage ? en.reply.fieldMessage(fieldMessage) : undefined}
            autosize
            minRows={3}
            maxRows={12}
            maxLength={20_000}
          />
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              {sentOnce ? en.reply.sent : ''}
            </Text>
            <Button type="submit" loading={reply.isPending} disabled={closed}>
              {en.reply.send}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
