import { Alert, Button, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, fieldMessages } from '../../api/problem.ts';
import { useMe, useSignIn } from '../../api/queries.ts';
import { errorMessage } from '../../components/error-message.ts';
import { en } from '../../i18n/en.ts';
import { forgetAskLater } from '../profile/recognition-dismissal.ts';
import { nextPage } from './next-page.ts';

function problemSentence(error: unknown): string {
  if (error instanceof ApiError && error.code === 'INVALID_CREDENTIALS') return en.signIn.wrong;
  if (error instanceof ApiError && error.code === 'TOO_MANY_SIGN_IN_ATTEMPTS') return en.signIn.tooMany(undefined);
  return errorMessage(error);
}

export function SignInPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const signIn = useSignIn();
  const next = nextPage(params.get('next'));

  if (me.data) return <Navigate to={next} replace />;

  const fields = signIn.error instanceof ApiError ? fieldMessages(signIn.error.problem, 'body.') : {};
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { email: email.trim(), password },
      {
        onSuccess: () => {
          // A new sign-in asks the recognition question again if it was put off (see AskRecognitionOnce).
          forgetAskLater();
          void navigate(next, { replace: true });
        },
      },
    );
  };

  return (
    <Container size={420} py={64} component="main">
      <Title order={1} ta="center" mb="xs">
        {en.signIn.title}
      </Title>
      <Text c="dimmed" ta="center" mb="lg">
        {en.signIn.intro}
      </Text>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            {signIn.isError && Object.keys(fields).length === 0 && (
              <Alert color="red" role="alert">
                {problemSentence(signIn.error)}
              </Alert>
            )}
            <TextInput
              label={en.signIn.email}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={fields.email && en.form.fieldMessage(fields.email)}
            />
            <PasswordInput
              label={en.signIn.password}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={fields.password && en.form.fieldMessage(fields.password)}
            />
            <Button type="submit" loading={signIn.isPending} fullWidth>
              {en.signIn.submit}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
