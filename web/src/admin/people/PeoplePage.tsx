import { Alert, Anchor, Badge, Button, Group, Stack, Switch, Table, Tabs, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { useDirectory } from '../api/people.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { PersonEditor } from './PersonEditor.tsx';

const words = en.admin.people;

function Directory() {
  const [search, setSearch] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [debounced] = useDebouncedValue(search, 250);
  const directory = useDirectory(debounced.trim(), includeInactive);
  // null: nobody open; 'new': adding; otherwise the id being changed.
  const [editing, setEditing] = useState<string | null>(null);
  const [savedName, setSavedName] = useState('');
  const people = directory.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <TextInput label={words.search} placeholder={words.searchPlaceholder} value={search} onChange={(event) => setSearch(event.currentTarget.value)} w={300} />
          <Switch label={words.includeInactive} checked={includeInactive} onChange={(event) => setIncludeInactive(event.currentTarget.checked)} mb={8} />
        </Group>
        <Button onClick={() => setEditing('new')}>{words.add}</Button>
      </Group>
      {savedName && (
        <Alert color="green" role="status" withCloseButton onClose={() => setSavedName('')}>
          {words.saved(savedName)}
        </Alert>
      )}
      {directory.isPending && <LoadingState />}
      {directory.isError && <ErrorState error={directory.error} onRetry={() => void directory.refetch()} />}
      {directory.isSuccess && people.length === 0 && <EmptyState>{words.empty}</EmptyState>}
      {people.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{words.name}</Table.Th>
                <Table.Th>{words.email}</Table.Th>
                <Table.Th>{words.homeTeam}</Table.Th>
                <Table.Th>{words.state}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.map((person) => (
                <Table.Tr key={person.id}>
                  <Table.Td>
                    <Anchor component="button" type="button" onClick={() => setEditing(person.id)} aria-label={words.edit(person.name)}>
                      {person.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{person.email}</Table.Td>
                  <Table.Td>{person.homeTeam?.name ?? ''}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {person.isAdmin && (
                        <Badge size="sm" variant="light" color="grape">
                          {words.admin}
                        </Badge>
                      )}
                      <Badge size="sm" variant="light" color={person.active ? 'green' : 'gray'}>
                        {person.active ? words.active : words.inactive}
                      </Badge>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {directory.hasNextPage && (
        <Group>
          <Button variant="default" loading={directory.isFetchingNextPage} onClick={() => void directory.fetchNextPage()}>
            {words.more}
          </Button>
        </Group>
      )}
      <PersonEditor
        id={editing === 'new' ? null : editing}
        opened={editing !== null}
        onClose={(name) => {
          setEditing(null);
          if (name) setSavedName(name);
        }}
      />
    </Stack>
  );
}

/** /admin/people: the directory (search, add, change) and its CSV import, for admins. */
export function PeoplePage() {
  return (
    <Stack gap="lg">
      <Title order={1}>{words.title}</Title>
      <Tabs defaultValue="directory" keepMounted>
        <Tabs.List>
          <Tabs.Tab value="directory">{words.tabDirectory}</Tabs.Tab>
          <Tabs.Tab value="import">{words.tabImport}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="directory" pt="md">
          <Directory />
        </Tabs.Panel>
        <Tabs.Panel value="import" pt="md">
          <ImportPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
