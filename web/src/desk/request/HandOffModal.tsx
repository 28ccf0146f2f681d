import { Alert, Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../components/error-message.ts';
import { en } from '../../i18n/en.ts';
import { useHandOff, useTeams } from '../api/desk-queries.ts';

interface HandOffModalProps {
  opened: boolean;
  onClose: () => void;
  requestKey: string;
  version: number;
  currentTeam: string;
  onHandedOff: (teamName: string) => void;
}

/** Hand the request to another team; the reason is required and goes on the timeline for them. */
export function HandOffModal({ opened, onClose, requestKey, version, currentTeam, onHandedOff }: HandOffModalProps) {
  const teams = useTeams();
  const change = useHandOff();
  const [team, setTeam] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const words = en.desk.handOff;
  const options = (teams.data ?? []).filter((candidate) => candidate.slug !== currentTeam).map((candidate) => ({ value: candidate.slug, label: candidate.name }));

  const submit = () => {
    setTried(true);
    if (!team || reason.trim() === '') return;
    const name = options.find((option) => option.value === team)?.label ?? team;
    // The promise, not mutate's callbacks: a live update may reload the request page, now 404 for
    // an agent of the old team only, and unmount this dialog before the callbacks would run.
    change.mutateAsync({ key: requestKey, version, team, reason: reason.trim() }).then(
      () => onHandedOff(name),
      () => undefined, // shown from change.error; the typed reason stays
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={words.title} closeButtonProps={{ 'aria-label': words.cancel }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Select
            label={words.team}
            placeholder={words.teamPlaceholder}
            data={options}
            value={team}
            onChange={setTeam}
            withAsterisk
            error={tried && !team ? words.teamRequired : undefined}
            comboboxProps={{ withinPortal: true }}
          />
          <Textarea
            label={words.reason}
            description={words.reasonHint}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            withAsterisk
            autosize
            minRows={3}
            error={tried && reason.trim() === '' ? words.reasonRequired : undefined}
          />
          {change.isError && (
            <Alert color="red" role="alert">
              {errorMessage(change.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {words.cancel}
            </Button>
            <Button type="submit" loading={change.isPending}>
              {words.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
