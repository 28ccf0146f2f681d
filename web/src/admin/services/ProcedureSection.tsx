import { ActionIcon, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { en } from '../../i18n/en.ts';
import { move } from './form-builder/field-draft.ts';
import { newStep, type StepDraft } from './service-draft.ts';

const words = en.admin.editor;

interface ProcedureSectionProps {
  steps: StepDraft[];
  error: string | undefined;
  onChange: (steps: StepDraft[]) => void;
}

/** The team's checklist for each request made through the service. */
export function ProcedureSection({ steps, error, onChange }: ProcedureSectionProps) {
  const set = (uid: string, change: Partial<StepDraft>) => onChange(steps.map((step) => (step.uid === uid ? { ...step, ...change } : step)));
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {words.procedureHelp}
      </Text>
      {steps.length === 0 && <Text size="sm">{words.noSteps}</Text>}
      {steps.map((step, index) => (
        <Group key={step.uid} align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={4} style={{ flex: 1 }}>
            <TextInput label={words.stepTitle(index + 1)} required value={step.title} onChange={(event) => set(step.uid, { title: event.currentTarget.value })} />
            <Textarea label={words.stepDescription(index + 1)} autosize minRows={1} value={step.description} onChange={(event) => set(step.uid, { description: event.currentTarget.value })} />
          </Stack>
          <Group gap={4} mt={24} wrap="nowrap">
            <ActionIcon variant="default" size="lg" aria-label={words.moveStepUp(index + 1)} disabled={index === 0} onClick={() => onChange(move(steps, index, index - 1))}>
              ↑
            </ActionIcon>
            <ActionIcon variant="default" size="lg" aria-label={words.moveStepDown(index + 1)} disabled={index === steps.length - 1} onClick={() => onChange(move(steps, index, index + 1))}>
              ↓
            </ActionIcon>
            <ActionIcon variant="light" color="red" size="lg" aria-label={words.removeStep(index + 1)} onClick={() => onChange(steps.filter((item) => item.uid !== step.uid))}>
              ×
            </ActionIcon>
          </Group>
        </Group>
      ))}
      {error && (
        <Text size="sm" c="red" role="alert">
          {en.form.fieldMessage(error)}
        </Text>
      )}
      <Group>
        <Button size="xs" variant="light" onClick={() => onChange([...steps, newStep()])}>
          {words.addStep}
        </Button>
      </Group>
    </Stack>
  );
}
