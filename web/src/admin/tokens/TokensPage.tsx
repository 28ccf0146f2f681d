import { Alert, Badge, Button, Code, CopyButton, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError, fieldMessages } from '../../api/problem.ts';
import { useMe } from '../../api/queries.ts';
import { errorMessage } from '../../components/error-message.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { dateTimeWords } from '../../i18n/format.ts';
import { useCreateToken, useRevokeToken, useTokens } from '../api/tokens.ts';
import type { TokenScope } from '../api/types.ts';
import { ScopePicker } from './ScopePicker.tsx';
import { DEFAULT_SCOPES, scopesSummary } from './token-scopes.ts';

const words = en.admin.tokens;

/** /admin/tokens: the caller's personal API tokens; a new one's secret is shown once, here. */
export function TokensPage() {
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const me = useMe();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>([...DEFAULT_SCOPES]);
  const [scopesMissing, setScopesMissing] = useState(false);
  const messages = create.error instanceof ApiError ? fieldMessages(create.error.problem, 'body.') : {};
  const scopeMessage = scopesMissing ? words.scopesNeeded : messages.scopes && en.form.fieldMessage(messages.scopes);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setScopesMissing(scopes.length === 0);
    if (scopes.length === 0) return;
    create.mutate({ name, scopes }, { onSuccess: () => setName('') });
  };

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{words.title}</Title>
        <Text size="sm" c="dimmed">
          {words.intro}
        </Text>
      </div>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm" maw={760}>
          <TextInput label={words.name} placeholder={words.namePlaceholder} required value={name} error={messages.name && en.form.fieldMessage(messages.name)} onChange={(event) => setName(event.currentTarget.value)} maw={300} />
          {me.data && <ScopePicker me={me.data} value={scopes} onChange={(next) => { setScopes(next); setScopesMissing(false); }} error={scopeMessage} />}
          <Group>
            <Button type="submit" loading={create.isPending}>
              {words.create}
            </Button>
          </Group>
        </Stack>
        {create.isError && Object.keys(messages).length === 0 && (
          <Text size="sm" c="red" role="alert" mt="xs">
            {errorMessage(create.error)}
          </Text>
        )}
      </form>
      {create.isSuccess && (
        <Alert color="yellow" role="status" title={words.secretTitle}>
          <Group gap="sm">
            <Code data-testid="token-secret" style={{ wordBreak: 'break-all' }}>
              {create.data.token}
            </Code>
            <CopyButton value={create.data.token}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? words.copied : words.copy}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      )}
      {revoke.isError && (
        <Text size="sm" c="red" role="alert">
          {errorMessage(revoke.error)}
        </Text>
      )}
      {tokens.isPending && <LoadingState />}
      {tokens.isError && <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.isSuccess && tokens.data.length === 0 && <EmptyState>{words.empty}</EmptyState>}
      {tokens.isSuccess && tokens.data.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{words.name}</Table.Th>
                <Table.Th>{words.prefix}</Table.Th>
                <Table.Th>{words.scopes}</Table.Th>
                <Table.Th>{words.created}</Table.Th>
                <Table.Th>{words.lastUsed}</Table.Th>
                <Table.Th>{words.state}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.map((token) => (
                <Table.Tr key={token.id}>
                  <Table.Td>{token.name}</Table.Td>
                  <Table.Td>
                    <Code>{token.displayPrefix}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {scopesSummary(token.scopes, words)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{dateTimeWords(token.createdAt)}</Table.Td>
                  <Table.Td>{token.lastUsedAt ? dateTimeWords(token.lastUsedAt) : words.never}</Table.Td>
                  <Table.Td>
                    {token.revokedAt ? (
                      <Badge variant="light" color="gray">
                        {words.revoked}
                      </Badge>
                    ) : (
                      <Button size="xs" variant="light" color="red" aria-label={words.revoke(token.name)} loading={revoke.isPending && revoke.variables === token.id} onClick={() => revoke.mutate(token.id, { onSuccess: () => create.data?.id === token.id && create.reset() })}>
                        {words.revokeLabel}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
