import { Checkbox, Group, NumberInput, TextInput } from '@mantine/core';
import { en } from '../../../i18n/en.ts';
import { messageFor, type FieldProblemAt } from '../service-draft.ts';
import { isText, type FieldDraft } from './field-draft.ts';

const words = en.admin.builder;

interface FieldRulesProps {
  field: FieldDraft;
  problems: FieldProblemAt[] | undefined;
  onChange: (change: Partial<FieldDraft>) => void;
}

const numberOrUndefined = (value: string | number): number | undefined => (typeof value === 'number' ? value : undefined);
const shown = (message: string | undefined) => message && en.form.fieldMessage(message);

/** The bounds a kind of question can have: lengths and a pattern, a range, dates, how many choices. */
export function FieldRules({ field, problems, onChange }: FieldRulesProps) {
  const error = (setting: string) => shown(messageFor(problems, setting));
  if (isText(field.type)) {
    return (
      <>
        <Group grow align="flex-start">
          <NumberInput label={words.minLength} min={0} allowDecimal={false} value={field.minLength ?? ''} error={error('minLength')} onChange={(value) => onChange({ minLength: numberOrUndefined(value) })} />
          <NumberInput label={words.maxLength} min={0} allowDecimal={false} value={field.maxLength ?? ''} error={error('maxLength')} onChange={(value) => onChange({ maxLength: numberOrUndefined(value) })} />
        </Group>
        <Group grow align="flex-start">
          <TextInput label={words.pattern} value={field.patternRegex} error={error('pattern.regex')} onChange={(event) => onChange({ patternRegex: event.currentTarget.value })} styles={{ input: { fontFamily: 'monospace' } }} />
          <TextInput
            label={words.patternMessage}
            placeholder={words.patternMessagePlaceholder}
            value={field.patternMessage}
            error={error('pattern.message')}
            onChange={(event) => onChange({ patternMessage: event.currentTarget.value })}
          />
        </Group>
      </>
    );
  }
  switch (field.type) {
    case 'number':
      return (
        <Group grow align="flex-end">
          <NumberInput label={words.min} value={field.min ?? ''} error={error('min')} onChange={(value) => onChange({ min: numberOrUndefined(value) })} />
          <NumberInput label={words.max} value={field.max ?? ''} error={error('max')} onChange={(value) => onChange({ max: numberOrUndefined(value) })} />
          <Checkbox label={words.integer} checked={field.integer} onChange={(event) => onChange({ integer: event.currentTarget.checked })} mb={8} />
        </Group>
      );
    case 'date':
      return (
        <Group grow align="flex-start">
          <TextInput label={words.notBefore} description={words.dateBoundHelp} value={field.notBefore} error={error('notBefore')} onChange={(event) => onChange({ notBefore: event.currentTarget.value })} />
          <TextInput label={words.notAfter} description={words.dateBoundHelp} value={field.notAfter} error={error('notAfter')} onChange={(event) => onChange({ notAfter: event.currentTarget.value })} />
        </Group>
      );
    case 'multi_choice':
      return (
        <Group grow align="flex-start">
          <NumberInput label={words.minSelected} min={0} allowDecimal={false} value={field.minSelected ?? ''} error={error('minSelected')} onChange={(value) => onChange({ minSelected: numberOrUndefined(value) })} />
          <NumberInput label={words.maxSelected} min={0} allowDecimal={false} value={field.maxSelected ?? ''} error={error('maxSelected')} onChange={(value) => onChange({ maxSelected: numberOrUndefined(value) })} />
        </Group>
      );
    default:
      return null;
  }
}
