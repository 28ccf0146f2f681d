import { Skeleton, Stack, Text } from '@mantine/core';
import { usePerson } from '../api/queries.ts';
import type { DisplayedAnswer } from '../api/types.ts';
import { AttachmentLink } from '../attachments/AttachmentLink.tsx';

function PersonName({ id }: { id: string }) {
  const person = usePerson(id);
  if (person.isPending) return <Skeleton height={16} width={160} />;
  // Someone since removed from the directory still shows as what was stored.
  return <>{person.data ? `${person.data.name} (${person.data.email})` : id}</>;
}

/** A form's answers as a description list; person and file answers carry an id, named from the directory or the file. */
export function AnswerList({ answers }: { answers: DisplayedAnswer[] }) {
  return (
    <Stack gap="xs" component="dl" m={0}>
      {answers.map((answer) => (
        <div key={answer.name}>
          <Text component="dt" size="sm" c="dimmed">
            {answer.label}
          </Text>
          <Text component="dd" m={0} style={{ whiteSpace: 'pre-wrap' }}>
            {answer.type === 'person' ? <PersonName id={answer.text} /> : answer.type === 'file' ? <AttachmentLink id={answer.text} /> : answer.text}
          </Text>
        </div>
      ))}
    </Stack>
  );
}
