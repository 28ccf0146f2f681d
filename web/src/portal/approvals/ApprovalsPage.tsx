import { Alert, Badge, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApprovals } from '../../api/queries.ts';
import type { Approval } from '../../api/types.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { DecidedApprovalCard } from './DecidedApprovalCard.tsx';
import { PendingApprovalCard, type DecisionOutcome } from './PendingApprovalCard.tsx';

function outcomeWords(outcome: DecisionOutcome): string {
  if ('alreadyDecided' in outcome) return en.approvals.alreadyDecided;
  return outcome.decision === 'approve' ? en.approvals.approved(outcome.key) : en.approvals.rejected(outcome.key);
}

function WaitingOnMe({ onOutcome }: { onOutcome: (outcome: DecisionOutcome) => void }) {
  const pending = useApprovals('pending');
  if (pending.isPending) return <LoadingState />;
  if (pending.isError) return <ErrorState error={pending.error} onRetry={() => void pending.refetch()} />;
  if (pending.data.length === 0) return <EmptyState>{en.approvals.empty}</EmptyState>;
  return (
    <Stack gap="md">
      {pending.data.map((approval) => (
        <PendingApprovalCard key={approval.id} approval={approval} onOutcome={onOutcome} />
      ))}
    </Stack>
  );
}

const newestDecisionFirst = (a: Approval, b: Approval) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? '');

/** The API lists one status at a time: approved and rejected are read side by side and merged. */
function Decided() {
  const approved = useApprovals('approved');
  const rejected = useApprovals('rejected');
  if (approved.isPending || rejected.isPending) return <LoadingState />;
  if (approved.isError || rejected.isError) {
    const failed = approved.isError ? approved : rejected;
    return <ErrorState error={failed.error} onRetry={() => void Promise.all([approved.refetch(), rejected.refetch()])} />;
  }
  const decided = [...approved.data, ...rejected.data].sort(newestDecisionFirst);
  if (decided.length === 0) return <EmptyState>{en.approvals.decidedEmpty}</EmptyState>;
  return (
    <Stack gap="md">
      {decided.map((approval) => (
        <DecidedApprovalCard key={approval.id} approval={approval} />
      ))}
    </Stack>
  );
}

/** What waits on my decision, and what I decided. The tab is in the address, so it survives a reload. */
export function ApprovalsPage() {
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === 'decided' ? 'decided' : 'waiting';
  const [outcome, setOutcome] = useState<DecisionOutcome | null>(null);
  const pending = useApprovals('pending');

  return (
    <Stack gap="lg" maw={820}>
      <Stack gap={4}>
        <Title order={1}>{en.approvals.title}</Title>
        <Text c="dimmed">{en.approvals.intro}</Text>
      </Stack>
      <div role="status" aria-live="polite">
        {outcome && (
          <Alert color={'alreadyDecided' in outcome ? 'yellow' : 'green'} withCloseButton closeButtonLabel={en.states.dismiss} onClose={() => setOutcome(null)}>
            {outcomeWords(outcome)}
          </Alert>
        )}
      </div>
      <Tabs
        value={tab}
        onChange={(value) => setSearch(value === 'decided' ? { tab: 'decided' } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab
            value="waiting"
            rightSection={pending.data && pending.data.length > 0 ? <Badge size="sm" circle aria-hidden>{pending.data.length}</Badge> : undefined}
          >
            {en.approvals.waitingTab}
          </Tabs.Tab>
          <Tabs.Tab value="decided">{en.approvals.decidedTab}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="waiting" pt="md">
          <WaitingOnMe onOutcome={setOutcome} />
        </Tabs.Panel>
        <Tabs.Panel value="decided" pt="md">
          <Decided />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
