import { ActionIcon, Button, Group, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { en } from '../../i18n/en.ts';
import type { ManagedService } from '../api/types.ts';
import { newWorkflowStep, withoutStep, withStepKey, type WorkflowStepDraft } from './service-draft.ts';

const words = en.admin.workflow;

interface WorkflowSectionProps {
  steps: WorkflowStepDraft[];
  /** Services a step may open: any other service (the API checks each). */
  services: ManagedService[];
  serviceId: string | undefined;
  problems: { field: string; reason: string }[];
  onChange: (steps: WorkflowStepDraft[]) => void;
}

/** The linked requests a request opens in other teams, each after the steps it waits for. */
export function WorkflowSection({ steps, services, serviceId, problems, onChange }: WorkflowSectionProps) {
  const set = (uid: string, change: Partial<WorkflowStepDraft>) => onChange(steps.map((step) => (step.uid === uid ? { ...step, ...change } : step)));
  const serviceData = services.filter((service) => service.id !== serviceId).map((service) => ({ value: service.id, label: `${service.name} (${service.team.name})` }));
  const messageAt = (index: number, setting: string) =>
    problems
      .filter((item) => item.field === `body.workflow.${index}.${setting}` || item.field.startsWith(`body.workflow.${index}.${setting}.`))
      .map((item) => en.form.fieldMessage(item.reason))
      .join('; ') || undefined;
  const whole = problems.filter((item) => !/^body\.workflow\.\d+\.(key|serviceId|after)/.test(item.field));

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {words.help}
      </Text>
      {steps.length === 0 && <Text size="sm">{words.none}</Text>}
      {steps.map((step, index) => (
        <Group key={step.uid} align="flex-start" wrap="wrap" gap="xs">
          <TextInput label={words.key(index + 1)} value={step.key} error={messageAt(index, 'key')} onChange={(event) => onChange(withStepKey(steps, step.uid, event.currentTarget.value))} w={160} styles={{ input: { fontFamily: 'monospace' } }} />
          <Select label={words.service(index + 1)} data={serviceData} searchable value={step.serviceId} error={messageAt(index, 'serviceId')} onChange={(id) => set(step.uid, { serviceId: id })} w={300} />
          <MultiSelect
            label={words.after(index + 1)}
            placeholder={step.after.length === 0 ? words.atOnce : undefined}
            data={steps.filter((other) => other.uid !== step.uid && other.key).map((other) => other.key)}
            value={step.after}
            error={messageAt(index, 'after')}
            onChange={(after) => set(step.uid, { after })}
            w={260}
          />
          <ActionIcon variant="light" color="red" size="lg" mt={25} aria-label={words.remove(index + 1)} onClick={() => onChange(withoutStep(steps, step.uid))}>
            ×
          </ActionIcon>
        </Group>
      ))}
      {whole.map((item) => (
        <Text key={`${item.field}:${item.reason}`} size="sm" c="red" role="alert">
          {en.form.fieldMessage(item.reason)}
        </Text>
      ))}
      <Group>
        <Button size="xs" variant="light" onClick={() => onChange([...steps, newWorkflowStep(steps.map((step) => step.key))])}>
          {words.add}
        </Button>
      </Group>
    </Stack>
  );
}
