import { Radio, Stack } from '@mantine/core';
import type { Recognition } from '../../api/types.ts';
import { en } from '../../i18n/en.ts';

/** Public or private thanks, as a radio group (arrow keys move between the two). */
export function RecognitionChoice({
  value,
  onChange,
  error,
  label = en.recognition.label,
}: {
  value: Recognition | null;
  onChange: (value: Recognition) => void;
  error?: string | undefined;
  label?: string;
}) {
  return (
    <Radio.Group label={label} value={value ?? ''} onChange={(next) => onChange(next === 'public' ? 'public' : 'private')} error={error}>
      <Stack gap="sm" mt="xs">
        <Radio value="public" label={en.recognition.public} description={en.recognition.publicHint} />
        <Radio value="private" label={en.recognition.private} description={en.recognition.privateHint} />
      </Stack>
    </Radio.Group>
  );
}
