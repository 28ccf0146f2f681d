import { ActionIcon, Alert, Anchor, Button, Group, Paper, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../components/error-message.ts';
import { ErrorState } from '../../components/PageState.tsx';
import { deskKnowledge as words } from '../../i18n/en-desk-knowledge.ts';
import { ArticleStatusBadge } from './ArticleBadges.tsx';
import { useArticleDraftFromRequest, useArticleSearch, useLinkArticle, useRequestArticles, useUnlinkArticle } from './api/request-articles.ts';
import { articleEditorPath, readerPath } from './knowledge-paths.ts';

/** Where an article opens from the request page: the team's own editor for agents, the reader otherwise. */
const articlePath = (article: { slug: string; status: string }, canChange: boolean) => (canChange ? articleEditorPath(article.slug) : readerPath(article.slug));

/**
 * The articles used on a request: each a link (to the editor for the team's agents), unlinked with
 * one click; more found by words among published articles and linked from the results. On a
 * resolved or closed request the team's agents may also turn it into a new article.
 */
export function RequestArticlesPanel({ requestKey, canChange, canTurnIntoArticle }: { requestKey: string; canChange: boolean; canTurnIntoArticle: boolean }) {
  const linked = useRequestArticles(requestKey);
  const link = useLinkArticle(requestKey);
  const unlink = useUnlinkArticle(requestKey);
  const [typed, setTyped] = useState('');
  // Searched when asked (Enter or the button), not as one types: desk searches are logged, and the
  // content-gap report should not fill with half-typed words.
  const [query, setQuery] = useState('');
  const found = useArticleSearch(canChange ? query : '');
  const linkedIds = new Set((linked.data ?? []).map((article) => article.id));
  const failed = link.error ?? unlink.error;

  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="request-articles-title">
      <Title order={2} size="h5" id="request-articles-title" mb="xs">
        {words.request.title}
      </Title>
      <Stack gap="xs">
        {canTurnIntoArticle && <TurnIntoArticle requestKey={requestKey} />}
        {linked.isPending && <Skeleton height={32} />}
        {linked.isError && <ErrorState error={linked.error} onRetry={() => void linked.refetch()} />}
        {linked.isSuccess && linked.data.length === 0 && (
          <Text size="sm" c="dimmed">
            {words.request.none}
          </Text>
        )}
        {linked.isSuccess && linked.data.length > 0 && (
          <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }} data-testid="request-articles">
            {linked.data.map((article) => (
              <Group component="li" key={article.id} justify="space-between" wrap="nowrap" gap="xs">
                <Group gap={6} wrap="wrap">
                  <Anchor component={Link} to={articlePath(article, canChange)} size="sm">
                    {article.title}
                  </Anchor>
                  {article.status !== 'published' && <ArticleStatusBadge status={article.status} />}
                </Group>
                {canChange && (
                  <ActionIcon variant="subtle" color="gray" aria-label={words.request.unlink(article.title)} onClick={() => unlink.mutate(article.id)} loading={unlink.isPending && unlink.variables === article.id}>
                    <span aria-hidden>×</span>
                  </ActionIcon>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {failed && (
          <Alert color="red" role="alert" p="xs">
            {errorMessage(failed)}
          </Alert>
        )}
        {canChange && (
          <>
            <Group
              component="form"
              gap="xs"
              align="flex-end"
              wrap="nowrap"
              role="search"
              aria-label={words.request.search}
              onSubmit={(event) => {
                event.preventDefault();
                setQuery(typed.trim());
              }}
            >
              <TextInput
                label={words.request.search}
                placeholder={words.request.searchPlaceholder}
                type="search"
                size="sm"
                value={typed}
                onChange={(event) => setTyped(event.currentTarget.value)}
                style={{ flex: 1 }}
              />
              <Button type="submit" size="sm" variant="default" loading={found.isFetching}>
                {words.request.searchButton}
              </Button>
            </Group>
            {query !== '' && found.isSuccess && found.data.length === 0 && (
              <Text size="sm" c="dimmed">
                {words.request.nothingFound}
              </Text>
            )}
            {found.isError && <ErrorState error={found.error} />}
            {found.data && found.data.length > 0 && (
              <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }} aria-label={words.request.search} data-testid="article-search-results">
                {found.data
                  .filter((hit) => !linkedIds.has(hit.id))
                  .map((hit) => (
                    <Group component="li" key={hit.id} justify="space-between" wrap="nowrap" gap="xs">
                      <Text size="sm">{hit.title}</Text>
                      <Button size="compact-xs" variant="light" aria-label={words.request.link(hit.title)} onClick={() => link.mutate(hit.id)} loading={link.isPending && link.variables === hit.id}>
                        {words.request.linkShort}
                      </Button>
                    </Group>
                  ))}
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** "Turn into article" on a resolved or closed request: the server writes the draft, the editor opens it. */
function TurnIntoArticle({ requestKey }: { requestKey: string }) {
  const navigate = useNavigate();
  const draft = useArticleDraftFromRequest(requestKey);
  return (
    <Stack gap={4}>
      <Button variant="light" onClick={() => draft.mutate(undefined, { onSuccess: (article) => void navigate(articleEditorPath(article.slug)) })} loading={draft.isPending}>
        {words.request.turnIntoArticle}
      </Button>
      <Text size="xs" c="dimmed">
        {words.request.turnHint}
      </Text>
      {draft.isError && (
        <Alert color="red" role="alert" p="xs" title={words.request.turnFailed}>
          {errorMessage(draft.error)}
        </Alert>
      )}
    </Stack>
  );
}
