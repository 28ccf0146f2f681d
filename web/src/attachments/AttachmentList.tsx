import { Anchor, Badge, Group, List, Text } from '@mantine/core';
import { en } from '../i18n/en.ts';
import type { Attachment } from './attachments-api.ts';
import { sizeWords } from './file-size.ts';

/** A request's files, each a download link (the API always sends them as downloads). */
export function AttachmentList({ items }: { items: Attachment[] }) {
  if (items.length === 0) return <Text c="dimmed" size="sm">{en.attachments.none}</Text>;
  return (
    <List spacing={4} listStyleType="none" ml={0} pl={0}>
      {items.map((item) => (
        <List.Item key={item.id}>
          <Group gap="xs" wrap="wrap">
            <Anchor href={item.contentUrl} download={item.fileName} aria-label={en.attachments.download(item.fileName)}>
              {item.fileName}
            </Anchor>
            <Text size="sm" c="dimmed">
              {sizeWords(item.size)} · {en.attachments.by(item.uploadedBy.name)}
            </Text>
            {item.visibility === 'internal' && (
              <Badge size="sm" color="yellow" variant="light">
                {en.attachments.internal}
              </Badge>
            )}
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
