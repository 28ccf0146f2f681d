import { Select, SimpleGrid, Stack } from '@mantine/core';
import { en } from '../../i18n/en.ts';
import type { Approver, SlaPolicy } from '../api/types.ts';
import { PersonSelect } from '../components/PersonSelect.tsx';
import type { ServiceDraft } from './service-draft.ts';

const words = en.admin.editor;
const approverChoices: (Approver | 'none')[] = ['none', 'manager', 'team_lead', 'person'];

interface ApprovalSectionProps {
  draft: ServiceDraft;
  /** The SLA policies the caller can read; only the owning team's fit the service. */
  policies: SlaPolicy[];
  messages: Record<string, string>;
  onChange: (change: Partial<ServiceDraft>) => void;
}

const shown = (message: string | undefined) => message && en.form.fieldMessage(message);

/** Who approves before work starts, and which of the team's SLA policies applies. */
export function ApprovalSection({ draft, policies, messages, onChange }: ApprovalSectionProps) {
  const teamPolicies = policies.filter((policy) => policy.team.slug === draft.team);
  const policyData = [{ value: '', label: words.noSlaPolicy }, ...teamPolicies.map((policy) => ({ value: policy.id, label: policy.name }))];
  if (draft.slaPolicyId && !teamPolicies.some((policy) => policy.id === draft.slaPolicyId)) {
    // A policy the caller cannot read (or of another team) stays chosen, so saving does not drop it silently.
    policyData.push({ value: draft.slaPolicyId, label: draft.slaPolicyId });
  }
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={words.approval}
          data={approverChoices.map((choice) => ({ value: choice, label: words.approvers[choice] }))}
          value={draft.approver}
          allowDeselect={false}
          error={shown(messages.approval && draft.approver !== 'person' ? messages.approval : undefined)}
          onChange={(approver) => approver && onChange({ approver: approver as Approver | 'none' })}
        />
        {draft.approver === 'person' && (
          <PersonSelect
            label={words.approvalPerson}
            required
            value={draft.approvalPerson}
            error={shown(messages.approval)}
            onChange={(approvalPerson) => onChange({ approvalPerson })}
          />
        )}
      </SimpleGrid>
      <Select
        label={words.slaPolicy}
        description={words.slaPolicyHelp}
        data={policyData}
        value={draft.slaPolicyId ?? ''}
        allowDeselect={false}
        error={shown(messages.slaPolicyId)}
        onChange={(id) => onChange({ slaPolicyId: id ? id : null })}
      />
    </Stack>
  );
}
