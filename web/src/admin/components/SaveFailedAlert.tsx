import { Alert, Text } from '@mantine/core';
import { ApiError } from '../../api/problem.ts';
import { errorMessage } from '../../components/error-message.ts';
import { en } from '../../i18n/en.ts';

interface SaveFailedAlertProps {
  error: Error | null;
  /** The field messages the form shows beside its fields: when there are any, they say why, so the alert only titles. */
  fieldMessages: Record<string, string>;
}

/** Above a console form whose save failed: refused for lack of rights, or not saved (what was typed stays). */
export function SaveFailedAlert({ error, fieldMessages }: SaveFailedAlertProps) {
  if (!error) return null;
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <Alert color="red" role="alert" title={forbidden ? en.admin.forbidden : en.admin.notSaved}>
      {Object.keys(fieldMessages).length === 0 && <Text size="sm">{errorMessage(error)}</Text>}
    </Alert>
  );
}
