import { Alert, Anchor, Badge, Breadcrumbs, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useCallback, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, fieldMessages } from '../../api/problem.ts';
import { useMe } from '../../api/queries.ts';
import { errorMessage } from '../../components/error-message.ts';
import { ErrorState, LoadingState } from '../../components/PageState.tsx';
import { en } from '../../i18n/en.ts';
import { adminKeys } from '../api/keys.ts';
import { useManagedService, useManagedServices, useSaveService, useSlaPolicies, useTeams } from '../api/services.ts';
import type { ManagedService, SlaPolicy, Team } from '../api/types.ts';
import { LeaveGuard } from '../components/LeaveGuard.tsx';
import { ApprovalSection } from './ApprovalSection.tsx';
import { FormBuilder } from './form-builder/FormBuilder.tsx';
import { FormPreview } from './form-builder/FormPreview.tsx';
import { ProcedureSection } from './ProcedureSection.tsx';
import { ServiceDetailsSection } from './ServiceDetailsSection.tsx';
import { WorkflowSection } from './WorkflowSection.tsx';
import { bodyFromDraft, draftFromService, emptyDraft, formChanged, problemsByField, type FieldProblemAt, type ServiceDraft } from './service-draft.ts';

const words = en.admin.editor;
/** Top-level settings that an input of the editor shows under itself. */
const PLACED = ['name', 'slug', 'team', 'description', 'requestType', 'defaultPriority', 'confidential', 'audience', 'procedure', 'approval', 'slaPolicyId', 'active', 'form', 'workflow'];

interface EditorProps {
  service: ManagedService | undefined;
  /** Every service the caller can see, for the workflow's steps. */
  services: ManagedService[];
  teams: Team[];
  policies: SlaPolicy[];
}

