import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { knowledge } from '../../i18n/en-knowledge.ts';
import { usePublishedArticles } from '../api/queries.ts';
import { groupByTeamAndCategory, mostRead, type TeamGroup } from '../article-groups.ts';
import { ArticleCard } from '../components/ArticleCard.tsx';
import { KnowledgeSearchBox } from '../components/KnowledgeSearchBox.tsx';

const words = knowledge.home;

function TeamSection({ team }: { team: TeamGroup }) {
  const headingId = `kb-team-${team.teamId}`;
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="baseline">
        <Title order={3} id={headingId}>
          {team.teamName}
        </Title>
        <Anchor component={Link} to={`/teams/${encodeURIComponent(team.teamId)}`} size="sm">
          {words.teamPage(team.teamName)}
        </Anchor>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {team.categories.map((group) => (
          <Card key={group.category ?? ''} withBorder radius="md" padding="md">
            <Stack gap="sm">
              <Title order={4} size="h5">
                {group.category ?? words.otherCategory}
              </Title>
              {group.articles.map((article) => (
                <ArticleCard key={article.id} article={article} showTeam={false} />
              ))}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** The knowledge home: a search box, the most read articles, and every article by team and category. */
export function KnowledgeHomePage() {
  const articles = usePublishedArticles();
  const all = useMemo(() => articles.data?.pages.flatMap((page) => page.items) ?? [], [articles.data]);
  const popular = useMemo(() => mostRead(all, 5), [all]);
  const teams = useMemo(() => groupByTeamAndCategory(all), [all]);

  return (
    <Stack gap="xl" maw={1100}>
      <Stack gap="sm">
        <div>
          <Title order={1}>{words.title}</Title>
          <Text c="dimmed">{words.intro}</Text>
        </div>
        <KnowledgeSearchBox />
      </Stack>
      {articles.isPending && <LoadingState />}
      {articles.isError && <ErrorState error={articles.error} onRetry={() => void articles.refetch()} />}
      {articles.isSuccess && all.length === 0 && <EmptyState>{words.empty}</EmptyState>}
      {popular.length > 0 && (
        <Stack gap="sm" component="section" aria-labelledby="kb-popular">
          <Title order={2} id="kb-popular">
            {words.popular}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {popular.map((article) => (
              <Card key={article.id} withBorder radius="md" padding="md">
                <ArticleCard article={article} />
              </Card>
            ))}
          </SimpleGrid>
        </Stack>
      )}
      {teams.length > 0 && (
        <Stack gap="lg" component="section" aria-labelledby="kb-by-team">
          <Title order={2} id="kb-by-team">
            {words.byTeam}
          </Title>
          {teams.map((team) => (
            <TeamSection key={team.teamId} team={team} />
          ))}
          {articles.hasNextPage && (
            <Button variant="light" onClick={() => void articles.fetchNextPage()} loading={articles.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
              {words.more}
            </Button>
          )}
        </Stack>
      )}
    </Stack>
  );
}
