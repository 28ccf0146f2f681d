import { Skeleton, Stack, Title } from '@mantine/core';
import { useRequestAnswers } from '../../api/queries.ts';
import { AnswerList } from '../../components/AnswerList.tsx';
import { ErrorState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';

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
      <AnswerList answers={answers.data.answers} />
    </Stack>
  );
}
