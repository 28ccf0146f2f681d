import { Checkbox, NumberInput, Radio, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { resolveDateBound } from '../../../../server/modules/catalog/intake-form.schema.ts';
import type { AnswerValue, FormField } from '../../api/types.ts';
import { en } from '../../i18n/en.ts';
import { FileAnswerInput } from '../../attachments/FileAnswerInput.tsx';
import { PersonPicker } from './PersonPicker.tsx';

/** Up to this many options read best as radio buttons, all visible; more become a searchable list. */
const RADIO_LIMIT = 5;

interface FieldInputProps {
  field: FormField;
  value: AnswerValue | undefined;
  error: string | undefined;
  onChange: (value: AnswerValue | undefined) => void;
}

export function fieldInputId(name: string): string {
  return `field-${name}`;
}

/** The browser's today (YYYY-MM-DD), which relative bounds such as "today+14d" count from. */
function localToday(): string {
  return new Date().toLocaleDateString('en-CA');
}

const text = (value: AnswerValue | undefined) => (typeof value === 'string' ? value : '');

/** One input for one form field, by its kind; every kind the API defines has a case. */
export function FieldInput({ field, value, error, onChange }: FieldInputProps) {
  const id = fieldInputId(field.name);
  const common = { label: field.label, description: field.help || undefined, required: field.required, error };
  switch (field.type) {
    case 'short_text':
      return <TextInput id={id} {...common} value={text(value)} maxLength={field.maxLength} onChange={(event) => onChange(event.currentTarget.value)} />;
    case 'long_text':
      return <Textarea id={id} {...common} autosize minRows={3} maxRows={12} value={text(value)} maxLength={field.maxLength} onChange={(event) => onChange(event.currentTarget.value)} />;
    case 'number':
      return (
        <NumberInput
          id={id}
          {...common}
          value={typeof value === 'number' ? value : ''}
          min={field.min}
          max={field.max}
          allowDecimal={!field.integer}
          // The API says what is out of range; clamping would change the answer behind the person's back.
          clampBehavior="none"
          onChange={(next) => onChange(typeof next === 'number' ? next : undefined)}
        />
      );
    case 'date': {
      const today = localToday();
      return (
        <TextInput
          id={id}
          {...common}
          type="date"
          value={text(value)}
          min={field.notBefore ? resolveDateBound(field.notBefore, today) : undefined}
          max={field.notAfter ? resolveDateBound(field.notAfter, today) : undefined}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    }
    case 'choice':
      if (field.options.length > RADIO_LIMIT) {
        return (
          <Select
            id={id}
            {...common}
            placeholder={en.form.choose}
            searchable
            clearable={!field.required}
            data={field.options.map((option) => ({ value: option.value, label: option.label }))}
            value={text(value) || null}
            onChange={(next) => onChange(next ?? undefined)}
          />
        );
      }
      return (
        <Radio.Group {...common} name={field.name} value={text(value) || null} onChange={onChange}>
          <Stack gap="xs" mt="xs">
            {field.options.map((option, index) => (
              <Radio key={option.value} id={index === 0 ? id : undefined} value={option.value} label={option.label} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multi_choice':
      return (
        <Checkbox.Group {...common} value={Array.isArray(value) ? value : []} onChange={onChange}>
          <Stack gap="xs" mt="xs">
            {field.options.map((option, index) => (
              <Checkbox key={option.value} id={index === 0 ? id : undefined} value={option.value} label={option.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'person':
      return <PersonPicker id={id} {...common} value={text(value) || undefined} onChange={onChange} />;
    case 'file':
      return <FileAnswerInput id={id} {...common} onChange={onChange} />;
  }
}
