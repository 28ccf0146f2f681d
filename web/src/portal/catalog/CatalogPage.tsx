import { Anchor, Button, Card, CloseButton, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useServices } from '../../api/queries.ts';
import type { Service } from '../../api/types.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { knowledge } from '../../i18n/en-knowledge.ts';
import { filterServices, groupByTeam } from './search.ts';
import { TeamHours } from './TeamHours.tsx';
import { WaitSummary } from './WaitSummary.tsx';

function ServiceCard({ service }: { service: Service }) {
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="xs" h="100%">
        <Title order={3} size="h5">
          <Anchor component={Link} to={`/services/${service.slug}`}>
            {service.name}
          </Anchor>
        </Title>
        {service.description && <Text size="sm">{service.description}</Text>}
        <WaitSummary slug={service.slug} />
      </Stack>
    </Card>
  );
}

/** The portal's home: every service the employee may ask for, by team, with one search box. */
export function CatalogPage() {
  const services = useServices();
  // The search lives in the address, so Back from a form returns to the same results.
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const setSearch = (value: string) => setParams(value ? { q: value } : {}, { replace: true });
  const groups = useMemo(() => groupByTeam(filterServices(services.data ?? [], search)), [services.data, search]);
  const matchCount = groups.reduce((sum, group) => sum + group.services.length, 0);

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{en.catalog.title}</Title>
        <Text c="dimmed">{en.catalog.intro}</Text>
      </div>
      <TextInput
        type="search"
        label={en.catalog.search}
        placeholder={en.catalog.searchPlaceholder}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        rightSection={search ? <CloseButton aria-label={en.catalog.clearSearch} onClick={() => setSearch('')} /> : null}
        maw={520}
      />
      {search && services.isSuccess && (
        <Group gap="md">
          <Text size="sm" role="status" aria-live="polite">
            {en.catalog.matches(matchCount)}
          </Text>
          {/* The box filters services as one types; the help articles are one search away. */}
          {search.trim() && (
            <Anchor component={Link} to={`/search?${new URLSearchParams({ q: search.trim() }).toString()}`} size="sm">
              {knowledge.catalogSearch(search.trim())}
            </Anchor>
          )}
        </Group>
      )}
      {services.isPending && <LoadingState />}
      {services.isError && <ErrorState error={services.error} onRetry={() => void services.refetch()} />}
      {services.isSuccess && services.data.length === 0 && <EmptyState>{en.catalog.empty}</EmptyState>}
      {services.isSuccess && services.data.length > 0 && matchCount === 0 && (
        <EmptyState action={<Button variant="light" onClick={() => setSearch('')}>{en.catalog.clearSearch}</Button>}>
          {en.catalog.noMatch(search)}
        </EmptyState>
      )}
      {groups.map((group) => (
        <Stack key={group.team.slug} gap="sm" component="section" aria-labelledby={`team-${group.team.slug}`}>
          <Group justify="space-between" align="baseline">
            <Title order={2} size="h3" id={`team-${group.team.slug}`}>
              {group.team.name}
            </Title>
            <TeamHours team={group.team} />
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {group.services.map((service) => (
              <ServiceCard key={service.id} service={service} />
            ))}
          </SimpleGrid>
        </Stack>
      ))}
    </Stack>
  );
}
