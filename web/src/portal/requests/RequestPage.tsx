import { Anchor, Breadcrumbs, Group, List, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useMe, useRequest } from '../../api/queries.ts';
import type { RequestDetail } from '../../api/types.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { dateTimeWords } from '../../i18n/format.ts';
import { clockWords } from './clock-words.ts';
import { RequestFiles } from '../../attachments/RequestFiles.tsx';
import { ReplyForm } from './ReplyForm.tsx';
import { RequestAnswers } from './RequestAnswers.tsx';
import { ResolvedChoice } from './ResolvedChoice.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { eventBody, eventTitle } from './timeline-words.ts';
import { FactGrid } from '../../components/FactGrid.tsx';

function Facts({ request }: { request: RequestDetail }) {
  const facts: [string, string][] = [
    [en.request.team, request.team.name],
    ...(request.service ? [[en.request.service, request.service.name] as [string, string]] : []),
    [en.request.opened, dateTimeWords(request.createdAt)],
    [en.request.assignee, request.assignee?.name ?? en.request.nobodyYet],
  ];
  return (
    <FactGrid facts={facts} />
  );
}

/** One request as its requester sees it: status, when to expect what, the public timeline and a reply. */
export function RequestPage() {
  const { key = '' } = useParams();
  const request = useRequest(key);
  const me = useMe();
  const isRequester = request.data !== undefined && me.data?.id === request.data.requester.id;
  const publicTimeline = request.data?.timeline.filter((entry) => entry.visibility === 'public') ?? [];

  return (
    <Stack gap="lg" maw={820}>
      <Breadcrumbs>
        <Anchor component={Link} to="/requests">
          {en.request.back}
        </Anchor>
        <Text>{key}</Text>
      </Breadcrumbs>
      {request.isPending && <LoadingState />}
      {request.isError && <ErrorState error={request.error} onRetry={() => void request.refetch()} />}
      {request.isSuccess && (
        <>
          <Group justify="space-between" align="flex-start">
            <Title order={1}>{`${request.data.key}: ${request.data.subject}`}</Title>
            <StatusBadge status={request.data.status} />
          </Group>
          <Facts request={request.data} />
          {isRequester && <ResolvedChoice request={request.data} />}
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="due-title">
            <Title order={2} size="h4" id="due-title" mb="xs">
              {en.request.dueTitle}
            </Title>
            {request.data.sla.length === 0 ? (
              <Text c="dimmed">{en.request.noClocks}</Text>
            ) : (
              <List>
                {request.data.sla.map((clock) => (
                  <List.Item key={clock.metric}>{clockWords(clock)}</List.Item>
                ))}
              </List>
            )}
          </Paper>
          {request.data.description && (
            <Stack gap="xs" component="section" aria-labelledby="description-title">
              <Title order={2} size="h4" id="description-title">
                {en.request.description}
              </Title>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{request.data.description}</Text>
            </Stack>
          )}
          {request.data.service && <RequestAnswers requestKey={request.data.key} />}
          <Stack gap="xs" component="section" aria-labelledby="timeline-title">
            <Title order={2} size="h4" id="timeline-title">
              {en.request.timeline}
            </Title>
            {publicTimeline.length === 0 ? (
              <EmptyState>{en.request.timelineEmpty}</EmptyState>
            ) : (
              <Timeline bulletSize={14} lineWidth={2} active={publicTimeline.length - 1}>
                {publicTimeline.map((entry) => (
                  <Timeline.Item key={entry.id} title={eventTitle(entry)}>
                    <Text size="xs" c="dimmed">
                      {`${entry.actor?.name ?? en.events.someone} · ${dateTimeWords(entry.occurredAt)}`}
                    </Text>
                    {eventBody(entry) && (
                      <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                        {eventBody(entry)}
                      </Text>
                    )}
                  </Timeline.Item>
                ))}
              </Timeline>
            )}
          </Stack>
          <RequestFiles requestKey={request.data.key} canAttach={request.data.status !== 'closed'} />
          <ReplyForm requestKey={request.data.key} closed={request.data.status === 'closed'} />
        </>
      )}
    </Stack>
  );
}
