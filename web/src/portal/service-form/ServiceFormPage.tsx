import { Alert, Anchor, Breadcrumbs, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, fieldMessages, unplacedProblems } from '../../api/problem.ts';
import { useFileRequest, useService } from '../../api/queries.ts';
import type { AnswerValue, Service } from '../../api/types.ts';
import { errorMessage } from '../../components/error-message.ts';
import { ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { TeamHours } from '../catalog/TeamHours.tsx';
import { WaitSummary } from '../catalog/WaitSummary.tsx';
import { FieldInput, fieldInputId } from './FieldInput.tsx';
import { answersToSend, visibleFields, type Draft } from './visible-fields.ts';

const ANSWERS = 'body.answers.';

function ServiceForm({ service }: { service: Service }) {
  const navigate = useNavigate();
  const fileRequest = useFileRequest();
  const [draft, setDraft] = useState<Draft>({});
  // One key per set of answers: a retry of the same answers (a lost reply) cannot file a twin,
  // and changed answers are a new request to the API, so they get a new key.
  const idempotencyKey = useRef<string | null>(null);
  const fields = service.form.fields;
  const shown = visibleFields(fields, draft);

  const problem = fileRequest.error instanceof ApiError ? fileRequest.error.problem : null;
  const messages = problem ? fieldMessages(problem, ANSWERS) : {};
  const elsewhere = problem ? unplacedProblems(problem, ANSWERS, shown.map((field) => field.name)) : [];

  const setAnswer = (name: string, value: AnswerValue | undefined) => {
    idempotencyKey.current = null;
    setDraft((previous) => ({ ...previous, [name]: value }));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    idempotencyKey.current ??= crypto.randomUUID();
    fileRequest.mutate(
      { slug: service.slug, answers: answersToSend(fields, draft), idempotencyKey: idempotencyKey.current },
      {
        onSuccess: (request) => void navigate(`/requests/${encodeURIComponent(request.key)}/sent`),
        onError: (error) => {
          // Keyboard and screen-reader users land on the first answer to fix.
          if (!(error instanceof ApiError)) return;
          const first = shown.find((field) => fieldMessages(error.problem, ANSWERS)[field.name]);
          if (first) requestAnimationFrame(() => document.getElementById(fieldInputId(first.name))?.focus());
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-describedby={fileRequest.isError ? 'form-problems' : undefined}>
      <Stack gap="md">
        {fileRequest.isError && (
          <Alert id="form-problems" color="red" role="alert" title={Object.keys(messages).length > 0 ? en.form.fixProblems : en.form.failed}>
            {Object.keys(messages).length === 0 && <Text size="sm">{errorMessage(fileRequest.error)}</Text>}
            {elsewhere.length > 0 && (
              <List size="sm">
                {elsewhere.map((item) => (
                  <List.Item key={`${item.field}:${item.reason}`}>{`${item.field}: ${item.reason}`}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        {fields.length === 0 && <Text>{en.form.noFields}</Text>}
        {shown.map((field) => (
          <FieldInput
            key={field.name}
            field={field}
            value={draft[field.name]}
            error={messages[field.name] && en.form.fieldMessage(messages[field.name] ?? '')}
            onChange={(value) => setAnswer(field.name, value)}
          />
        ))}
        <Group>
          <Button type="submit" loading={fileRequest.isPending}>
            {en.form.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A service's page: what it is, who handles it and how fast, and its form. */
export function ServiceFormPage() {
  const { slug = '' } = useParams();
  const service = useService(slug);
  return (
    <Stack gap="lg" maw={720}>
      <Breadcrumbs>
        <Anchor component={Link} to="/">
          {en.nav.catalog}
        </Anchor>
        <Text>{service.data?.name ?? slug}</Text>
      </Breadcrumbs>
      {service.isPending && <LoadingState />}
      {service.isError && <ErrorState error={service.error} onRetry={() => void service.refetch()} />}
      {service.isSuccess && (
        <>
          <Stack gap="xs">
            <Title order={1}>{service.data.name}</Title>
            {service.data.description && <Text>{service.data.description}</Text>}
            <Text size="sm" c="dimmed">
              {en.form.teamLine(service.data.team.name)}
            </Text>
            <TeamHours team={service.data.team} />
            <WaitSummary slug={service.data.slug} />
            {service.data.approval && (
              <Text size="sm" fw={500}>
                {en.form.needsApproval}
              </Text>
            )}
          </Stack>
          <Paper withBorder p="lg" radius="md">
            <ServiceForm service={service.data} />
          </Paper>
        </>
      )}
    </Stack>
  );
}
