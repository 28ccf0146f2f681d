import { ActionIcon, Alert, Checkbox, Fieldset, Group, Select, Stack, TextInput } from '@mantine/core';
import { en } from '../../../i18n/en.ts';
import { messageFor, type FieldProblemAt } from '../service-draft.ts';
import { ConditionEditor } from './ConditionEditor.tsx';
import { fieldKinds, hasOptions, withKind, withLabel, type FieldDraft, type FieldKind, type OptionDraft } from './field-draft.ts';
import { FieldRules } from './FieldRules.tsx';
import { OptionsEditor } from './OptionsEditor.tsx';

const words = en.admin.builder;

/** Settings each input below shows itself; anything else the API says about the field is listed at its top. */
const PLACED = ['type', 'name', 'label', 'help', 'required', 'options', 'showWhen', 'minLength', 'maxLength', 'pattern', 'min', 'max', 'notBefore', 'notAfter', 'minSelected', 'maxSelected'];

interface FieldEditorProps {
  field: FieldDraft;
  position: number;
  count: number;
  earlier: FieldDraft[];
  otherNames: string[];
  looksBelow: boolean;
  problems: FieldProblemAt[] | undefined;
  onChange: (field: FieldDraft) => void;
  onOptionsChange: (options: OptionDraft[]) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

const shown = (message: string | undefined) => message && en.form.fieldMessage(message);

/** One question of the form: its kind, wording, whether it is required, its rules and when it shows. */
export function FieldEditor({ field, position, count, earlier, otherNames, looksBelow, problems, onChange, onOptionsChange, onMove, onRemove }: FieldEditorProps) {
  const n = position + 1;
  const set = (change: Partial<FieldDraft>) => onChange({ ...field, ...change });
  const error = (setting: string) => shown(messageFor(problems, setting));
  const unplaced = (problems ?? []).filter((item) => !PLACED.includes(item.setting.split('.')[0] ?? ''));

  return (
    <Fieldset legend={words.fieldLegend(n, field.label)} data-testid={`question-${n}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Select
            label={words.kind}
            data={fieldKinds.map((kind) => ({ value: kind, label: words.kinds[kind] }))}
            value={field.type}
            allowDeselect={false}
            error={error('type')}
            onChange={(kind) => kind && onChange(withKind(field, kind as FieldKind))}
            w={200}
          />
          <Group gap="xs">
            <ActionIcon variant="default" size="lg" aria-label={words.moveUp(n)} disabled={position === 0} onClick={() => onMove(position - 1)}>
              ↑
            </ActionIcon>
            <ActionIcon variant="default" size="lg" aria-label={words.moveDown(n)} disabled={position === count - 1} onClick={() => onMove(position + 1)}>
              ↓
            </ActionIcon>
            <ActionIcon variant="light" color="red" size="lg" aria-label={words.remove(n)} onClick={onRemove}>
              ×
            </ActionIcon>
          </Group>
        </Group>
        {unplaced.length > 0 && (
          <Alert color="red" p="xs" role="alert">
            {unplaced.map((item) => `${item.setting || words.fieldLegend(n, '')}: ${item.reason}`).join('; ')}
          </Alert>
        )}
        <Group grow align="flex-start">
          <TextInput label={words.label} required value={field.label} error={error('label')} onChange={(event) => onChange(withLabel(field, event.currentTarget.value, otherNames))} />
          <TextInput label={words.name} value={field.name} error={error('name')} onChange={(event) => set({ name: event.currentTarget.value, nameEdited: true })} styles={{ input: { fontFamily: 'monospace' } }} />
        </Group>
        <TextInput label={words.help} value={field.help} error={error('help')} onChange={(event) => set({ help: event.currentTarget.value })} />
        <Checkbox
          label={words.required}
          description={field.type === 'file' ? words.fileNotRequired : undefined}
          disabled={field.type === 'file'}
          checked={field.required}
          error={error('required')}
          onChange={(event) => set({ required: event.currentTarget.checked })}
        />
        {hasOptions(field.type) && <OptionsEditor options={field.options} error={messageFor(problems, 'options')} onChange={onOptionsChange} />}
        <FieldRules field={field} problems={problems} onChange={set} />
        <ConditionEditor earlier={earlier} condition={field.condition} looksBelow={looksBelow} error={messageFor(problems, 'showWhen')} onChange={(condition) => set({ condition })} />
      </Stack>
    </Fieldset>
  );
}
