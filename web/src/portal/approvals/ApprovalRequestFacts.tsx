import { Stack, Text, Title } from '@mantine/core';
import type { Approval } from '../../api/types.ts';
import { en } from '../../i18n/en.ts';
import { dateTimeWords } from '../../i18n/format.ts';
import { AnswerList } from '../../components/AnswerList.tsx';

/** What an approver decides on: the request, who asks and when, and (while theirs to decide) the answers. */
export function ApprovalRequestFacts({ approval, headingId }: { approval: Approval; headingId: string }) {
  const { request } = approval;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4" id={headingId}>
        {`${request.key}: ${request.subject}`}
      </Title>
      <Text size="sm">{en.approvals.askedBy(request.requester.name, dateTimeWords(approval.createdAt))}</Text>
      <Text size="sm" c="dimmed">
        {en.approvals.forTeam(request.team.name)}
      </Text>
      {request.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{request.description}</Text>}
      {request.answers && request.answers.length > 0 && (
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {en.approvals.answers}
          </Text>
          <AnswerList answers={request.answers} />
        </Stack>
      )}
    </Stack>
  );
}
