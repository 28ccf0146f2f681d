import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { useMe } from '../../api/queries.ts';
import { useManagedServices } from '../api/services.ts';
import { leadsTeams } from '../sections.ts';
import type { ManagedService } from '../api/types.ts';

const words = en.admin.services;

function matches(service: ManagedService, query: string): boolean {
  const text = `${service.name} ${service.slug} ${service.team.name}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => text.includes(word));
}

/** /admin/services: every service the caller manages, inactive ones too, each a click from its editor. */
export function ServicesPage() {
  const me = useMe();
  const services = useManagedServices();
  const [query, setQuery] = useState('');
  // The API also lists what the caller may merely ask for; a lead manages their own teams' services.
  const led = new Set(me.data ? leadsTeams(me.data) : []);
  const managed = (services.data ?? []).filter((service) => me.data?.isAdmin || led.has(service.team.slug));
  const shown = managed.filter((service) => matches(service, query)).sort((a, b) => a.team.name.localeCompare(b.team.name) || a.name.localeCompare(b.name));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{words.title}</Title>
        <Button component={Link} to="/admin/services/new">
          {words.create}
        </Button>
      </Group>
      {services.isPending && <LoadingState />}
      {services.isError && <ErrorState error={services.error} onRetry={() => void services.refetch()} />}
      {services.isSuccess && managed.length === 0 && <EmptyState>{words.empty}</EmptyState>}
      {services.isSuccess && managed.length > 0 && (
        <>
          <TextInput label={words.search} value={query} onChange={(event) => setQuery(event.currentTarget.value)} maw={360} />
          {shown.length === 0 ? (
            <EmptyState>{words.noMatch}</EmptyState>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{words.name}</Table.Th>
                    <Table.Th>{words.team}</Table.Th>
                    <Table.Th>{words.formVersion}</Table.Th>
                    <Table.Th>{words.state}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((service) => (
                    <Table.Tr key={service.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/admin/services/${service.id}`}>
                          {service.name}
                        </Anchor>
                        {service.confidential && (
                          <Badge ml="xs" size="sm" variant="light" color="grape">
                            {words.confidentialBadge}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{service.team.name}</Table.Td>
                      <Table.Td>{words.version(service.form.version)}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={service.active ? 'green' : 'gray'}>
                          {service.active ? words.active : words.inactive}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Text size="sm" c="dimmed">
            {words.count(shown.length)}
          </Text>
        </>
      )}
    </Stack>
  );
}
