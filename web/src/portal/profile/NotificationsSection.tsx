import { Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { errorMessage } from '../../components/error-message.ts';
import { ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { switchesFrom } from './notification-switches.ts';
import { useMyNotifications, useSetNotification } from './notifications-api.ts';

/** One switch per kind of mail, each saved as it is flipped; the result is announced politely. */
export function NotificationsSection() {
  const preferences = useMyNotifications();
  const save = useSetNotification();
  const words = en.notifications;
  const pending = save.isPending ? save.variables : undefined;
  const lastSaved = save.isSuccess ? switchesFrom(save.data.items).find((item) => item.kind === save.variables.kind) : undefined;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="notifications-title" id="notifications">
      <Stack gap="sm">
        <Title order={2} size="h4" id="notifications-title">
          {words.title}
        </Title>
        <Text size="sm">{words.intro}</Text>
        {preferences.isPending && <LoadingState />}
        {preferences.isError && <ErrorState error={preferences.error} onRetry={() => void preferences.refetch()} />}
        {preferences.isSuccess &&
          switchesFrom(preferences.data.items).map((item) => (
            <Switch
              key={item.kind}
              label={item.label}
              description={item.description}
              checked={pending?.kind === item.kind ? pending.enabled : item.checked}
              disabled={item.locked || save.isPending}
              onChange={(event) => save.mutate({ kind: item.kind, enabled: event.currentTarget.checked })}
            />
          ))}
        <Text size="sm" role="status" aria-live="polite" c={save.isError ? 'red.8' : undefined}>
          {save.isPending ? words.saving : save.isError ? `${words.failed} ${errorMessage(save.error)}` : lastSaved ? words.saved(lastSaved.label, lastSaved.checked) : ''}
        </Text>
      </Stack>
    </Paper>
  );
}
