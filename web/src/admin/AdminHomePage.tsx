import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMe } from '../api/queries.ts';
import { ErrorState, LoadingState } from '../components/PageState.tsx';
import { en } from '../i18n/en.ts';
import { sectionsFor } from './sections.ts';

/** /admin: the sections the caller may use, each one click away. */
export function AdminHomePage() {
  const me = useMe();
  if (me.isPending) return <LoadingState />;
  if (me.isError || !me.data) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  const available = sectionsFor(me.data);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{en.admin.title}</Title>
        <Text c="dimmed">{me.data.isAdmin ? en.admin.home.intro : en.admin.home.leadIntro}</Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {available.map((section) => {
          const words = en.admin.sections[section.id];
          return (
            <Card key={section.id} withBorder radius="md" component={Link} to={section.path}>
              <Title order={2} size="h4">
                {words.title}
              </Title>
              <Text size="sm" c="dimmed" mt={4}>
                {words.text}
              </Text>
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
