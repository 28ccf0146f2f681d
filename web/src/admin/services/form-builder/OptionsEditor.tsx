import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { en } from '../../../i18n/en.ts';
import { move, withNewOption, withOptionLabel, type OptionDraft } from './field-draft.ts';

const words = en.admin.builder;

interface OptionsEditorProps {
  options: OptionDraft[];
  error: string | undefined;
  onChange: (options: OptionDraft[]) => void;
}

/** The answers a choice question offers: each a label people read and a value stored with the request. */
export function OptionsEditor({ options, error, onChange }: OptionsEditorProps) {
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {words.options}
      </Text>
      {options.map((option, index) => (
        <Group key={index} gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            label={words.optionLabel(index + 1)}
            value={option.label}
            onChange={(event) => onChange(withOptionLabel(options, index, event.currentTarget.value))}
            style={{ flex: 2, minWidth: 160 }}
          />
          <TextInput
            label={words.optionValue(index + 1)}
            value={option.value}
            onChange={(event) => onChange(options.map((item, at) => (at === index ? { ...item, value: event.currentTarget.value, valueEdited: true } : item)))}
            style={{ flex: 1, minWidth: 120 }}
          />
          <ActionIcon variant="default" size="lg" aria-label={words.moveOptionUp(index + 1)} disabled={index === 0} onClick={() => onChange(move(options, index, index - 1))}>
            ↑
          </ActionIcon>
          <ActionIcon variant="default" size="lg" aria-label={words.removeOption(index + 1)} disabled={options.length === 1} onClick={() => onChange(options.filter((_, at) => at !== index))}>
            ×
          </ActionIcon>
        </Group>
      ))}
      {error && (
        <Text size="sm" c="red" role="alert">
          {en.form.fieldMessage(error)}
        </Text>
      )}
      <Group>
        <Button size="xs" variant="light" onClick={() => onChange(withNewOption(options))}>
          {words.addOption}
        </Button>
      </Group>
    </Stack>
  );
}
