import { Alert, Anchor, Breadcrumbs, Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, fieldMessages, unplacedProblems } from '../../api/problem.ts';
import { useFileRequest, useService } from '../../api/queries.ts';
import type { AnswerValue, Service } from '../../api/types.ts';
import { errorMessage } from '../../components/error-message.ts';
import { ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { knowledge } from '../../i18n/en-knowledge.ts';
import type { KnowledgeOnFiling } from '../../knowledge/api/types.ts';
import { IntakeKnowledgePanel } from '../../knowledge/intake/IntakeKnowledgePanel.tsx';
import { TeamHours } from '../catalog/TeamHours.tsx';
import { WaitSummary } from '../catalog/WaitSummary.tsx';
import { FieldInput, fieldInputId } from './FieldInput.tsx';
import { answersToSend, visibleFields, type Draft } from './visible-fields.ts';

const ANSWERS = 'body.answers.';
const SUBJECT = 'body.subject';
const SUBJECT_INPUT = 'field-subject';

interface ServiceFormProps {
  service: Service;
  subject: string;
  onSubjectChange(subject: string): void;
  /** What the employee was shown and opened of the help articles, for the filing to report. */
  knowledgeForFiling(): KnowledgeOnFiling | undefined;
}

function ServiceForm({ service, subject, onSubjectChange, knowledgeForFiling }: ServiceFormProps) {
  const navigate = useNavigate();
  const fileRequest = useFileRequest();
  const [draft, setDraft] = useState<Draft>({});
  // One key per set of answers: a retry of the same answers (a lost reply) cannot file a twin,
  // and changed answers are a new request to the API, so they get a new key. The articles shown
  // are frozen with the key, so a retry sends the very same body even if more were shown since.
  const idempotencyKey = useRef<string | null>(null);
  const knowledgeSent = useRef<KnowledgeOnFiling | undefined>(undefined);
  const fields = service.form.fields;
  const shown = visibleFields(fields, draft);

  const problem = fileRequest.error instanceof ApiError ? fileRequest.error.problem : null;
  const messages = problem ? fieldMessages(problem, ANSWERS) : {};
  const subjectMessage = problem?.errors?.find((item) => item.field === SUBJECT)?.reason;
  const elsewhere = problem ? unplacedProblems(problem, ANSWERS, shown.map((field) => field.name)).filter((item) => item.field !== SUBJECT) : [];
  const placedCount = Object.keys(messages).length + (subjectMessage ? 1 : 0);

  const setAnswer = (name: string, value: AnswerValue | undefined) => {
    idempotencyKey.current = null;
    setDraft((previous) => ({ ...previous, [name]: value }));
  };
  const setSubject = (value: string) => {
    idempotencyKey.current = null;
    onSubjectChange(value);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (idempotencyKey.current === null) {
      idempotencyKey.current = crypto.randomUUID();
      knowledgeSent.current = knowledgeForFiling();
    }
    fileRequest.mutate(
      {
        slug: service.slug,
        answers: answersToSend(fields, draft),
        subject: subject.trim() || undefined,
        knowledge: knowledgeSent.current,
        idempotencyKey: idempotencyKey.current,
      },
      {
        onSuccess: (request) => void navigate(`/requests/${encodeURIComponent(request.key)}/sent`),
        onError: (error) => {
          // Keyboard and screen-reader users land on the first answer to fix.
          if (!(error instanceof ApiError)) return;
          const subjectWrong = error.problem.errors?.some((item) => item.field === SUBJECT);
          const first = shown.find((field) => fieldMessages(error.problem, ANSWERS)[field.name]);
          const target = subjectWrong ? SUBJECT_INPUT : first && fieldInputId(first.name);
          if (target) requestAnimationFrame(() => document.getElementById(target)?.focus());
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-describedby={fileRequest.isError ? 'form-problems' : undefined}>
      <Stack gap="md">
        {fileRequest.isError && (
          <Alert id="form-problems" color="red" role="alert" title={placedCount > 0 ? en.form.fixProblems : en.form.failed}>
            {placedCount === 0 && <Text size="sm">{errorMessage(fileRequest.error)}</Text>}
            {elsewhere.length > 0 && (
              <List size="sm">
                {elsewhere.map((item) => (
                  <List.Item key={`${item.field}:${item.reason}`}>{`${item.field}: ${item.reason}`}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        <TextInput
          id={SUBJECT_INPUT}
          label={knowledge.intake.subjectLabel}
          description={knowledge.intake.subjectHint}
          value={subject}
          maxLength={300}
          error={subjectMessage && en.form.fieldMessage(subjectMessage)}
          onChange={(event) => setSubject(event.currentTarget.value)}
        />
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

/** The form, with the help articles that may answer it beside it; "This solved it" replaces both. */
function ServiceIntake({ service }: { service: Service }) {
  const [subject, setSubject] = useState('');
  return (
    <IntakeKnowledgePanel serviceId={service.id} subject={subject}>
      {(forFiling) => (
        <Paper withBorder p="lg" radius="md">
          <ServiceForm service={service} subject={subject} onSubjectChange={setSubject} knowledgeForFiling={forFiling} />
        </Paper>
      )}
    </IntakeKnowledgePanel>
  );
}

/** A service's page: what it is, who handles it and how fast, and its form. */
export function ServiceFormPage() {
  const { slug = '' } = useParams();
  const service = useService(slug);
  return (
    <Stack gap="lg" maw={1100}>
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
          <Stack gap="xs" maw={720}>
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
          <ServiceIntake key={service.data.id} service={service.data} />
        </>
      )}
    </Stack>
  );
}
