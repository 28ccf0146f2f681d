import { Alert, Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useCallback, useMemo, useState } from 'react';
import { Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMe } from '../../api/queries.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { useQueue, useQueueCounts, useTeam } from '../api/desk-queries.ts';
import { isOnControl } from '../hotkey-target.ts';
import { ShortcutsButton, ShortcutsModal } from '../ShortcutsModal.tsx';
import { useNow } from '../use-now.ts';
import { BoardView } from './BoardView.tsx';
import { BulkBar } from './BulkBar.tsx';
import { filtersFrom, openStatuses, searchFrom, allStatuses, type QueueFilters, type QueueView } from './queue-filters.ts';
import { QueueFiltersBar } from './QueueFiltersBar.tsx';
import { QueueList } from './QueueList.tsx';
import { deskRequestPath } from '../desk-paths.ts';
import { ViewLinks } from './ViewLinks.tsx';

/**
 * A team's queue at /desk/:team: views with counts, filters, a windowed list or a board, bulk changes.
 * Keyed by the team, so switching teams starts afresh: no selection of the last team's requests stays
 * behind, out of sight, for the next bulk change. (The filters live in the URL and are kept.)
 */
export function QueuePage() {
  const { team = '' } = useParams();
  return <TeamQueue key={team} team={team} />;
}

function TeamQueue({ team }: { team: string }) {
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  // A page that sent the agent here may leave a word, e.g. "Handed off to HR." after a handoff.
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const me = useMe();
  const filters = useMemo(() => filtersFrom(search), [search]);
  const queue = useQueue(team, filters);
  const counts = useQueueCounts(team);
  const teamDetail = useTeam(team);
  const now = useNow(30_000);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [activeIndex, setActiveIndex] = useState(0);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);

  const rows = useMemo(() => queue.data?.pages.flatMap((page) => page.items) ?? [], [queue.data]);
  const membership = me.data?.memberships.find((m) => m.team.slug === team);
  const members = teamDetail.data?.members ?? [];

  const change = (next: Partial<QueueFilters>) => {
    setSearch(searchFrom({ ...filters, ...next }), { replace: true });
    setActiveIndex(0);
  };
  const hrefOf = (view: QueueView) => `?${searchFrom({ ...filters, view, sort: view === 'breaching' ? 'due' : 'newest' }).toString()}`;
  const toggle = useCallback((key: string) => {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);
  const loadMore = useCallback(() => void queue.fetchNextPage(), [queue]);

  const activeRow = rows[Math.min(activeIndex, rows.length - 1)];
  useHotkeys([
    ['j', () => setActiveIndex((index) => Math.min(index + 1, rows.length - 1))],
    ['k', () => setActiveIndex((index) => Math.max(index - 1, 0))],
    ['o', () => activeRow && void navigate(deskRequestPath(activeRow.key))],
    [
      'Enter',
      (event) => {
        if (!isOnControl(event) && activeRow) void navigate(deskRequestPath(activeRow.key));
      },
      { preventDefault: false },
    ],
    ['x', () => activeRow && toggle(activeRow.key)],
    ['shift+?', () => setShortcutsOpen(true)],
  ]);

  if (me.data && me.data.memberships.length > 0 && !membership && !me.data.isAdmin) {
    return <Navigate to={`/desk/${encodeURIComponent(me.data.memberships[0]!.team.slug)}`} replace />;
  }
  const teamName = membership?.team.name ?? teamDetail.data?.name ?? team;
  const boardStatuses = filters.view === 'waiting' ? (['waiting_on_requester'] as const) : filters.statuses.length > 0 ? allStatuses.filter((s) => filters.statuses.includes(s)) : openStatuses;
  const narrowed = filters.statuses.length > 0 || filters.priorities.length > 0 || filters.assignee !== '' || filters.text !== '';
  // The team's totals by status say what is not on the board only when the board shows the whole team.
  const unfiltered = filters.view === 'open' && !narrowed;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1}>{en.desk.queue.title(teamName)}</Title>
        <Group gap="sm" align="flex-end" wrap="wrap">
          {me.data && me.data.memberships.length > 1 && (
            <Select
              label={en.desk.team}
              data={me.data.memberships.map((m) => ({ value: m.team.slug, label: m.team.name }))}
              value={team}
              onChange={(slug) => slug && void navigate(`/desk/${encodeURIComponent(slug)}?${search.toString()}`)}
              allowDeselect={false}
              w={180}
            />
          )}
          <SegmentedControl
            aria-label={en.desk.queue.layout}
            value={filters.layout}
            onChange={(layout) => change({ layout: layout === 'board' ? 'board' : 'list' })}
            data={[
              { value: 'list', label: en.desk.queue.list },
              { value: 'board', label: en.desk.queue.board },
            ]}
          />
          <ShortcutsButton onOpen={() => setShortcutsOpen(true)} />
        </Group>
      </Group>
      {notice && (
        <Alert color="green" role="status" data-testid="queue-notice">
          {notice}
        </Alert>
      )}
      <ViewLinks current={filters.view} hrefOf={hrefOf} counts={counts.data} />
      <QueueFiltersBar filters={filters} members={members} onChange={change} />
      <BulkBar
        selected={[...selected]}
        members={members}
        onChanged={(changed) =>
          setSelected((current) => new Set([...current].filter((key) => !changed.includes(key))))
        }
        onClear={() => setSelected(new Set())}
      />
      {queue.isPending && <LoadingState />}
      {queue.isError && <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.isSuccess && rows.length === 0 && (
        <EmptyState>{narrowed ? en.desk.queue.empty : en.desk.queue.emptyView[filters.view]}</EmptyState>
      )}
      {rows.length > 0 && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {en.desk.queue.loaded(rows.length, queue.hasNextPage)}
          </Text>
          {filters.layout === 'board' ? (
            <BoardView rows={rows} statuses={boardStatuses} totals={unfiltered ? counts.data?.byStatus : undefined} now={now} />
          ) : (
            <QueueList
              rows={rows}
              selected={selected}
              onToggle={toggle}
              activeIndex={activeIndex}
              onActivate={setActiveIndex}
              hasMore={queue.hasNextPage}
              loadingMore={queue.isFetchingNextPage}
              loadMore={loadMore}
              now={now}
            />
          )}
        </>
      )}
      <ShortcutsModal opened={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
    </Stack>
  );
}
