import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { usePeopleSearch } from '../../api/queries.ts';
import { en } from '../../i18n/en.ts';

interface PersonPickerProps {
  id: string;
  label: string;
  description?: string | undefined;
  required: boolean;
  error?: string | undefined;
  value: string | undefined;
  onChange: (personId: string | undefined) => void;
}

/** A person by name or e-mail, searched in the directory (GET /people?q=): the answer is their id. */
export function PersonPicker({ id, label, description, required, error, value, onChange }: PersonPickerProps) {
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const [debounced] = useDebouncedValue(search, 250);
  // While a person is chosen the box shows their name; searching for that text again would be noise.
  const people = usePeopleSearch(chosen && search === chosen.label ? '' : debounced);

  const data = useMemo(() => {
    const found = (people.data ?? []).map((person) => ({ value: person.id, label: `${person.name} · ${person.email}` }));
    // The chosen person stays an option while other searches run, so the box keeps their name.
    if (chosen && !found.some((option) => option.value === chosen.value)) found.unshift(chosen);
    return found;
  }, [people.data, chosen]);

  return (
    <Select
      id={id}
      label={label}
      description={description}
      required={required}
      error={error}
      placeholder={en.form.personPlaceholder}
      searchable
      clearable
      data={data}
      value={value ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      // The directory already filtered by what was typed; filtering again by label would hide e-mail matches.
      filter={({ options }) => options}
      nothingFoundMessage={people.isFetching ? en.states.loading : en.form.personNothing}
      onChange={(next, option) => {
        setChosen(next && option ? { value: option.value, label: option.label } : null);
        onChange(next ?? undefined);
      }}
    />
  );
}
