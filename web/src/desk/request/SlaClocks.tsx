import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { SlaClock } from '../../api/types.ts';
import { en } from '../../i18n/en.ts';
import { whenWords } from '../../i18n/format.ts';
import { useNow } from '../use-now.ts';
import { clockState, countdown } from './clock-state.ts';

function ClockLine({ clock, now }: { clock: SlaClock; now: Date }) {
  const metric = en.metrics[clock.metric];
  const state = clockState(clock, now);
  const words = en.desk.sla;
  switch (state.kind) {
    case 'running':
      return (
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm">{words.running(metric, countdown(state.leftMs), whenWords(state.dueAt, now))}</Text>
          <Badge variant="light" color="blue" tt="none" ff="monospace" aria-hidden style={{ flexShrink: 0, overflow: 'visible' }}>
            {countdown(state.leftMs)}
          </Badge>
        </Group>
      );
    case 'overdue':
      return (
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" c="red.9" fw={600}>
            {words.overdue(metric, countdown(state.overMs), whenWords(state.dueAt, now))}
          </Text>
          <Badge variant="light" color="red" tt="none" ff="monospace" aria-hidden style={{ flexShrink: 0, overflow: 'visible' }}>
            {`−${countdown(state.overMs)}`}
          </Badge>
        </Group>
      );
    case 'paused':
      return <Text size="sm">{words.paused(metric)}</Text>;
    case 'met':
      return <Text size="sm">{words.met(metric)}</Text>;
    case 'missed':
      return (
        <Text size="sm" c="red.9">
          {words.missed(metric)}
        </Text>
      );
    case 'stopped':
      return <Text size="sm">{words.stopped(metric)}</Text>;
  }
}

/** The request's clocks, ticking every second from the due instants the server gave. */
export function SlaClocks({ clocks }: { clocks: SlaClock[] }) {
  const now = useNow(1000);
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="sla-title">
      <Title order={2} size="h5" id="sla-title" mb="xs">
        {en.desk.sla.title}
      </Title>
      {clocks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {en.desk.sla.none}
        </Text>
      ) : (
        <Stack gap={6} data-testid="sla-clocks">
          {clocks.map((clock) => (
            <ClockLine key={clock.metric} clock={clock} now={now} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}