function ServiceEditor({ service, services, teams, policies }: EditorProps) {
  const me = useMe();
  const navigate = useNavigate();
  const save = useSaveService();
  const client = useQueryClient();
  const location = useLocation();
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;
  const ledTeams = new Set(me.data?.memberships.filter((m) => m.role === 'lead').map((m) => m.team.slug));
  const ownerTeams = me.data?.isAdmin ? teams : teams.filter((team) => ledTeams.has(team.slug));
  // What was typed lives here, whatever the server answers: a failed save loses nothing.
  const [draft, setDraft] = useState<ServiceDraft>(() => (service ? draftFromService(service) : emptyDraft(ownerTeams[0]?.slug ?? '')));
  const [fieldProblems, setFieldProblems] = useState<Record<string, FieldProblemAt[]>>({});
  const [savedNote, setSavedNote] = useState<string | null>(justCreated ? words.created : null);
  const alertRef = useRef<HTMLDivElement>(null);
  // What the server holds, as the editor would send it: leaving with anything else asks first.
  const savedBody = useRef(JSON.stringify(bodyFromDraft(draft)));
  const latestDraft = useRef(draft);
  latestDraft.current = draft;
  const hasChanges = useCallback(() => JSON.stringify(bodyFromDraft(latestDraft.current)) !== savedBody.current, []);

  const problem = save.error instanceof ApiError ? save.error.problem : null;
  const messages = problem ? fieldMessages(problem, 'body.') : {};
  const elsewhere = (problem?.errors ?? []).filter((item) => !PLACED.includes(item.field.replace(/^body\./, '').split('.')[0] ?? ''));
  const hasPlaced = Object.keys(messages).some((name) => PLACED.includes(name));
  const changingForm = formChanged(draft, service);
  const update = (change: Partial<ServiceDraft>) => {
    setSavedNote(null);
    setDraft((previous) => ({ ...previous, ...change }));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const sentUids = draft.fields.map((field) => field.uid);
    const body = bodyFromDraft(draft);
    const input = service ? { id: service.id, version: service.version, body } : { body };
    save.mutate(input, {
      onSuccess: (saved) => {
        savedBody.current = JSON.stringify(body);
        setFieldProblems({});
        setSavedNote(service && saved.form.version !== service.form.version ? words.savedNewForm(saved.form.version) : words.saved);
        if (!service) void navigate(`/admin/services/${saved.id}`, { replace: true, state: { created: true } });
      },
      onError: (error) => {
        setFieldProblems(error instanceof ApiError ? problemsByField(error.problem, sentUids) : {});
        // Someone saved meanwhile: read their version, so saving again is based on it (the draft stays).
        if (service && error instanceof ApiError && error.code === 'VERSION_CONFLICT') void client.invalidateQueries({ queryKey: adminKeys.service(service.id) });
        requestAnimationFrame(() => alertRef.current?.focus());
      },
    });
  };

  const failureTitle =
    save.error instanceof ApiError && save.error.code === 'VERSION_CONFLICT'
      ? words.conflict
      : save.error instanceof ApiError && save.error.status === 403
        ? en.admin.forbidden
        : hasPlaced || Object.keys(fieldProblems).length > 0
          ? words.fixProblems
          : words.failed;

  return (
    <form onSubmit={onSubmit} noValidate>
      <LeaveGuard hasChanges={hasChanges} />
      <Stack gap="lg">
        {save.isError && (
          <Alert ref={alertRef} tabIndex={-1} color="red" role="alert" title={failureTitle}>
            <Stack gap={4}>
              {!hasPlaced && Object.keys(fieldProblems).length === 0 && <Text size="sm">{errorMessage(save.error)}</Text>}
              {elsewhere.length > 0 && (
                <List size="sm">
                  {elsewhere.map((item) => (
                    <List.Item key={`${item.field}:${item.reason}`}>{`${item.field.replace(/^body\./, '')}: ${item.reason}`}</List.Item>
                  ))}
                </List>
              )}
            </Stack>
          </Alert>
        )}
        {savedNote && !save.isError && (
          <Alert color="green" role="status">
            {savedNote}
          </Alert>
        )}
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="details-title">
          <Title order={2} size="h3" id="details-title" mb="sm">
            {words.details}
          </Title>
          <ServiceDetailsSection draft={draft} allTeams={teams} ownerTeams={ownerTeams} messages={messages} onChange={update} />
        </Paper>

        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="form-title">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h3" id="form-title">
              {en.admin.builder.title}
            </Title>
            {service && <Badge variant="light">{en.admin.services.version(service.form.version)}</Badge>}
          </Group>
          <Text size="sm" c="dimmed" mb="xs">
            {en.admin.builder.intro}
          </Text>
          {service && (
            <Text size="sm" mb="sm" fw={changingForm ? 600 : undefined} data-testid="form-version-note">
              {changingForm ? words.formWillChange : words.formVersionNote(service.form.version)}
            </Text>
          )}
          {messages.form && !Object.keys(fieldProblems).length && (
            <Text size="sm" c="red" role="alert" mb="sm">
              {en.form.fieldMessage(messages.form)}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <FormBuilder fields={draft.fields} problems={fieldProblems} onChange={(fields) => update({ fields })} />
            <div style={{ position: 'sticky', top: 72, alignSelf: 'start' }}>
              <FormPreview fields={draft.fields} serviceName={draft.name} />
            </div>
          </SimpleGrid>
        </Paper>

        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="procedure-title">
          <Title order={2} size="h3" id="procedure-title" mb="sm">
            {words.procedure}
          </Title>
          <ProcedureSection steps={draft.procedure} error={messages.procedure} onChange={(procedure) => update({ procedure })} />
        </Paper>

        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="approval-title">
          <Title order={2} size="h3" id="approval-title" mb="sm">
            {words.approvalAndSla}
          </Title>
          <ApprovalSection draft={draft} policies={policies} messages={messages} onChange={update} />
        </Paper>

        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="workflow-title">
          <Title order={2} size="h3" id="workflow-title" mb="sm">
            {en.admin.workflow.title}
          </Title>
          <WorkflowSection
            steps={draft.workflow}
            services={services}
            serviceId={service?.id}
            problems={(problem?.errors ?? []).filter((item) => item.field.startsWith('body.workflow'))}
            onChange={(workflow) => update({ workflow })}
          />
        </Paper>

        <Group>
          <Button type="submit" loading={save.isPending}>
            {service ? words.save : words.create}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** /admin/services/new and /admin/services/:id: a service with its form builder and live preview. */
export function ServiceEditorPage() {
  const { id } = useParams();
  const isNew = id === undefined;
  const service = useManagedService(id);
  const teams = useTeams();
  const policies = useSlaPolicies();
  const allServices = useManagedServices();
  // Without the SLA policies the editor still works (the list is empty); without teams or the service it cannot.
  const reads = [teams, ...(isNew ? [] : [service])];
  const failed = reads.find((read) => read.isError);

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/admin">
          {en.admin.back}
        </Anchor>
        <Anchor component={Link} to="/admin/services">
          {en.admin.services.title}
        </Anchor>
        <Text>{isNew ? words.newTitle : (service.data?.name ?? '…')}</Text>
      </Breadcrumbs>
      <Title order={1}>{isNew ? words.newTitle : words.editTitle(service.data?.name ?? '')}</Title>
      {failed ? (
        <ErrorState error={failed.error} onRetry={() => reads.forEach((read) => void read.refetch())} />
      ) : reads.some((read) => read.isPending) || policies.isPending || allServices.isPending ? (
        <LoadingState />
      ) : (
        <ServiceEditor key={id ?? 'new'} service={service.data} services={allServices.data ?? []} teams={teams.data ?? []} policies={policies.data ?? []} />
      )}
    </Stack>
  );
}
