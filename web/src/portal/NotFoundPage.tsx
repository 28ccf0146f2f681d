import { Button, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState } from '../components/PageState.tsx';
import { en } from '../i18n/en.ts';

export function NotFoundPage() {
  return (
    <Stack>
      <Title order={1}>{en.states.errorTitle}</Title>
      <EmptyState action={<Button component={Link} to="/">{en.nav.catalog}</Button>}>{en.states.notFound}</EmptyState>
    </Stack>
  );
}
