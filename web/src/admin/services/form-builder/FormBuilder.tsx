import { Button, Menu, Stack, Text } from '@mantine/core';
import { en } from '../../../i18n/en.ts';
import type { FieldProblemAt } from '../service-draft.ts';
import { conditionLooksBelow, fieldKinds, move, newField, withOptionsOf, withoutField, type FieldDraft } from './field-draft.ts';
import { FieldEditor } from './FieldEditor.tsx';

const words = en.admin.builder;

interface FormBuilderProps {
  fields: FieldDraft[];
  problems: Record<string, FieldProblemAt[]>;
  onChange: (fields: FieldDraft[]) => void;
}

/** The questions of a service's form, top to bottom: add one of any kind, move, remove, edit each. */
export function FormBuilder({ fields, problems, onChange }: FormBuilderProps) {
  const names = fields.map((field) => field.name);
  return (
    <Stack gap="md">
      {fields.length === 0 && (
        <Text size="sm" c="dimmed">
          {words.empty}
        </Text>
      )}
      {fields.map((field, index) => (
        <FieldEditor
          key={field.uid}
          field={field}
          position={index}
          count={fields.length}
          earlier={fields.slice(0, index)}
          otherNames={names.filter((_, at) => at !== index)}
          looksBelow={conditionLooksBelow(fields, index)}
          problems={problems[field.uid]}
          onChange={(changed) => onChange(fields.map((item) => (item.uid === field.uid ? changed : item)))}
          onOptionsChange={(options) => onChange(withOptionsOf(fields, field.uid, options))}
          onMove={(to) => onChange(move(fields, index, to))}
          onRemove={() => onChange(withoutField(fields, field.uid))}
        />
      ))}
      <Menu position="bottom-start">
        <Menu.Target>
          <Button variant="light" w="fit-content">
            {words.add}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {fieldKinds.map((kind) => (
            <Menu.Item key={kind} onClick={() => onChange([...fields, newField(kind, names)])}>
              {words.kinds[kind]}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Stack>
  );
}
