import { Checkbox, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { ErrorState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { dateTimeWords } from '../../i18n/format.ts';
import { useSteps, useTickStep } from '../api/desk-queries.ts';

/** The service's procedure for this request, ticked off step by step by the team's agents (the only ones shown it). */
export function Checklist({ requestKey }: { requestKey: string }) {
  const steps = useSteps(requestKey);
  const tick = useTickStep();
  const words = en.desk.steps;
  if (steps.isPending) return <Skeleton height={64} />;
  if (steps.isError) return <ErrorState error={steps.error} onRetry={() => void steps.refetch()} />;
  if (steps.data.length === 0) return null;
  const done = steps.data.filter((step) => step.done).length;
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="steps-title">
      <Title order={2} size="h5" id="steps-title">
        {words.title}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {words.progress(done, steps.data.length)}
      </Text>
      {tick.isError && <ErrorState error={tick.error} />}
      <Stack gap="xs">
        {steps.data.map((step) => (
          <Checkbox
            key={step.position}
            checked={step.done}
            disabled={tick.isPending}
            onChange={(event) => tick.mutate({ key: requestKey, position: step.position, done: event.currentTarget.checked })}
            label={step.title}
            description={
              step.done && step.doneBy && step.doneAt ? words.doneBy(step.doneBy.name, dateTimeWords(step.doneAt)) : step.description || undefined
            }
          />
        ))}
      </Stack>
    </Paper>
  );
}
