import { Alert, Button, Group, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { en } from '../../../i18n/en.ts';
import { conditionOperators, hasOptions, type ConditionDraft, type ConditionOperator, type FieldDraft } from './field-draft.ts';

const words = en.admin.builder;

interface ConditionEditorProps {
  /** The questions above this one: only they may decide whether it shows. */
  earlier: FieldDraft[];
  condition: ConditionDraft | null;
  looksBelow: boolean;
  error: string | undefined;
  onChange: (condition: ConditionDraft | null) => void;
}

const needsValue = (operator: ConditionOperator) => operator !== 'isAnswered' && operator !== 'isNotAnswered';

/** "Show only when <earlier question> <is / is not / is one of / is answered> <answer>". */
export function ConditionEditor({ earlier, condition, looksBelow, error, onChange }: ConditionEditorProps) {
  if (condition === null) {
    return (
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {words.always}
        </Text>
        {earlier.length > 0 ? (
          <Button size="xs" variant="light" onClick={() => onChange({ kind: 'simple', fieldUid: earlier[earlier.length - 1]!.uid, operator: 'equals', values: [] })}>
            {words.addCondition}
          </Button>
        ) : (
          <Text size="xs" c="dimmed">
            {words.noEarlierField}
          </Text>
        )}
      </Group>
    );
  }

  if (condition.kind === 'kept') {
    return (
      <Group gap="xs" justify="space-between">
        <Text size="sm">{words.keptCondition(JSON.stringify(condition.condition))}</Text>
        <Button size="xs" variant="subtle" onClick={() => onChange(null)}>
          {words.removeCondition}
        </Button>
      </Group>
    );
  }

  const target = earlier.find((field) => field.uid === condition.fieldUid);
  const choices = target && hasOptions(target.type) ? target.options.map((option) => ({ value: option.value, label: option.label || option.value })) : null;
  const fieldData = earlier.map((field) => ({ value: field.uid, label: field.label || field.name }));
  if (!target && looksBelow) fieldData.push({ value: condition.fieldUid, label: words.untitled });
  const set = (change: Partial<Extract<ConditionDraft, { kind: 'simple' }>>) => onChange({ ...condition, ...change });

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {words.condition}
      </Text>
      <Group gap="xs" align="flex-start" wrap="wrap">
        <Select
          label={words.conditionField}
          data={fieldData}
          value={condition.fieldUid}
          allowDeselect={false}
          onChange={(uid) => uid && set({ fieldUid: uid, values: [] })}
          w={220}
        />
        <Select
          label={words.conditionOperator}
          data={conditionOperators.map((operator) => ({ value: operator, label: words.operators[operator] }))}
          value={condition.operator}
          allowDeselect={false}
          onChange={(operator) => operator && set({ operator: operator as ConditionOperator, values: operator === 'in' ? condition.values : condition.values.slice(0, 1) })}
          w={160}
        />
        {needsValue(condition.operator) &&
          (condition.operator === 'in' ? (
            choices ? (
              <MultiSelect label={words.conditionValues} data={choices} value={condition.values} onChange={(values) => set({ values })} w={260} />
            ) : (
              <TextInput
                label={words.conditionValues}
                description={words.valuesHelp}
                value={condition.values.join(', ')}
                onChange={(event) => set({ values: event.currentTarget.value.split(',').map((value) => value.trim()) })}
                w={260}
              />
            )
          ) : choices ? (
            <Select label={words.conditionValue} data={choices} value={condition.values[0] ?? null} onChange={(value) => set({ values: value ? [value] : [] })} w={220} />
          ) : (
            <TextInput label={words.conditionValue} value={condition.values[0] ?? ''} onChange={(event) => set({ values: [event.currentTarget.value] })} w={220} />
          ))}
      </Group>
      {looksBelow && (
        <Alert color="orange" p="xs">
          {words.conditionBelow}
        </Alert>
      )}
      {error && (
        <Text size="sm" c="red" role="alert">
          {en.form.fieldMessage(error)}
        </Text>
      )}
      <Group>
        <Button size="xs" variant="subtle" onClick={() => onChange(null)}>
          {words.removeCondition}
        </Button>
      </Group>
    </Stack>
  );
}
