import { Alert, Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError, fieldMessages } from '../../api/problem.ts';
import { en } from '../../i18n/en.ts';
import { useSavePolicy } from '../api/sla.ts';
import type { SlaPolicy, Team } from '../api/types.ts';
import { targetsDraft, targetsFromDraft } from './targets-draft.ts';
import { TargetsGrid } from './TargetsGrid.tsx';
import { SaveFailedAlert } from '../components/SaveFailedAlert.tsx';

const words = en.admin.sla;
const shown = (message: string | undefined) => message && en.form.fieldMessage(message);

/** A new SLA policy (policy undefined) or changes to one; the team is fixed once it exists. */
export function PolicyForm({ policy, teams, onDone }: { policy: SlaPolicy | undefined; teams: Team[]; onDone: () => void }) {
  const save = useSavePolicy();
  const [team, setTeam] = useState(policy?.team.slug ?? teams[0]?.slug ?? '');
  const [name, setName] = useState(policy?.name ?? '');
  const [warnAt, setWarnAt] = useState<number | undefined>(policy?.warnAtPercent ?? 80);
  const [notifyLead, setNotifyLead] = useState(policy?.escalation.notifyLead ?? true);
  const [raisePriority, setRaisePriority] = useState(policy?.escalation.raisePriority ?? false);
  const [targets, setTargets] = useState(() => targetsDraft(policy?.targets));
  const messages = save.error instanceof ApiError ? fieldMessages(save.error.problem, 'body.') : {};

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { id: policy?.id ?? null, body: { team, name, targets: targetsFromDraft(targets), warnAtPercent: warnAt ?? 0, escalation: { notifyLead, raisePriority } } },
      { onSuccess: onDone },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <SaveFailedAlert error={save.error} fieldMessages={messages} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={words.name} required value={name} error={shown(messages.name)} onChange={(event) => setName(event.currentTarget.value)} />
          <Select
            label={words.team}
            required
            disabled={policy !== undefined}
            data={teams.map((item) => ({ value: item.slug, label: item.name }))}
            value={team || null}
            allowDeselect={false}
            error={shown(messages.team)}
            onChange={(next) => next && setTeam(next)}
          />
          <NumberInput label={words.warnAt} min={1} max={99} allowDecimal={false} value={warnAt ?? ''} error={shown(messages.warnAtPercent)} onChange={(value) => setWarnAt(typeof value === 'number' ? value : undefined)} />
        </SimpleGrid>
        <TargetsGrid draft={targets} onChange={setTargets} error={messages.targets} />
        <Group gap="xl">
          <Checkbox label={words.notifyLead} checked={notifyLead} onChange={(event) => setNotifyLead(event.currentTarget.checked)} />
          <Checkbox label={words.raisePriority} checked={raisePriority} onChange={(event) => setRaisePriority(event.currentTarget.checked)} />
        </Group>
        {save.isSuccess && (
          <Alert color="green" role="status">
            {words.saved}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {policy ? words.save : words.create}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
