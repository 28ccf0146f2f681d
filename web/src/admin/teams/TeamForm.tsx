import { Alert, Button, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError, fieldMessages } from '../../api/problem.ts';
import { en } from '../../i18n/en.ts';
import { useSaveTeam } from '../api/people.ts';
import type { Team, TeamBody } from '../api/types.ts';
import { slugFromName } from '../services/service-draft.ts';
import { SaveFailedAlert } from '../components/SaveFailedAlert.tsx';

const words = en.admin.teams;
const shown = (message: string | undefined) => message && en.form.fieldMessage(message);

/** A team's name, address, key prefix, description and e-mail: new (team undefined) or changed. */
export function TeamForm({ team, onSaved }: { team: Team | undefined; onSaved: (team: Team) => void }) {
  const save = useSaveTeam();
  const [draft, setDraft] = useState<TeamBody>(() => ({
    slug: team?.slug ?? '',
    name: team?.name ?? '',
    description: team?.description ?? '',
    email: team?.email ?? null,
    keyPrefix: team?.keyPrefix ?? '',
  }));
  const [slugEdited, setSlugEdited] = useState(team !== undefined);
  const set = (change: Partial<TeamBody>) => setDraft((previous) => ({ ...previous, ...change }));
  const messages = save.error instanceof ApiError ? fieldMessages(save.error.problem, 'body.') : {};

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ slug: team?.slug ?? null, body: { ...draft, email: draft.email?.trim() ? draft.email : null } }, { onSuccess: onSaved });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <SaveFailedAlert error={save.error} fieldMessages={messages} />
        {save.isSuccess && (
          <Alert color="green" role="status">
            {words.saved}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={words.name}
            required
            value={draft.name}
            error={shown(messages.name)}
            onChange={(event) => {
              const name = event.currentTarget.value;
              set(slugEdited ? { name } : { name, slug: slugFromName(name) });
            }}
          />
          <TextInput label={words.slug} required value={draft.slug} error={shown(messages.slug)} onChange={(event) => { setSlugEdited(true); set({ slug: event.currentTarget.value }); }} />
          <TextInput label={words.keyPrefix} description={words.keyPrefixHelp} required value={draft.keyPrefix} error={shown(messages.keyPrefix)} onChange={(event) => set({ keyPrefix: event.currentTarget.value.toUpperCase() })} />
          <TextInput label={words.email} type="email" value={draft.email ?? ''} error={shown(messages.email)} onChange={(event) => set({ email: event.currentTarget.value })} />
        </SimpleGrid>
        <Textarea label={words.description} autosize minRows={2} value={draft.description} error={shown(messages.description)} onChange={(event) => set({ description: event.currentTarget.value })} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {words.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
