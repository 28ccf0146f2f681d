import { Alert, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useId, useRef, useState } from 'react';
import { ApiError, fieldMessages } from '../../api/problem.ts';
import { useDecideApproval } from '../../api/queries.ts';
import type { Approval } from '../../api/types.ts';
import { errorMessage } from '../../components/error-message.ts';
import { en } from '../../i18n/en.ts';
import { ApprovalRequestFacts } from './ApprovalRequestFacts.tsx';

export type DecisionOutcome = { key: string; decision: 'approve' | 'reject' } | { key: string; alreadyDecided: true };

function whyYou(approval: Approval): string {
  if (approval.rule === 'team_lead') return en.approvals.whyYou.team_lead(approval.approverTeam?.name ?? approval.request.team.name);
  return en.approvals.whyYou[approval.rule];
}

/**
 * One approval waiting on me: approve, or reject with a comment the requester reads. The comment
 * stays typed whatever goes wrong; only a decision the API recorded removes the card.
 */
export function PendingApprovalCard({ approval, onOutcome }: { approval: Approval; onOutcome: (outcome: DecisionOutcome) => void }) {
  const headingId = useId();
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const [comment, setComment] = useState('');
  const [missingComment, setMissingComment] = useState(false);
  const decide = useDecideApproval();
  const apiFieldMessage = decide.error instanceof ApiError ? fieldMessages(decide.error.problem, 'body.')['comment'] : undefined;
  const alreadyDecided = decide.error instanceof ApiError && decide.error.code === 'APPROVAL_ALREADY_DECIDED';
  const commentError = missingComment ? en.approvals.rejectNeedsComment : apiFieldMessage && en.reply.fieldMessage(apiFieldMessage);

  function send(decision: 'approve' | 'reject') {
    if (decision === 'reject' && comment.trim() === '') {
      setMissingComment(true);
      commentRef.current?.focus();
      return;
    }
    decide.mutate(
      { approval, decision, comment: comment.trim() },
      {
        onSuccess: () => onOutcome({ key: approval.request.key, decision }),
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'APPROVAL_ALREADY_DECIDED') onOutcome({ key: approval.request.key, alreadyDecided: true });
        },
      },
    );
  }

  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <ApprovalRequestFacts approval={approval} headingId={headingId} />
        <Text size="sm" c="dimmed">
          {whyYou(approval)}
        </Text>
        {decide.isError && !commentError && !alreadyDecided && (
          <Alert color="red" role="alert" title={en.approvals.failed}>
            <Text size="sm">{errorMessage(decide.error)}</Text>
          </Alert>
        )}
        <Textarea
          ref={commentRef}
          label={en.approvals.comment}
          description={en.approvals.commentHint}
          value={comment}
          onChange={(event) => {
            setComment(event.currentTarget.value);
            if (event.currentTarget.value.trim() !== '') setMissingComment(false);
          }}
          error={commentError || undefined}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <Group gap="sm">
          <Button
            loading={decide.isPending && decide.variables.decision === 'approve'}
            disabled={decide.isPending}
            onClick={() => send('approve')}
          >
            {en.approvals.approve}
          </Button>
          <Button
            color="red"
            variant="outline"
            loading={decide.isPending && decide.variables.decision === 'reject'}
            disabled={decide.isPending}
            onClick={() => send('reject')}
          >
            {en.approvals.reject}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
