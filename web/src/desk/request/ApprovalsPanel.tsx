import { Badge, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { ErrorState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { dateTimeWords } from '../../i18n/format.ts';
import { useApprovals } from '../api/desk-queries.ts';

const colors = { pending: 'yellow', approved: 'green', rejected: 'red' } as const;

/** Who must approve the request, and what they decided. Shown only when the request has approvals. */
export function ApprovalsPanel({ requestKey }: { requestKey: string }) {
  const approvals = useApprovals(requestKey);
  const words = en.desk.approvals;
  if (approvals.isPending) return <Skeleton height={48} />;
  if (approvals.isError) return <ErrorState error={approvals.error} onRetry={() => void approvals.refetch()} />;
  if (approvals.data.length === 0) return null;
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="approvals-title">
      <Title order={2} size="h5" id="approvals-title" mb="xs">
        {words.title}
      </Title>
      <Stack gap="xs">
        {approvals.data.map((approval) => (
          <Stack key={approval.id} gap={2}>
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">{approval.approver ? words.approver(approval.approver.name) : words.rules[approval.rule]}</Text>
              <Badge color={colors[approval.status]} variant="light" tt="none">
                {words.status[approval.status]}
              </Badge>
            </Group>
            {approval.decidedBy && approval.decidedAt && (
              <Text size="xs" c="dimmed">
                {words.by(approval.decidedBy.name, dateTimeWords(approval.decidedAt))}
              </Text>
            )}
            {approval.comment && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {approval.comment}
              </Text>
            )}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
