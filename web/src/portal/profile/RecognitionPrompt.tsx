import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useSetRecognition } from '../../api/queries.ts';
import type { Recognition } from '../../api/types.ts';
import { errorMessage } from '../../components/error-message.ts';
import { en } from '../../i18n/en.ts';
import { RecognitionChoice } from './RecognitionChoice.tsx';

/** The one question asked after the first sign-in. Closing it in any way means "ask me later". */
export function RecognitionPrompt({ onAskLater }: { onAskLater: () => void }) {
  const [choice, setChoice] = useState<Recognition | null>(null);
  const [pickFirst, setPickFirst] = useState(false);
  const save = useSetRecognition();

  return (
    <Modal opened onClose={onAskLater} title={en.recognition.question} centered closeButtonProps={{ 'aria-label': en.recognition.close }}>
      <Stack gap="md">
        <Text size="sm">{en.recognition.intro}</Text>
        {save.isError && (
          <Alert color="red" role="alert" title={en.recognition.failed}>
            <Text size="sm">{errorMessage(save.error)}</Text>
          </Alert>
        )}
        <RecognitionChoice
          value={choice}
          onChange={(value) => {
            setChoice(value);
            setPickFirst(false);
          }}
          error={pickFirst ? en.recognition.pickFirst : undefined}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onAskLater}>
            {en.recognition.later}
          </Button>
          <Button loading={save.isPending} onClick={() => (choice ? save.mutate(choice) : setPickFirst(true))}>
            {en.recognition.save}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
