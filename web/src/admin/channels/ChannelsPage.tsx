import { Anchor, Breadcrumbs, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { en } from '../../i18n/en.ts';
import { InboundHooksPanel } from './InboundHooksPanel.tsx';
import { InboundMailPanel } from './InboundMailPanel.tsx';
import { OutboxPanel } from './OutboxPanel.tsx';
import { WebhooksPanel } from './WebhooksPanel.tsx';

const words = en.admin.channels;

/**
 * /admin/channels: what came in and could not be filed, what went out, and the webhooks both ways. Each
 * team's own address and chat apps are on its page (/admin/teams/:slug/channels).
 */
export function ChannelsPage() {
  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/admin">
          {en.admin.back}
        </Anchor>
        <Text>{words.title}</Text>
      </Breadcrumbs>
      <div>
        <Title order={1}>{words.title}</Title>
        <Text size="sm" c="dimmed">
          {words.section.text}
        </Text>
      </div>
      {(
        [
          ['inbound-title', words.inbound.title, <InboundMailPanel key="inbound" />],
          ['outbox-title', words.outbox.title, <OutboxPanel key="outbox" />],
          ['webhooks-title', words.webhooks.title, <WebhooksPanel key="webhooks" />],
          ['inbound-hooks-title', words.inboundHooks.title, <InboundHooksPanel key="inbound-hooks" />],
        ] as const
      ).map(([id, title, panel]) => (
        <Paper key={id} withBorder p="md" radius="md" component="section" aria-labelledby={id}>
          <Title order={2} size="h3" id={id} mb="sm">
            {title}
          </Title>
          {panel}
        </Paper>
      ))}
    </Stack>
  );
}
