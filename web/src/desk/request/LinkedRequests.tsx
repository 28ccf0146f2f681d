import { Anchor, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { useWorkflow } from '../api/desk-queries.ts';
import { DeskStatusBadge } from '../DeskBadges.tsx';
import { deskRequestPath } from '../desk-paths.ts';

/** The workflow this request belongs to (its parent) and the requests it opened (its steps). */
export function LinkedRequests({ requestKey, parent }: { requestKey: string; parent: { key: string; subject: string } | null }) {
  const workflow = useWorkflow(requestKey);
  const words = en.desk.links;
  if (workflow.isPending) return <Skeleton height={48} />;
  if (workflow.isError) return <ErrorState error={workflow.error} onRetry={() => void workflow.refetch()} />;
  const steps = workflow.data.steps;
  if (!parent && steps.length === 0) return null;
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="links-title">
      <Title order={2} size="h5" id="links-title" mb="xs">
        {words.title}
      </Title>
      <Stack gap="xs">
        {parent && (
          <Text size="sm">
            {`${words.parent}: `}
            <Anchor component={Link} to={deskRequestPath(parent.key)}>
              {`${parent.key} ${parent.subject}`}
            </Anchor>
          </Text>
        )}
        {steps.length > 0 && (
          <>
            <Text size="sm" fw={600}>
              {`${words.children} · ${words.progress(workflow.data.done, workflow.data.total)}`}
            </Text>
            {steps.map((step) => (
              <Stack key={step.step} gap={0}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm">
                    {step.request ? (
                      <Anchor component={Link} to={deskRequestPath(step.request.key)}>
                        {step.request.key}
                      </Anchor>
                    ) : step.hidden ? (
                      words.hidden
                    ) : (
                      words.waiting
                    )}
                    {` · ${step.name} · ${step.team.name}`}
                  </Text>
                  {step.status && <DeskStatusBadge status={step.status} />}
                </Group>
                {step.waitingFor.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {words.waitingFor(step.waitingFor.join(', '))}
                  </Text>
                )}
              </Stack>
            ))}
          </>
        )}
      </Stack>
    </Paper>
  );
}
