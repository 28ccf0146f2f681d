import { Anchor, Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { knowledge } from '../../i18n/en-knowledge.ts';
import { useSearch } from '../api/queries.ts';
import { hitTypes, type SearchHit } from '../api/types.ts';
import { HitTypeBadge } from '../components/HitTypeBadge.tsx';
import { KnowledgeSearchBox } from '../components/KnowledgeSearchBox.tsx';
import { SnippetText } from '../components/SnippetText.tsx';
import { dateWords } from '../dates.ts';
import { queryFromParam, typeFilterFromParam } from '../search-filters.ts';

const words = knowledge.search;

function Hit({ hit, searchId }: { hit: SearchHit; searchId: number | null }) {
  return (
    <Stack gap={4} component="li" style={{ listStyle: 'none' }}>
      <Group gap="xs" wrap="nowrap" align="baseline">
        <HitTypeBadge type={hit.type} />
        {/* A service opened from here tells its filing which search led to it (router state). */}
        <Anchor component={Link} to={hit.link} state={searchId ? { searchId } : undefined} fw={600}>
          {hit.title}
        </Anchor>
      </Group>
      {hit.snippet && <SnippetText snippet={hit.snippet} />}
      {(hit.teamName || hit.updatedAt) && (
        <Group gap="sm">
          {hit.teamName && hit.type !== 'team' && (
            <Text size="xs" c="dimmed">
              {knowledge.article.from(hit.teamName)}
            </Text>
          )}
          {hit.updatedAt && (
            <Text size="xs" c="dimmed">
              {words.updated(dateWords(hit.updatedAt))}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}

/** Search results for ?q=: articles, services, teams and holidays, the matched words marked. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = queryFromParam(params.get('q'));
  const type = typeFilterFromParam(params.get('types'));
  const search = useSearch(q ? { q, source: 'portal', types: type ? [type] : undefined, limit: 20 } : null);
  const setType = (value: string) => {
    const next = new URLSearchParams(params);
    if (value === 'all') next.delete('types');
    else next.set('types', value);
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="lg" maw={820}>
      <Title order={1}>{words.title}</Title>
      {/* Keyed by the words, so Back to an earlier search shows its words in the box. */}
      <KnowledgeSearchBox key={q ?? ''} initial={q ?? ''} types={type} />
      {!q && <Text c="dimmed">{words.prompt}</Text>}
      {q && (
        <SegmentedControl
          aria-label={words.filterLabel}
          value={type ?? 'all'}
          onChange={setType}
          data={[{ value: 'all', label: words.all }, ...hitTypes.map((value) => ({ value, label: words.filters[value] }))]}
          style={{ alignSelf: 'flex-start', maxWidth: '100%', overflowX: 'auto' }}
        />
      )}
      {search.isPending && q && <LoadingState />}
      {search.isError && <ErrorState error={search.error} onRetry={() => void search.refetch()} />}
      {search.isSuccess && q && (
        <>
          <Text size="sm" role="status" aria-live="polite">
            {search.data.total > 0 ? words.results(search.data.total, q) : words.none(q)}
          </Text>
          {search.data.hits.length === 0 ? (
            <EmptyState
              action={
                <Button component={Link} to="/" variant="light">
                  {words.askForHelp}
                </Button>
              }
            >
              {words.noneHint}
            </EmptyState>
          ) : (
            <Stack gap="lg" component="ol" p={0} m={0} aria-label={words.results(search.data.total, q)}>
              {search.data.hits.map((hit) => (
                <Hit key={`${hit.type}:${hit.id}`} hit={hit} searchId={search.data.searchId} />
              ))}
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}
