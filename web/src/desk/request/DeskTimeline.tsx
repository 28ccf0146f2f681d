import { Badge, Button, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { TimelineEntry } from '../../api/types.ts';
import { EmptyState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { dateTimeWords } from '../../i18n/format.ts';
import { useMailSources } from '../api/request-mail-queries.ts';
import { MailMessageModal } from './MailMessageModal.tsx';
import { mailByTimelineEntry } from './request-mail.ts';
import { deskEventBody, deskEventTitle, type Names } from './timeline-words.ts';

/** The whole timeline, newest last; internal entries on a yellow ground with an "Internal" badge. */
export function DeskTimeline({ requestKey, entries, names }: { requestKey: string; entries: TimelineEntry[]; names: Names }) {
  // Which entries came by mail, so each can offer the whole message behind it.
  const sources = useMailSources(requestKey);
  const mailOfEntry = useMemo(() => mailByTimelineEntry(entries, sources.data ?? []), [entries, sources.data]);
  const [openMessage, setOpenMessage] = useState<string | null>(null);
  return (
    <Stack gap="xs" component="section" aria-labelledby="timeline-title">
      <Title order={2} size="h4" id="timeline-title">
        {en.desk.request.timeline}
      </Title>
      {entries.length === 0 ? (
        <EmptyState>{en.desk.request.timelineEmpty}</EmptyState>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={entries.length - 1} data-testid="timeline">
          {entries.map((entry) => {
            const internal = entry.visibility === 'internal';
            const body = deskEventBody(entry);
            return (
              <Timeline.Item
                key={entry.id}
                color={internal ? 'yellow' : undefined}
                data-visibility={entry.visibility}
                data-kind={entry.kind}
                title={
                  <Group gap="xs">
                    <Text fw={600} size="sm">
                      {deskEventTitle(entry, names)}
                    </Text>
                    {internal && (
                      <Badge color="yellow" variant="light" tt="none" size="sm">
                        {en.desk.request.internal}
                      </Badge>
                    )}
                  </Group>
                }
              >
                <Text size="xs" c="dimmed">
                  {`${entry.actor?.name ?? en.events.someone} · ${dateTimeWords(entry.occurredAt)}`}
                </Text>
                {body && (
                  <Text
                    size="sm"
                    mt={4}
                    p={internal ? 'xs' : undefined}
                    bg={internal ? 'var(--mantine-color-yellow-0)' : undefined}
                    style={{ whiteSpace: 'pre-wrap', borderRadius: 4 }}
                  >
                    {body}
                  </Text>
                )}
                {mailOfEntry.has(entry.id) && (
                  <Button
                    variant="subtle"
                    size="compact-xs"
                    mt={4}
                    aria-label={en.desk.request.mail.showLabel(entry.actor?.name ?? en.events.someone, dateTimeWords(entry.occurredAt))}
                    onClick={() => setOpenMessage(mailOfEntry.get(entry.id) ?? null)}
                  >
                    {en.desk.request.mail.show}
                  </Button>
                )}
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
      <MailMessageModal requestKey={requestKey} messageId={openMessage} onClose={() => setOpenMessage(null)} />
    </Stack>
  );
}
