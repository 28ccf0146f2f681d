import { Checkbox, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { en } from '../../i18n/en.ts';
import { priorities, requestTypes, type Priority, type RequestType, type Team } from '../api/types.ts';
import { slugFromName, type ServiceDraft } from './service-draft.ts';

const words = en.admin.editor;

interface ServiceDetailsSectionProps {
  draft: ServiceDraft;
  /** Teams the caller may give the service to; every team may be its audience. */
  ownerTeams: Team[];
  allTeams: Team[];
  messages: Record<string, string>;
  onChange: (change: Partial<ServiceDraft>) => void;
}

const shown = (message: string | undefined) => message && en.form.fieldMessage(message);

/** What the service is, who handles it and who may ask for it. */
export function ServiceDetailsSection({ draft, ownerTeams, allTeams, messages, onChange }: ServiceDetailsSectionProps) {
  const teamData = ownerTeams.map((team) => ({ value: team.slug, label: team.name }));
  // A service of a team the caller does not lead still shows its team (the server decides what they may change).
  if (draft.team && !teamData.some((team) => team.value === draft.team)) {
    teamData.push({ value: draft.team, label: allTeams.find((team) => team.slug === draft.team)?.name ?? draft.team });
  }
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          id="service-name"
          label={words.name}
          required
          value={draft.name}
          error={shown(messages.name)}
          onChange={(event) => {
            const name = event.currentTarget.value;
            onChange(draft.slugEdited ? { name } : { name, slug: slugFromName(name) });
          }}
        />
        <TextInput
          label={words.slug}
          description={words.slugHelp}
          required
          value={draft.slug}
          error={shown(messages.slug)}
          onChange={(event) => onChange({ slug: event.currentTarget.value, slugEdited: true })}
          styles={{ input: { fontFamily: 'monospace' } }}
        />
        <Select label={words.team} required data={teamData} value={draft.team || null} error={shown(messages.team)} onChange={(team) => onChange({ team: team ?? '', slaPolicyId: null })} allowDeselect={false} />
        <MultiSelect
          label={words.audience}
          description={words.audienceHelp}
          placeholder={draft.audience.length === 0 ? words.audiencePlaceholder : undefined}
          data={allTeams.map((team) => ({ value: team.slug, label: team.name }))}
          value={draft.audience}
          error={shown(messages.audience)}
          onChange={(audience) => onChange({ audience })}
          searchable
        />
      </SimpleGrid>
      <Textarea label={words.description} description={words.descriptionHelp} autosize minRows={2} value={draft.description} error={shown(messages.description)} onChange={(event) => onChange({ description: event.currentTarget.value })} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={words.requestType}
          data={requestTypes.map((type) => ({ value: type, label: en.admin.requestTypes[type] }))}
          value={draft.requestType}
          allowDeselect={false}
          error={shown(messages.requestType)}
          onChange={(type) => type && onChange({ requestType: type as RequestType })}
        />
        <Select
          label={words.defaultPriority}
          data={priorities.map((priority) => ({ value: priority, label: en.admin.priorities[priority] }))}
          value={draft.defaultPriority}
          allowDeselect={false}
          error={shown(messages.defaultPriority)}
          onChange={(priority) => priority && onChange({ defaultPriority: priority as Priority })}
        />
      </SimpleGrid>
      <Group gap="xl">
        <Checkbox label={words.active} checked={draft.active} error={shown(messages.active)} onChange={(event) => onChange({ active: event.currentTarget.checked })} />
        <Checkbox label={words.confidential} checked={draft.confidential} error={shown(messages.confidential)} onChange={(event) => onChange({ confidential: event.currentTarget.checked })} />
      </Group>
    </Stack>
  );
}
