import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/problem.ts';
import { errorMessage } from '../../components/error-message.ts';
import { en } from '../../i18n/en.ts';
import { dateTimeWords } from '../../i18n/format.ts';
import { useSaveTeamMail } from '../api/channels.ts';
import type { TeamMail, UnknownSenderRule } from '../api/channel-types.ts';
import { draftFromTeamMail, mailFieldMessages, teamMailBodyFrom, type TeamMailDraft } from './team-mail-draft.ts';

const words = en.admin.channels.mail;
const ruleData = (['hold', 'reject', 'accept'] as const).map((rule) => ({ value: rule, label: words.rules[rule] }));
const message = (reason: string | undefined) => reason && en.form.fieldMessage(reason);

/** A team's address, its rule for strangers and its IMAP mailbox (the password stays in the environment). */
export function TeamMailForm({ slug, mail }: { slug: string; mail: TeamMail | null }) {
  const save = useSaveTeamMail(slug);
  const [draft, setDraft] = useState<TeamMailDraft>(() => draftFromTeamMail(mail));
  const fields = save.error instanceof ApiError ? mailFieldMessages(save.error.problem.errors) : {};
  const setImap = (change: Partial<TeamMailDraft['imap']>) => setDraft((current) => ({ ...current, imap: { ...current.imap, ...change } }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(teamMailBodyFrom(draft));
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        {!mail && <Text size="sm">{words.none}</Text>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={words.address} description={words.addressHelp} required type="email" value={draft.inboundAddress} error={message(fields.inboundAddress)} onChange={(event) => setDraft({ ...draft, inboundAddress: event.currentTarget.value })} />
          <Select label={words.rule} data={ruleData} value={draft.unknownSenderRule} allowDeselect={false} error={message(fields.unknownSenderRule)} onChange={(next) => next && setDraft({ ...draft, unknownSenderRule: next as UnknownSenderRule })} />
        </SimpleGrid>
        <Switch label={words.useImap} checked={draft.useImap} onChange={(event) => setDraft({ ...draft, useImap: event.currentTarget.checked })} />
        {draft.useImap && (
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={words.host} required value={draft.imap.host} error={message(fields['imap.host'])} onChange={(event) => setImap({ host: event.currentTarget.value })} />
              <NumberInput label={words.port} min={1} max={65535} allowDecimal={false} value={draft.imap.port} error={message(fields['imap.port'])} onChange={(next) => setImap({ port: String(next) })} />
              <TextInput label={words.mailbox} value={draft.imap.mailbox} error={message(fields['imap.mailbox'])} onChange={(event) => setImap({ mailbox: event.currentTarget.value })} />
              <TextInput label={words.user} required value={draft.imap.user} error={message(fields['imap.user'])} onChange={(event) => setImap({ user: event.currentTarget.value })} />
              <TextInput label={words.passwordEnv} description={words.passwordEnvHelp} required value={draft.imap.passwordEnv} error={message(fields['imap.passwordEnv'])} onChange={(event) => setImap({ passwordEnv: event.currentTarget.value })} />
            </SimpleGrid>
            <Group>
              <Switch label={words.tls} checked={draft.imap.tls} onChange={(event) => setImap({ tls: event.currentTarget.checked })} />
              <Switch label={words.imapEnabled} checked={draft.imap.enabled} onChange={(event) => setImap({ enabled: event.currentTarget.checked })} />
            </Group>
            {mail?.imap?.polledAt && <Text size="sm" c="dimmed">{words.polled(dateTimeWords(mail.imap.polledAt))}</Text>}
            {mail?.imap?.lastError && <Text size="sm" c="red">{words.lastError(mail.imap.lastError)}</Text>}
          </Stack>
        )}
        {save.isError && Object.keys(fields).length === 0 && (
          <Text size="sm" c="red" role="alert">
            {errorMessage(save.error)}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {words.save}
          </Button>
          {save.isSuccess && (
            <Text size="sm" role="status">
              {words.saved}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
