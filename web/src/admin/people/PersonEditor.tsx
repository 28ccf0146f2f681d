import { Button, Checkbox, Group, Modal, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError, fieldMessages } from '../../api/problem.ts';
import { ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { useDirectoryPerson, useSavePerson } from '../api/people.ts';
import { useTeams } from '../api/services.ts';
import type { DirectoryPersonDetail } from '../api/types.ts';
import { PersonSelect } from '../components/PersonSelect.tsx';
import { SaveFailedAlert } from '../components/SaveFailedAlert.tsx';

const words = en.admin.people;
const shown = (message: string | undefined) => message && en.form.fieldMessage(message);

interface PersonDraft {
  name: string;
  email: string;
  title: string;
  homeTeam: string | null;
  manager: { id: string; name: string } | null;
  timeZone: string;
  isAdmin: boolean;
  active: boolean;
  password: string;
}

function draftOf(person: DirectoryPersonDetail | undefined): PersonDraft {
  return {
    name: person?.name ?? '',
    email: person?.email ?? '',
    title: person?.title ?? '',
    homeTeam: person?.homeTeam?.slug ?? null,
    manager: person?.manager ? { id: person.manager.id, name: person.manager.name } : null,
    timeZone: person?.timeZone ?? 'UTC',
    isAdmin: person?.isAdmin ?? false,
    active: person?.active ?? true,
    password: '',
  };
}

function PersonForm({ person, onDone }: { person: DirectoryPersonDetail | undefined; onDone: (name: string) => void }) {
  const teams = useTeams();
  const save = useSavePerson();
  const [draft, setDraft] = useState<PersonDraft>(() => draftOf(person));
  const set = (change: Partial<PersonDraft>) => setDraft((previous) => ({ ...previous, ...change }));
  const messages = save.error instanceof ApiError ? fieldMessages(save.error.problem, 'body.') : {};

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: draft.name,
      email: draft.email,
      title: draft.title.trim() ? draft.title : null,
      homeTeam: draft.homeTeam,
      manager: draft.manager?.id ?? null,
      timeZone: draft.timeZone,
      isAdmin: draft.isAdmin,
      active: draft.active,
      ...(draft.password ? { password: draft.password } : {}),
    };
    save.mutate({ id: person?.id ?? null, body }, { onSuccess: (saved) => onDone(saved.name) });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <SaveFailedAlert error={save.error} fieldMessages={messages} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={words.name} required value={draft.name} error={shown(messages.name)} onChange={(event) => set({ name: event.currentTarget.value })} data-autofocus />
          <TextInput label={words.email} required type="email" value={draft.email} error={shown(messages.email)} onChange={(event) => set({ email: event.currentTarget.value })} />
          <TextInput label={words.personTitle} value={draft.title} error={shown(messages.title)} onChange={(event) => set({ title: event.currentTarget.value })} />
          <Select
            label={words.homeTeam}
            placeholder={words.noTeam}
            clearable
            data={(teams.data ?? []).map((team) => ({ value: team.slug, label: team.name }))}
            value={draft.homeTeam}
            error={shown(messages.homeTeam)}
            onChange={(homeTeam) => set({ homeTeam })}
          />
          <PersonSelect label={words.manager} value={draft.manager} error={shown(messages.manager)} onChange={(manager) => set({ manager })} />
          <TextInput label={words.timeZone} description={words.timeZoneHelp} value={draft.timeZone} error={shown(messages.timeZone)} onChange={(event) => set({ timeZone: event.currentTarget.value })} />
        </SimpleGrid>
        {!person && (
          <PasswordInput label={words.password} description={words.passwordHelp} value={draft.password} error={shown(messages.password)} onChange={(event) => set({ password: event.currentTarget.value })} autoComplete="new-password" />
        )}
        <Checkbox label={words.isAdmin} checked={draft.isAdmin} error={shown(messages.isAdmin)} onChange={(event) => set({ isAdmin: event.currentTarget.checked })} />
        <Checkbox label={words.isActive} checked={draft.active} error={shown(messages.active)} onChange={(event) => set({ active: event.currentTarget.checked })} />
        {person && person.memberships.length > 0 && (
          <Text size="sm">
            {words.memberships}: {person.memberships.map((m) => `${m.team.name} (${en.admin.teams.roles[m.role]})`).join(', ')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone('')}>
            {words.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {words.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Adding (id null) or changing one person, in a dialog over the directory. */
export function PersonEditor({ id, opened, onClose }: { id: string | null; opened: boolean; onClose: (savedName: string) => void }) {
  const person = useDirectoryPerson(id);
  return (
    <Modal opened={opened} onClose={() => onClose('')} title={id === null ? words.newTitle : words.editTitle(person.data?.name ?? '')} size="lg">
      {id !== null && person.isPending && <LoadingState />}
      {id !== null && person.isError && <ErrorState error={person.error} onRetry={() => void person.refetch()} />}
      {(id === null || person.isSuccess) && <PersonForm key={id ?? 'new'} person={person.data} onDone={onClose} />}
    </Modal>
  );
}
