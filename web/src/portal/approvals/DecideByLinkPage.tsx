import { Alert, Anchor, Button, Container, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { callApi } from '../../api/client.ts';
import { ApiError, fieldMessages } from '../../api/problem.ts';
import type { Approval } from '../../api/types.ts';
import { errorMessage } from '../../components/error-message.ts';
import { dateTimeWords } from '../../i18n/format.ts';
import { en } from '../../i18n/en.ts';
import { readDecisionLink } from './decision-link.ts';

/**
 * Where an approval mail's one-click link lands, signed in or not: it shows what the link will do
 * and decides only when the person presses the button (POST /approvals/decide-by-link). Opening the
 * page decides nothing, so a mail scanner that fetches every link cannot approve anything.
 */
export function DecideByLinkPage() {
  const location = useLocation();
  const link = readDecisionLink(location.hash);
  const [comment, setComment] = useState('');
  const words = en.notifications.decide;
  const decide = useMutation({
    mutationFn: (token: string) => callApi<Approval>('/approvals/decide-by-link', { method: 'POST', body: { token, comment } }),
  });

  const content = (() => {
    if (!link.ok) {
      return <Alert color="orange">{link.problem === 'expired' ? words.expired : words.badLink}</Alert>;
    }
    if (decide.isSuccess) {
      const { request, status } = decide.data;
      return (
        <Alert color={status === 'approved' ? 'green' : 'gray'} role="status">
          {status === 'approved' ? words.approved(request.key, request.subject) : words.rejected(request.key, request.subject)}
        </Alert>
      );
    }
    const rejecting = link.decision === 'reject';
    const fields = decide.error instanceof ApiError ? fieldMessages(decide.error.problem, 'body.') : {};
    const submit = (event: FormEvent) => {
      event.preventDefault();
      decide.mutate(link.token);
    };
    return (
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {rejecting ? words.rejectTitle : words.approveTitle}
          </Title>
          <Text size="sm">{words.intro}</Text>
          <Text size="sm" c="dimmed">
            {words.expires(dateTimeWords(link.expiresAt.toISOString()))}
          </Text>
          <Textarea
            label={words.comment}
            description={rejecting ? words.commentRequired : undefined}
            required={rejecting}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            error={fields.comment}
            maxLength={2000}
            autosize
            minRows={2}
          />
          {decide.isError && !fields.comment && <Alert color="red">{errorMessage(decide.error)}</Alert>}
          <Button type="submit" color={rejecting ? 'red' : undefined} loading={decide.isPending}>
            {rejecting ? words.reject : words.approve}
          </Button>
        </Stack>
      </form>
    );
  })();

  return (
    <Container size={560} py="xl" component="main">
      <Stack gap="md">
        <Title order={1}>{words.title}</Title>
        <Paper withBorder p="md" radius="md">
          {content}
        </Paper>
        <Anchor component={Link} to="/approvals">
          {words.toApprovals}
        </Anchor>
      </Stack>
    </Container>
  );
}
