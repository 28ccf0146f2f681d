import { Button, Collapse, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { Priority, RequestStatus } from '../../api/types.ts';
import { en } from '../../i18n/en.ts';
import type { TeamMember } from '../api/types.ts';
import { allPriorities, allStatuses, viewFixesAssignee, type QueueFilters, type QueueSort } from './queue-filters.ts';

interface QueueFiltersBarProps {
  filters: QueueFilters;
  members: TeamMember[];
  onChange: (change: Partial<QueueFilters>) => void;
}

/** Status, priority, assignee, words and order; each change goes to the URL, so it survives a reload. */
export function QueueFiltersBar({ filters, members, onChange }: QueueFiltersBarProps) {
  // The words go to the URL (and the API) once typing pauses, not on every key.
  const [text, setText] = useState(filters.text);
  useEffect(() => setText(filters.text), [filters.text]);
  const sendText = useDebouncedCallback((value: string) => onChange({ text: value.trim() }), 350);

  const assigneeOptions = [
    { value: '', label: en.desk.queue.anyone },
    { value: 'me', label: en.desk.queue.me },
    { value: 'none', label: en.desk.queue.nobody },
    ...members.map((member) => ({ value: member.person.id, label: member.person.name })),
  ];
  const filtered = filters.statuses.length > 0 || filters.priorities.length > 0 || filters.assignee !== '' || filters.text !== '';
  // On a phone the five inputs would push the queue off the screen: they fold under one button.
  const phone = useMediaQuery('(max-width: 36em)');
  const [shown, { toggle }] = useDisclosure(false);

  const bar = (
    <Group gap="sm" align="flex-end" wrap="wrap" component="section" aria-label={en.desk.queue.filters}>
      <TextInput
        label={en.desk.queue.search}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          sendText(event.currentTarget.value);
        }}
        type="search"
        w={{ base: '100%', xs: 240 }}
      />
      <MultiSelect
        label={en.desk.queue.status}
        data={allStatuses.map((status) => ({ value: status, label: en.desk.statuses[status] }))}
        value={filters.statuses}
        onChange={(value) => onChange({ statuses: value as RequestStatus[] })}
        placeholder={filters.statuses.length === 0 ? en.desk.queue.views[filters.view] : undefined}
        clearable
        w={{ base: '100%', xs: 240 }}
      />
      <MultiSelect
        label={en.desk.queue.priority}
        data={allPriorities.map((priority) => ({ value: priority, label: en.desk.priorities[priority] }))}
        value={filters.priorities}
        onChange={(value) => onChange({ priorities: value as Priority[] })}
        clearable
        w={{ base: '100%', xs: 200 }}
      />
      {!viewFixesAssignee(filters.view) && (
        <Select
          label={en.desk.queue.assignee}
          data={assigneeOptions}
          value={filters.assignee}
          onChange={(value) => onChange({ assignee: value ?? '' })}
          allowDeselect={false}
          searchable
          w={{ base: '100%', xs: 200 }}
        />
      )}
      <Select
        label={en.desk.queue.sort}
        data={[
          { value: 'newest', label: en.desk.queue.newest },
          { value: 'due', label: en.desk.queue.due },
        ]}
        value={filters.sort}
        onChange={(value) => onChange({ sort: (value ?? 'newest') as QueueSort })}
        allowDeselect={false}
        w={{ base: '100%', xs: 200 }}
      />
      {filtered && (
        <Button variant="subtle" size="sm" onClick={() => onChange({ statuses: [], priorities: [], assignee: '', text: '' })}>
          {en.desk.queue.clearFilters}
        </Button>
      )}
    </Group>
  );
  if (!phone) return bar;
  return (
    <>
      <Button variant="default" size="xs" onClick={toggle} aria-expanded={shown} style={{ alignSelf: 'flex-start' }}>
        {filtered ? en.desk.queue.filtersOn : en.desk.queue.filters}
      </Button>
      <Collapse expanded={shown}>{bar}</Collapse>
    </>
  );
}
