import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import type { Approval } from '../../api/types.ts';
import { en } from '../../i18n/en.ts';
import { dateTimeWords } from '../../i18n/format.ts';
import { ApprovalRequestFacts } from './ApprovalRequestFacts.tsx';

/** An approval I decided: what, my decision, when, and what I wrote. */
export function DecidedApprovalCard({ approval }: { approval: Approval }) {
  const headingId = useId();
  const approved = approval.status === 'approved';
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <ApprovalRequestFacts approval={approval} headingId={headingId} />
          <Badge color={approved ? 'green' : 'red'} variant="light" tt="none" style={{ flexShrink: 0 }}>
            {approved ? en.approvals.statusApproved : en.approvals.statusRejected}
          </Badge>
        </Group>
        {approval.decidedAt && (
          <Text size="sm" c="dimmed">
            {en.approvals.decidedOn(approval.decidedBy?.name ?? en.events.someone, dateTimeWords(approval.decidedAt))}
          </Text>
        )}
        {approval.comment && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {en.approvals.theirComment}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {approval.comment}
            </Text>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
