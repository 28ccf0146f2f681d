import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { en } from '../../i18n/en.ts';

/**
 * Asks before leaving a page with unsaved changes: a link inside the app gets a dialog, closing or
 * reloading the tab gets the browser's own question. `hasChanges` is asked at the moment of leaving.
 */
export function LeaveGuard({ hasChanges }: { hasChanges: () => boolean }) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname && hasChanges());

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (hasChanges()) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [hasChanges]);

  return (
    <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title={en.admin.leave.title}>
      <Text size="sm">{en.admin.leave.text}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => blocker.proceed?.()}>
          {en.admin.leave.leave}
        </Button>
        <Button onClick={() => blocker.reset?.()} data-autofocus>
          {en.admin.leave.stay}
        </Button>
      </Group>
    </Modal>
  );
}
