import { NumberInput, Table } from '@mantine/core';
import { en } from '../../i18n/en.ts';
import { priorities } from '../api/types.ts';
import { targetMetrics, type TargetsDraft } from './targets-draft.ts';

const words = en.admin.sla;

/** Minutes per priority and metric, one input per cell, each labelled with both. */
export function TargetsGrid({ draft, onChange, error }: { draft: TargetsDraft; onChange: (draft: TargetsDraft) => void; error?: string | undefined }) {
  return (
    <>
      <Table.ScrollContainer minWidth={520}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{words.priority}</Table.Th>
              {targetMetrics.map((metric) => (
                <Table.Th key={metric}>{words.metrics[metric]}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {priorities.map((priority) => (
              <Table.Tr key={priority}>
                <Table.Th scope="row">{en.admin.priorities[priority]}</Table.Th>
                {targetMetrics.map((metric) => (
                  <Table.Td key={metric}>
                    <NumberInput
                      aria-label={words.cell(words.metrics[metric], en.admin.priorities[priority])}
                      min={1}
                      allowDecimal={false}
                      value={draft[priority][metric] ?? ''}
                      onChange={(value) => onChange({ ...draft, [priority]: { ...draft[priority], [metric]: typeof value === 'number' ? value : undefined } })}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {error && (
        <div role="alert" style={{ color: 'var(--mantine-color-error)', fontSize: 'var(--mantine-font-size-sm)' }}>
          {en.form.fieldMessage(error)}
        </div>
      )}
    </>
  );
}
