import { Alert, Anchor, Button, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { callApi } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import { useMe } from '../../api/queries.ts';
import { errorMessage } from '../../components/error-message.ts';
import { ErrorState, LoadingState } from '../../components/PageState.tsx';
import { dateTimeWords } from '../../i18n/format.ts';
import { en } from '../../i18n/en.ts';
import { readIdentityLink, signInToReturn } from './identity-link.ts';

interface LinkedIdentity {
  connectionId: string;
  kind: string;
  externalUserId: string;
  externalName: string | null;
}

/**
 * Where a chat app's "link your account" message lands (`/link/teams#<token>`), signed in or not.
 * Opening it links nothing: the person sees which account and confirms (POST /me/identities), so a
 * link preview fetching the page changes nothing. Signed out, it sends them to sign in and back
 * with the fragment kept (the portal's own guard would drop it).
 */
export function LinkAccountPage() {
  const { kind = 'teams' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const link = readIdentityLink(location.hash);
  const words = en.link;
  const confirm = useMutation({
    mutationFn: (token: string) => callApi<LinkedIdentity>('/me/identities', { method: 'POST', body: { token } }),
  });

  const content = (() => {
    if (!link.ok) return <Alert color="orange">{link.problem === 'expired' ? words.expired(kind) : words.badLink(kind)}</Alert>;
    if (me.isPending) return <LoadingState />;
    if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
    if (me.data === null) {
      return (
        <Stack gap="sm">
          <Text size="sm">{words.signInFirst}</Text>
          <Button onClick={() => void navigate(signInToReturn(location.pathname, location.hash))}>{words.signIn}</Button>
        </Stack>
      );
    }
    if (confirm.isSuccess) {
      return (
        <Alert color="green" role="status">
          {words.done(kind, confirm.data.externalName)}
        </Alert>
      );
    }
    const taken = confirm.error instanceof ApiError && confirm.error.code === 'EXTERNAL_IDENTITY_TAKEN';
    return (
      <Stack gap="sm">
        <Title order={2} size="h4">
          {words.question(kind, link.externalName, me.data.name)}
        </Title>
        <Text size="sm">{words.warning}</Text>
        <Text size="sm" c="dimmed">
          {words.expires(dateTimeWords(link.expiresAt.toISOString()))}
        </Text>
        {confirm.isError && <Alert color="red">{taken ? words.taken : errorMessage(confirm.error)}</Alert>}
        <Button onClick={() => confirm.mutate(link.token)} loading={confirm.isPending}>
          {words.confirm}
        </Button>
      </Stack>
    );
  })();

  return (
    <Container size={560} py="xl" component="main">
      <Stack gap="md">
        <Title order={1}>{words.title(kind)}</Title>
        <Text size="sm">{words.intro(kind)}</Text>
        <Paper withBorder p="md" radius="md">
          {content}
        </Paper>
        <Anchor component={Link} to="/">
          {words.toPortal}
        </Anchor>
      </Stack>
    </Container>
  );
}
