import { Anchor, Badge, Breadcrumbs, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMe } from '../../api/queries.ts';
import type { RequestDetail } from '../../api/types.ts';
import { ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { dateTimeWords } from '../../i18n/format.ts';
import { useChangeRequest, useDeskRequest, useTeam, useTeams } from '../api/desk-queries.ts';
import { DeskStatusBadge, PriorityBadge } from '../DeskBadges.tsx';
import { inDialog } from '../hotkey-target.ts';
import { ShortcutsButton, ShortcutsModal } from '../ShortcutsModal.tsx';
import { ApprovalsPanel } from './ApprovalsPanel.tsx';
import { Checklist } from './Checklist.tsx';
import { Composer, type ComposerMode } from './Composer.tsx';
import { DeskAnswers } from './DeskAnswers.tsx';
import { DeskTimeline } from './DeskTimeline.tsx';
import { HandOffModal } from './HandOffModal.tsx';
import { LinkedRequests } from './LinkedRequests.tsx';
import { RequestArticlesPanel } from '../knowledge/RequestArticlesPanel.tsx';
import { RequestFiles } from '../../attachments/RequestFiles.tsx';
import { RequestActions } from './RequestActions.tsx';
import { SlaClocks } from './SlaClocks.tsx';
import type { Names } from './timeline-words.ts';

function Facts({ request }: { request: RequestDetail }) {
  const words = en.desk.request;
  const facts: [string, string][] = [
    [words.requester, request.requester.name],
    [words.opened, dateTimeWords(request.createdAt)],
    [words.updated, dateTimeWords(request.updatedAt)],
    ...(request.service ? [[words.service, request.service.name] as [string, string]] : []),
  ];
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs" component="dl" m={0}>
      {facts.map(([term, value]) => (
        <div key={term}>
          <Text component="dt" size="xs" c="dimmed">
            {term}
          </Text>
          <Text component="dd" m={0} size="sm">
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

/**
 * One request as the team works it: /desk/requests/:key. Keyed by the request, so going from one
 * request to another (a linked one) starts afresh: a draft, a reply/note switch, an open dialog or
 * an error of the last request never carries over to the next one.
 */
export function DeskRequestPage() {
  const { key = '' } = useParams();
  return <DeskRequest key={key} requestKey={key} />;
}

function DeskRequest({ requestKey: key }: { requestKey: string }) {
  const navigate = useNavigate();
  const me = useMe();
  const request = useDeskRequest(key);
  const teamSlug = request.data?.team.slug;
  const team = useTeam(teamSlug);
  const teams = useTeams();
  const change = useChangeRequest();
  const [mode, setMode] = useState<ComposerMode>('public');
  const [handOffOpen, setHandOffOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);

  const isAgentHere = Boolean(me.data && teamSlug && me.data.memberships.some((m) => m.team.slug === teamSlug));
  const members = useMemo(() => team.data?.members ?? [], [team.data]);
  const names: Names = useMemo(() => {
    const people = new Map<string, string>(members.map((member) => [member.person.id, member.person.name]));
    if (request.data?.assignee) people.set(request.data.assignee.id, request.data.assignee.name);
    if (request.data?.requester) people.set(request.data.requester.id, request.data.requester.name);
    const teamNames = new Map((teams.data ?? []).map((candidate) => [candidate.slug, candidate.name]));
    return { person: (id) => people.get(id), team: (slug) => teamNames.get(slug) };
  }, [members, request.data, teams.data]);

  const write = (next: ComposerMode) => {
    if (next === 'internal' && !isAgentHere) return;
    setMode(next);
    // After React has drawn the box for the new mode.
    window.setTimeout(() => textarea.current?.focus(), 0);
  };
  // Not from inside a dialog (e.g. on the handoff's buttons): "a" there must not assign the request behind it.
  const outsideDialogs = (act: () => void) => (event: KeyboardEvent) => {
    if (!inDialog(event)) act();
  };
  useHotkeys([
    ['r', outsideDialogs(() => write('public'))],
    ['n', outsideDialogs(() => write('internal'))],
    ['a', outsideDialogs(() => request.data && me.data && isAgentHere && change.mutate({ key, version: request.data.version, assigneeId: me.data.id }))],
    ['h', outsideDialogs(() => isAgentHere && setHandOffOpen(true))],
    ['shift+?', outsideDialogs(() => setShortcutsOpen(true))],
  ]);

  const back = teamSlug ?? me.data?.memberships[0]?.team.slug;
  return (
    <Stack gap="md">
      <Breadcrumbs>
        {back ? (
          <Anchor component={Link} to={`/desk/${encodeURIComponent(back)}`}>
            {en.desk.request.back(request.data?.team.name ?? back)}
          </Anchor>
        ) : (
          <Anchor component={Link} to="/desk">
            {en.desk.title}
          </Anchor>
        )}
        <Text>{key}</Text>
      </Breadcrumbs>
      {request.isPending && <LoadingState />}
      {request.isError && <ErrorState error={request.error} onRetry={() => void request.refetch()} />}
      {request.isSuccess && me.data && (
        <>
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <Stack gap={6}>
              <Title order={1}>{`${request.data.key}: ${request.data.subject}`}</Title>
              <Group gap={6}>
                <DeskStatusBadge status={request.data.status} />
                <PriorityBadge priority={request.data.priority} />
                <Badge variant="default" tt="none">
                  {request.data.team.name}
                </Badge>
                {request.data.confidential && (
                  <Badge color="red" variant="light" tt="none">
                    {en.desk.request.confidential}
                  </Badge>
                )}
              </Group>
            </Stack>
            <ShortcutsButton onOpen={() => setShortcutsOpen(true)} />
          </Group>
          <Facts request={request.data} />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 8 }}>
              <Stack gap="md">
                <Stack gap="xs" component="section" aria-labelledby="description-title">
                  <Title order={2} size="h4" id="description-title">
                    {en.desk.request.description}
                  </Title>
                  <Text style={{ whiteSpace: 'pre-wrap' }} c={request.data.description ? undefined : 'dimmed'}>
                    {request.data.description || en.desk.request.noDescription}
                  </Text>
                </Stack>
                {request.data.service && <DeskAnswers requestKey={key} />}
                <DeskTimeline requestKey={request.data.key} entries={request.data.timeline} names={names} />
                <Composer requestKey={key} mode={mode} onModeChange={setMode} textarea={textarea} canNote={isAgentHere} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Stack gap="md">
                <RequestActions
                  request={request.data}
                  me={me.data}
                  members={members}
                  change={change}
                  canChange={isAgentHere}
                  onHandOff={() => setHandOffOpen(true)}
                />
                <SlaClocks clocks={request.data.sla} />
                {isAgentHere && <Checklist requestKey={key} />}
                <ApprovalsPanel requestKey={key} />
                <LinkedRequests requestKey={key} parent={request.data.parent} />
                <RequestArticlesPanel
                  requestKey={key}
                  canChange={isAgentHere}
                  canTurnIntoArticle={isAgentHere && (request.data.status === 'resolved' || request.data.status === 'closed')}
                />
                <RequestFiles requestKey={key} canAttachInternal={isAgentHere} canAttach={request.data.status !== 'closed'} />
              </Stack>
            </Grid.Col>
          </Grid>
          <HandOffModal
            opened={handOffOpen}
            onClose={() => setHandOffOpen(false)}
            requestKey={key}
            version={request.data.version}
            currentTeam={request.data.team.slug}
            onHandedOff={(teamName) => {
              setHandOffOpen(false);
              void navigate(`/desk/${encodeURIComponent(request.data.team.slug)}`, { state: { notice: en.desk.handOff.done(teamName) } });
            }}
          />
        </>
      )}
      <ShortcutsModal opened={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </Stack>
  );
}
