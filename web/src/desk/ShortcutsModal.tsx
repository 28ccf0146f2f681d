import { Button, Kbd, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { en } from '../i18n/en.ts';

const words = en.desk.shortcuts;

const groups: { title: string; keys: [string[], string][] }[] = [
  {
    title: words.queue,
    keys: [
      [['j'], words.down],
      [['k'], words.up],
      [['Enter', 'o'], words.open],
      [['x'], words.select],
    ],
  },
  {
    title: words.request,
    keys: [
      [['r'], words.reply],
      [['n'], words.note],
      [['a'], words.assignMe],
      [['h'], words.handOff],
    ],
  },
  { title: '', keys: [[['?'], words.help]] },
];

export function ShortcutsButton({ onOpen }: { onOpen: () => void }) {
  return (
    <Button variant="default" size="xs" onClick={onOpen} rightSection={<Kbd size="xs">?</Kbd>}>
      {en.desk.request.shortcutsButton}
    </Button>
  );
}

/** The desk's keyboard shortcuts, opened with "?" or its button. */
export function ShortcutsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={words.title} closeButtonProps={{ 'aria-label': words.close }}>
      <Stack gap="md">
        {groups.map((group) => (
          <Stack gap={4} key={group.title || 'general'}>
            {group.title && (
              <Title order={3} size="h6">
                {group.title}
              </Title>
            )}
            <Table>
              <Table.Tbody>
                {group.keys.map(([keys, action]) => (
                  <Table.Tr key={action}>
                    <Table.Td w={120}>
                      {keys.map((key, index) => (
                        <span key={key}>
                          {index > 0 && ` ${words.or} `}
                          <Kbd>{key}</Kbd>
                        </span>
                      ))}
                    </Table.Td>
                    <Table.Td>{action}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
        <Text size="sm" c="dimmed">
          {words.hint}
        </Text>
      </Stack>
    </Modal>
  );
}
