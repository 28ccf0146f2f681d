import { Alert, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError, fieldMessages } from '../../api/problem.ts';
import { errorMessage } from '../../components/error-message.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { useAgreements, useDecideAgreement, useProposeAgreement } from '../api/sla.ts';
import type { Agreement, Team, TargetsByPriority } from '../api/types.ts';
import { minutesShort, targetsDraft, targetsFromDraft, targetMetrics } from './targets-draft.ts';
import { TargetsGrid } from './TargetsGrid.tsx';
import { SaveFailedAlert } from '../components/SaveFailedAlert.tsx';

const words = en.admin.sla;
const shown = (message: string | undefined) => message && en.form.fieldMessage(message);
const statusColor = { proposed: 'yellow', in_force: 'green', withdrawn: 'gray' } as const;

export function targetsLine(targets: TargetsByPriority): string {
  const parts = Object.entries(targets).flatMap(([priority, row]) =>
    targetMetrics.filter((metric) => row?.[metric] !== undefined).map((metric) => `${en.admin.priorities[priority as keyof typeof en.admin.priorities]} · ${words.metricNames[metric]}: ${minutesShort(row![metric]!)}`),
  );
  return parts.length > 0 ? parts.join('; ') : words.noTargets;
}

function AgreementCard({ agreement }: { agreement: Agreement }) {
  const decide = useDecideAgreement();
  return (
    <Card withBorder radius="md">
      <Stack gap={6}>
        <Group justify="space-between">
          <Title order={3} size="h5">
            {agreement.name}
          </Title>
          <Badge variant="light" color={statusColor[agreement.status]}>
            {words.statuses[agreement.status]}
          </Badge>
        </Group>
        <Text size="sm">{words.between(agreement.providerTeam.name, agreement.consumerTeam.name)}</Text>
        <Text size="sm" c="dimmed">
          {targetsLine(agreement.targets)}
        </Text>
        <Text size="xs" c="dimmed">
          {words.accepted(agreement.providerTeam.name, agreement.providerAcceptedAt !== null)} · {words.accepted(agreement.consumerTeam.name, agreement.consumerAcceptedAt !== null)}
          {agreement.startsOn || agreement.endsOn ? ` · ${agreement.startsOn ?? '…'} – ${agreement.endsOn ?? '…'}` : ''}
        </Text>
        {decide.isError && (
          <Text size="sm" c="red" role="alert">
            {decide.error instanceof ApiError && decide.error.status === 403 ? en.admin.forbidden : errorMessage(decide.error)}
          </Text>
        )}
        {agreement.status !== 'withdrawn' && (
          <Group gap="xs">
            {agreement.status === 'proposed' && (
              <Button size="xs" loading={decide.isPending && decide.variables?.action === 'accept'} onClick={() => decide.mutate({ id: agreement.id, action: 'accept' })}>
                {words.accept}
              </Button>
            )}
            <Button size="xs" variant="default" loading={decide.isPending && decide.variables?.action === 'withdraw'} onClick={() => decide.mutate({ id: agreement.id, action: 'withdraw' })}>
              {words.withdraw}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function ProposeForm({ teams }: { teams: Team[] }) {
  const propose = useProposeAgreement();
  const [name, setName] = useState('');
  const [provider, setProvider] = useState<string | null>(null);
  const [consumer, setConsumer] = useState<string | null>(null);
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [targets, setTargets] = useState(() => targetsDraft(undefined));
  const messages = propose.error instanceof ApiError ? fieldMessages(propose.error.problem, 'body.') : {};
  const teamData = teams.map((team) => ({ value: team.slug, label: team.name }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    propose.mutate({
      name,
      providerTeam: provider ?? '',
      consumerTeam: consumer ?? '',
      targets: targetsFromDraft(targets),
      startsOn: startsOn.trim() || null,
      endsOn: endsOn.trim() || null,
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {words.propose}
        </Title>
        <SaveFailedAlert error={propose.error} fieldMessages={messages} />
        {propose.isSuccess && (
          <Alert color="green" role="status">
            {words.proposed}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={words.name} required value={name} error={shown(messages.name)} onChange={(event) => setName(event.currentTarget.value)} />
          <Select label={words.provider} required data={teamData} value={provider} error={shown(messages.providerTeam)} onChange={setProvider} />
          <Select label={words.consumer} required data={teamData} value={consumer} error={shown(messages.consumerTeam)} onChange={setConsumer} />
          <TextInput label={words.startsOn} description={words.dateHelp} value={startsOn} error={shown(messages.startsOn)} onChange={(event) => setStartsOn(event.currentTarget.value)} />
          <TextInput label={words.endsOn} description={words.dateHelp} value={endsOn} error={shown(messages.endsOn)} onChange={(event) => setEndsOn(event.currentTarget.value)} />
        </SimpleGrid>
        <TargetsGrid draft={targets} onChange={setTargets} error={messages.targets} />
        <Group>
          <Button type="submit" loading={propose.isPending}>
            {words.proposeSubmit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Internal agreements: each with its state and the actions the caller's side may take; a proposal form below. */
export function AgreementsPanel({ teams }: { teams: Team[] }) {
  const agreements = useAgreements();
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {words.agreementsIntro}
      </Text>
      {agreements.isPending && <LoadingState />}
      {agreements.isError && <ErrorState error={agreements.error} onRetry={() => void agreements.refetch()} />}
      {agreements.isSuccess && agreements.data.length === 0 && <EmptyState>{words.noAgreements}</EmptyState>}
      {agreements.isSuccess && agreements.data.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {agreements.data.map((agreement) => (
            <AgreementCard key={agreement.id} agreement={agreement} />
          ))}
        </SimpleGrid>
      )}
      <ProposeForm teams={teams} />
    </Stack>
  );
}
