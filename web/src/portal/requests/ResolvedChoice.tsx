import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { ApiError } from '../../api/problem.ts';
import { useRequesterStatusChange } from '../../api/queries.ts';
import type { RequestDetail } from '../../api/types.ts';
import { errorMessage } from '../../components/error-message.ts';
import { en } from '../../i18n/en.ts';

/**
 * Shown to the requester. A resolved request asks them whether it is solved: close it, or reopen it (back to in
 * progress). The change names the version on screen, so it cannot undo something the team did since.
 */
export function ResolvedChoice({ request }: { request: RequestDetail }) {
  const change = useRequesterStatusChange(request.key);
  const conflict = change.error instanceof ApiError && change.error.code === 'VERSION_CONFLICT';

  // Kept mounted after the change, to say what happened where the buttons were.
  if (request.status !== 'resolved') {
    if (!change.isSuccess) return null;
    return (
      <Alert color="green" role="status">
        {change.variables.status === 'closed' ? en.resolved.closed : en.resolved.reopened}
      </Alert>
    );
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="resolved-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="resolved-title">
          {en.resolved.title}
        </Title>
        <Text size="sm">{en.resolved.intro}</Text>
        {change.isError && (
          <Alert color={conflict ? 'yellow' : 'red'} role="alert" title={conflict ? undefined : en.resolved.failed}>
            <Text size="sm">{conflict ? en.resolved.conflict : errorMessage(change.error)}</Text>
          </Alert>
        )}
        <Group gap="sm">
          <Button
            loading={change.isPending && change.variables.status === 'closed'}
            disabled={change.isPending}
            onClick={() => change.mutate({ status: 'closed', version: request.version })}
          >
            {en.resolved.close}
          </Button>
          <Button
            variant="default"
            loading={change.isPending && change.variables.status === 'in_progress'}
            disabled={change.isPending}
            onClick={() => change.mutate({ status: 'in_progress', version: request.version })}
          >
            {en.resolved.reopen}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
