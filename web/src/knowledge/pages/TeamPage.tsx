import { Anchor, Card, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorState, LoadingState } from '../../components/PageState.tsx';
import { knowledge } from '../../i18n/en-knowledge.ts';
import { useTeamPage } from '../api/queries.ts';
import type { TeamPage as TeamPageData } from '../api/types.ts';
import { ArticleCard } from '../components/ArticleCard.tsx';
import { weekInWords } from '../weekly-hours.ts';

const words = knowledge.team;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Hours({ hours }: { hours: TeamPageData['hours'] }) {
  if (!hours) return <Text>{words.noHours}</Text>;
  return (
    <>
      <Table withRowBorders={false} verticalSpacing={4} maw={360} aria-labelledby="team-hours">
        <Table.Tbody>
          {weekInWords(hours.weekly).map(({ day, hours: text }) => (
            <Table.Tr key={day}>
              <Table.Th scope="row" fw={500}>
                {day}
              </Table.Th>
              <Table.Td>{text}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed">
        {words.timeZone(hours.timeZone)}
      </Text>
    </>
  );
}

/** A team's page: when it works, what one may ask it for, what it promises, and its help articles. */
export function TeamPage() {
  const { slug = '' } = useParams();
  const team = useTeamPage(slug);

  if (team.isPending) return <LoadingState />;
  if (team.isError) return <ErrorState error={team.error} onRetry={() => void team.refetch()} />;
  const page = team.data;
  return (
    <Stack gap="xl" maw={1000}>
      <Stack gap="xs">
        <Title order={1}>{page.name}</Title>
        {page.description && <Text>{page.description}</Text>}
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Section id="team-hours" title={words.hours}>
          <Hours hours={page.hours} />
        </Section>
        <Section id="team-promises" title={words.promises}>
          {page.promises.length === 0 ? (
            <Text>{words.noPromises}</Text>
          ) : (
            <List spacing={4}>
              {page.promises.map((promise) => (
                <List.Item key={promise.name}>
                  <Text span fw={500}>
                    {promise.name}:
                  </Text>{' '}
                  {promise.target}
                </List.Item>
              ))}
            </List>
          )}
        </Section>
      </SimpleGrid>
      <Section id="team-services" title={words.services}>
        {page.services.length === 0 ? (
          <Text>{words.noServices}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {page.services.map((service) => (
              <Card key={service.slug} withBorder radius="md" padding="md">
                <Stack gap={4}>
                  <Anchor component={Link} to={`/services/${encodeURIComponent(service.slug)}`} fw={600}>
                    {service.name}
                  </Anchor>
                  {service.description && <Text size="sm">{service.description}</Text>}
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </Section>
      <Section id="team-articles" title={words.articles}>
        {page.articles.length === 0 ? (
          <Text>{words.noArticles}</Text>
        ) : (
          <Stack gap="md">
            {page.articles.map((article) => (
              <ArticleCard key={article.id} article={article} showTeam={false} />
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}
