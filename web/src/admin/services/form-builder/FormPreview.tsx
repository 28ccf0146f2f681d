import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { AnswerValue, FormField } from '../../../api/types.ts';
import { en } from '../../../i18n/en.ts';
import { FieldInput } from '../../../portal/service-form/FieldInput.tsx';
import { visibleFields, type Draft } from '../../../portal/service-form/visible-fields.ts';
import { toFormFields, type FieldDraft } from './field-draft.ts';

const words = en.admin.builder;

/** A question or option still without words shows a stand-in, so every input in the preview has a name. */
function readable(field: FormField): FormField {
  const labelled = { ...field, label: field.label || words.untitled };
  if (labelled.type !== 'choice' && labelled.type !== 'multi_choice') return labelled;
  return { ...labelled, options: labelled.options.map((option) => ({ ...option, label: option.label || words.untitledOption })) };
}

/**
 * The form as employees will see it, drawn by the portal's own inputs and its own rule for which
 * questions show, so what the author tries here is what people get. Answers typed here go nowhere.
 */
export function FormPreview({ fields, serviceName }: { fields: FieldDraft[]; serviceName: string }) {
  const [answers, setAnswers] = useState<Draft>({});
  const form = useMemo(() => toFormFields(fields), [fields]);
  const shown = visibleFields(form, answers);
  // By the field object itself: while an author types, two questions may share a name for a moment.
  const uidOf = new Map(form.map((field, index) => [field, fields[index]?.uid ?? String(index)]));

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="form-preview-title" data-testid="form-preview">
      <Stack gap="md">
        <div>
          <Title order={3} id="form-preview-title">
            {words.previewTitle}
          </Title>
          <Text size="sm" c="dimmed">
            {words.previewIntro}
          </Text>
        </div>
        {serviceName && <Title order={4}>{serviceName}</Title>}
        {form.length === 0 && (
          <Text size="sm" c="dimmed">
            {words.previewEmpty}
          </Text>
        )}
        {shown.map((field) => (
          <FieldInput
            key={uidOf.get(field) ?? field.name}
            field={readable(field)}
            value={answers[field.name]}
            error={undefined}
            onChange={(value: AnswerValue | undefined) => setAnswers((previous) => ({ ...previous, [field.name]: value }))}
          />
        ))}
        {form.length > 0 && (
          <Group>
            {/* As the employee's form ends; nothing is sent from a preview. */}
            <Button disabled>{en.form.submit}</Button>
            <Button size="xs" variant="default" onClick={() => setAnswers({})}>
              {words.previewReset}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
