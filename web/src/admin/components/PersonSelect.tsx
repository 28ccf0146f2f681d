import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { usePeopleSearch } from '../../api/queries.ts';
import { en } from '../../i18n/en.ts';

interface PersonSelectProps {
  label: string;
  value: { id: string; name: string } | null;
  onChange: (person: { id: string; name: string } | null) => void;
  error?: string | undefined;
  required?: boolean;
}

/** Someone from the directory, searched as one types; starts showing the person already chosen. */
export function PersonSelect({ label, value, onChange, error, required = false }: PersonSelectProps) {
  const [search, setSearch] = useState(value?.name ?? '');
  const [debounced] = useDebouncedValue(search, 250);
  const people = usePeopleSearch(value && search === value.name ? '' : debounced);
  const data = useMemo(() => {
    const found = (people.data ?? []).map((person) => ({ value: person.id, label: person.name, email: person.email }));
    if (value && !found.some((option) => option.value === value.id)) found.unshift({ value: value.id, label: value.name, email: '' });
    return found;
  }, [people.data, value]);

  return (
    <Select
      label={label}
      required={required}
      error={error}
      placeholder={en.admin.people.managerSearch}
      searchable
      clearable
      data={data}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={people.isFetching ? en.states.loading : en.admin.people.nobodyFound}
      onChange={(id, option) => onChange(id && option ? { id, name: option.label } : null)}
    />
  );
}
