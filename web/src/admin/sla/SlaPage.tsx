import { Badge, Button, Card, Group, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMe } from '../../api/queries.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { useSlaPolicies, useTeams } from '../api/services.ts';
import { leadsTeams } from '../sections.ts';
import { AgreementsPanel, targetsLine } from './AgreementsPanel.tsx';
import { PolicyForm } from './PolicyForm.tsx';

const words = en.admin.sla;

function Policies() {
  const me = useMe();
  const policies = useSlaPolicies();
  const teams = useTeams();
  // 'new', a policy id, or null: which form is open.
  const [open, setOpen] = useState<string | null>(null);
  const led = new Set(me.data ? leadsTeams(me.data) : []);
  const ownTeams = (teams.data ?? []).filter((team) => me.data?.isAdmin || led.has(team.slug));

  if (policies.isPending || teams.isPending) return <LoadingState />;
  if (policies.isError) return <ErrorState error={policies.error} onRetry={() => void policies.refetch()} />;
  if (teams.isError) return <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={640}>
          {words.policiesIntro}
        </Text>
        {open !== 'new' && <Button onClick={() => setOpen('new')}>{words.newPolicy}</Button>}
      </Group>
      {open === 'new' && (
        <Card withBorder radius="md">
          <PolicyForm policy={undefined} teams={ownTeams} onDone={() => setOpen(null)} />
        </Card>
      )}
      {policies.data.length === 0 && open !== 'new' && <EmptyState>{words.noPolicies}</EmptyState>}
      <SimpleGrid cols={{ base: 1 }}>
        {policies.data.map((policy) => (
          <Card key={policy.id} withBorder radius="md">
            <Group justify="space-between" mb={4}>
              <Group gap="xs">
                <Title order={3} size="h5">
                  {policy.name}
                </Title>
                <Badge variant="light">{policy.team.name}</Badge>
              </Group>
              <Button size="xs" variant="default" onClick={() => setOpen(open === policy.id ? null : policy.id)} aria-expanded={open === policy.id}>
                {open === policy.id ? words.close : words.edit}
              </Button>
            </Group>
            {open === policy.id ? (
              <PolicyForm policy={policy} teams={teams.data} onDone={() => undefined} />
            ) : (
              <Text size="sm" c="dimmed">
                {targetsLine(policy.targets)}
              </Text>
            )}
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** /admin/sla: the teams' SLA policies and the internal agreements between teams. */
export function SlaPage() {
  const teams = useTeams();
  return (
    <Stack gap="lg">
      <Title order={1}>{words.title}</Title>
      <Tabs defaultValue="policies" keepMounted>
        <Tabs.List>
          <Tabs.Tab value="policies">{words.tabPolicies}</Tabs.Tab>
          <Tabs.Tab value="agreements">{words.tabAgreements}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="policies" pt="md">
          <Policies />
        </Tabs.Panel>
        <Tabs.Panel value="agreements" pt="md">
          <AgreementsPanel teams={teams.data ?? []} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
