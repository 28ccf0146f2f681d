import { Alert, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { deskKnowledge as words } from '../../i18n/en-desk-knowledge.ts';
import { en } from '../../i18n/en.ts';
import { useArticleList, useCategories, useMineToReview } from './api/articles.ts';
import { articleTabs, filtersFrom, matchesLocally, searchFrom, tagsOf, type ArticleListFilters } from './article-filters.ts';
import { ArticleRows } from './ArticleRows.tsx';
import { knowledgeReportPath, newArticlePath, teamArticlesPath } from './knowledge-paths.ts';
import { useDeskTeam } from './use-desk-team.ts';

/** /desk/:team/articles: the team's articles by status, what I own that is due for review first. */
export function ArticlesPage() {
  const { team: slug = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const filters = useMemo(() => filtersFrom(search), [search]);
  const { team, me, isLead, isPending, isMissing, error } = useDeskTeam(slug);
  const list = useArticleList(team?.id, filters);
  const review = useMineToReview(team?.id);
  const categories = useCategories(team?.id);

  const [text, setText] = useState(filters.text);
  useEffect(() => setText(filters.text), [filters.text]);
  const change = (next: Partial<ArticleListFilters>) => setSearch(searchFrom({ ...filters, ...next }), { replace: true });
  const sendText = useDebouncedCallback((value: string) => change({ text: value.trim() }), 350);

  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const shown = rows.filter((article) => matchesLocally(article, filters));
  const narrowed = filters.category !== '' || filters.tag !== '' || filters.text !== '';
  const tagOptions = tagsOf(rows);
  if (filters.tag && !tagOptions.includes(filters.tag)) tagOptions.unshift(filters.tag);

  if (isPending) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  if (isMissing || !team) return <EmptyState>{en.states.notFound}</EmptyState>;
  const dueCount = review.data?.length ?? 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1}>{words.list.title(team.name)}</Title>
        <Group gap="sm" align="flex-end" wrap="wrap">
          {me && me.memberships.length > 1 && (
            <Select
              label={en.desk.team}
              data={me.memberships.map((m) => ({ value: m.team.slug, label: m.team.name }))}
              value={slug}
              onChange={(next) => next && void navigate(teamArticlesPath(next))}
              allowDeselect={false}
              w={180}
            />
          )}
          {isLead && (
            <Button component={Link} to={knowledgeReportPath(slug)} variant="default">
              {words.list.reportLink}
            </Button>
          )}
          <Button component={Link} to={newArticlePath(slug)}>
            {words.list.newArticle}
          </Button>
        </Group>
      </Group>
      {dueCount > 0 && (
        <Alert color="orange" title={words.list.reviewDue(dueCount)} data-testid="review-due">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{words.list.reviewDueText}</Text>
            {filters.tab !== 'review' && (
              <Button component={Link} to={teamArticlesPath(slug, searchFrom({ ...filters, tab: 'review' }).toString())} size="xs" variant="light" color="orange">
                {words.tabs.review}
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      <Group gap={6} component="nav" aria-label={words.list.tabs} wrap="wrap">
        {articleTabs.map((tab) => {
          const active = tab === filters.tab;
          return (
            <Button
              key={tab}
              component={Link}
              to={teamArticlesPath(slug, searchFrom({ ...filters, tab }).toString())}
              size="xs"
              variant={active ? 'light' : 'default'}
              color={tab === 'review' && dueCount > 0 ? 'orange' : undefined}
              aria-current={active ? 'page' : undefined}
            >
              {tab === 'review' && dueCount > 0 ? `${words.tabs.review} (${dueCount})` : words.tabs[tab]}
            </Button>
          );
        })}
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap" component="section" aria-label={words.list.filters}>
        <TextInput
          label={words.list.search}
          type="search"
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            sendText(event.currentTarget.value);
          }}
          w={{ base: '100%', xs: 260 }}
        />
        <Select
          label={words.list.category}
          placeholder={words.list.anyCategory}
          data={categories.data ?? []}
          value={filters.category || null}
          onChange={(value) => change({ category: value ?? '' })}
          searchable
          clearable
          w={{ base: '100%', xs: 220 }}
        />
        <Select
          label={words.list.tag}
          placeholder={words.list.anyTag}
          data={tagOptions}
          value={filters.tag || null}
          onChange={(value) => change({ tag: value ?? '' })}
          searchable
          clearable
          w={{ base: '100%', xs: 200 }}
        />
        {narrowed && (
          <Button variant="subtle" onClick={() => change({ category: '', tag: '', text: '' })}>
            {words.list.clear}
          </Button>
        )}
      </Group>
      {list.isPending && <LoadingState />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && shown.length === 0 && <EmptyState>{narrowed ? words.list.emptyFiltered : words.list.empty}</EmptyState>}
      {shown.length > 0 && <ArticleRows articles={shown} label={words.tabs[filters.tab]} />}
      {list.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {words.list.more}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
