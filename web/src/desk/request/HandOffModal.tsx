import { Alert, Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../components/error-message.ts';
import { en } from '../../i18n/en.ts';
import { useChangeRequest, useTeams } from '../api/desk-queries.ts';

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
  const change = useChangeRequest();
  const [team, setTeam] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const words = en.desk.handOff;
  const options = (teams.data ?? []).filter((candidate) => candidate.slug !== currentTeam).map((candidate) => ({ value: candidate.slug, label: candidate.name }));

  const submit = () => {
    setTried(true);
    if (!team || reason.trim() === '') return;
    change.mutate(
      { key: requestKey, version, team, reason: reason.trim() },
      {
        onSuccess: () => {
          const name = options.find((option) => option.value === team)?.label ?? team;
          setReason('');
          setTeam(null);
          setTried(false);
          onHandedOff(name);
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={words.title}>
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
            searchable
            required
            error={tried && !team ? words.teamRequired : undefined}
            comboboxProps={{ withinPortal: true }}
            data-autofocus
          />
          <Textarea
            label={words.reason}
            description={words.reasonHint}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            required
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
