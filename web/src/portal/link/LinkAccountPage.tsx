import { Alert, Anchor, Button, Code, Container, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { callApi } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import { useMe } from '../../api/queries.ts';
import { errorMessage } from '../../components/error-message.ts';
import { ErrorState, LoadingState } from '../../components/PageState.tsx';
import { dateTimeWords } from '../../i18n/format.ts';
import { en } from '../../i18n/en.ts';
import { codeForDisplay, linkCodeMessage, readIdentityLink, signInToReturn } from './identity-link.ts';

interface IdentityClaim {
  connectionId: string;
  kind: string;
  externalUserId: string;
  externalName: string | null;
  code: string;
  expiresAt: string;
}

/**
 * Where a chat app's "link your account" message lands (`/link/teams#<token>`), signed in or not.
 * Opening it changes nothing (a link preview may fetch it). Confirming gets a code (POST
 * /me/identities) to write back from the chat-app account itself; only that message makes the link,
 * because a link shown in a shared channel can be opened by anyone there. Signed out, it sends them
 * to sign in and back with the fragment kept (the portal's own guard would drop it).
 */
export function LinkAccountPage() {
  const { kind = 'teams' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const link = readIdentityLink(location.hash);
  const words = en.link;
  const confirm = useMutation({
    mutationFn: (token: string) => callApi<IdentityClaim>('/me/identities', { method: 'POST', body: { token } }),
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
    if (confirm.isSuccess) return <ClaimCode kind={kind} claim={confirm.data} />;
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

/** The code, big, with what to do with it; the page says nothing is linked yet, because nothing is. */
function ClaimCode({ kind, claim }: { kind: string; claim: IdentityClaim }) {
  const words = en.link;
  const message = linkCodeMessage(claim.code);
  return (
    <Stack gap="sm" role="status">
      <Title order={2} size="h4">
        {words.codeTitle}
      </Title>
      <Text size="sm">{words.codeInstruction(kind, claim.externalName)}</Text>
      <Group gap="sm" wrap="wrap">
        <Code fz={28} fw={700} px="md" py="xs" data-testid="link-code" aria-label={message} style={{ letterSpacing: '0.08em', whiteSpace: 'nowrap' }}>
          link {codeForDisplay(claim.code)}
        </Code>
        <CopyButton value={message}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy}>
              {copied ? words.copied : words.copy}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="sm">{words.codeAfter(kind)}</Text>
      <Text size="sm" c="dimmed">
        {words.codeExpires(dateTimeWords(claim.expiresAt))}
      </Text>
      <Text size="sm" c="dimmed">
        {words.codeNeverShare}
      </Text>
    </Stack>
  );
}
