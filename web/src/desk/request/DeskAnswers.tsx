import { Skeleton, Stack, Text, Title } from '@mantine/core';
import { usePerson, useRequestAnswers } from '../../api/queries.ts';
import { ErrorState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';

function PersonName({ id }: { id: string }) {
  const person = usePerson(id);
  if (person.isPending) return <Skeleton height={16} width={160} />;
  return <>{person.data ? `${person.data.name} (${person.data.email})` : id}</>;
}

/** The requester's answers on the service's form, as filed. */
export function DeskAnswers({ requestKey }: { requestKey: string }) {
  const answers = useRequestAnswers(requestKey);
  if (answers.isPending) return <Skeleton height={48} />;
  if (answers.isError) return <ErrorState error={answers.error} onRetry={() => void answers.refetch()} />;
  if (answers.data.answers.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="answers-title">
      <Title order={2} size="h4" id="answers-title">
        {en.desk.request.answers}
      </Title>
      <Stack gap={6} component="dl" m={0}>
        {answers.data.answers.map((answer) => (
          <div key={answer.name}>
            <Text component="dt" size="xs" c="dimmed">
              {answer.label}
            </Text>
            <Text component="dd" m={0} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {answer.type === 'person' ? <PersonName id={answer.text} /> : answer.text}
            </Text>
          </div>
        ))}
      </Stack>
    </Stack>
  );
}
