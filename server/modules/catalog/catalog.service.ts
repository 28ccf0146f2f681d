import { memoOn } from '../../platform/cache/lookup-memo.ts';
import type { Queryable } from '../../platform/db/database.ts';
import { AppError, type FieldProblem } from '../../platform/http/errors.ts';
import { fingerprintOf } from '../../platform/http/idempotency.ts';
import { findPersonById, requireTeamBySlug } from '../people/people.service.ts';
import type { RequestChange } from '../requests/request-reactions.ts';
import { findSlaPolicy } from '../sla/sla.service.ts';
import { workflowDefinitionProblems, workflowStepServiceProblems } from '../workflows/workflow-definition.ts';
import { canManageService, canSeeService, managedTeamsOf, worksOnService, type CatalogActor } from './catalog.policy.ts';
import {
  createServiceBody,
  type CreateServiceInput,
  type FormInput,
  type ListServicesQuery,
  type ServiceInput,
  type ServiceView,
  type FormView,
  type UpdateServiceInput,
} from './catalog.schema.ts';
import * as store from './catalog.store.ts';
import { NameBook, toFormView, toServiceView, type ServiceAccess } from './catalog.views.ts';
import type { IntakeForm } from './intake-form.schema.ts';

// The catalog: services a team offers, with their versioned intake forms. Filing a request through
// a service is in intake.service.ts; procedure steps and approvals in steps/approvals.service.ts.
export { fileRequestThroughService, type FileThroughServiceOptions } from './intake.service.ts';
export type { ServiceRow } from './catalog.store.ts';

/** Hallway itself (the demo seeder, an import): no policy applies. */
export type ServiceAuthor = CatalogActor | 'system';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const findServiceById = (db: Queryable, id: string) => (UUID.test(id) ? store.selectServiceById(db, id) : Promise.resolve(undefined));

/**
 * The service a request change is about, read once for every reaction to that change (catalog,
 * SLA, workflows: requests/request-reactions.ts). They run one after the other in the change's
 * transaction and none of them writes the service, so they share one read, and with it one version
 * of the service even when an edit commits meanwhile.
 */
export function findServiceOfChange(tx: Queryable, change: RequestChange): Promise<store.ServiceRow | undefined> {
  const id = change.after.serviceId;
  if (id === null) return Promise.resolve(undefined);
  return memoOn(change, `service:${id}`, () => store.selectServiceById(tx, id));
}

/** A service by id or slug, with no access check: callers decide what the actor may know. */
export async function findService(db: Queryable, idOrSlug: string): Promise<store.ServiceRow | undefined> {
  if (UUID.test(idOrSlug)) return store.selectServiceById(db, idOrSlug.toLowerCase());
  return /^[a-z0-9][a-z0-9-]{0,62}$/.test(idOrSlug) ? store.selectServiceBySlug(db, idOrSlug) : undefined;
}

const notFound = (idOrSlug: string, field = 'params.idOrSlug') =>
  new AppError('SERVICE_NOT_FOUND', `No service ${idOrSlug.slice(0, 64)} that you can see`, [{ field, reason: 'no service you can see has this id or slug' }]);

/** The service if the actor may see it (see catalog.policy.ts), else 404 whether or not it exists. */
export async function findVisibleService(db: Queryable, actor: CatalogActor, idOrSlug: string): Promise<store.ServiceRow> {
  const service = await findService(db, idOrSlug);
  if (!service) throw notFound(idOrSlug);
  if (worksOnService(actor, service)) return service;
  const person = await findPersonById(db, actor.personId);
  if (!canSeeService(actor, service, person?.homeTeamId ?? null)) throw notFound(idOrSlug);
  return service;
}

export async function listServices(db: Queryable, actor: CatalogActor, query: ListServicesQuery): Promise<{ items: ServiceView[] }> {
  const managed = managedTeamsOf(actor);
  if (query.include === 'inactive' && managed !== 'all' && managed.length === 0) {
    throw new AppError('FORBIDDEN', 'Only agents, leads and admins list inactive services', [
      { field: 'query.include', reason: 'is for people who work on services' },
    ]);
  }
  const [person, team] = await Promise.all([
    findPersonById(db, actor.personId),
    query.team ? requireTeamBySlug(db, query.team, 'query.team', { cached: true }) : undefined,
  ]);
  const rows = await store.selectServices(db, {
    homeTeamId: person?.homeTeamId ?? null,
    managedTeamIds: query.include === 'inactive' ? managed : undefined,
    teamId: team?.id,
  });
  const forms = await store.selectCurrentForms(db, rows);
  const names = new NameBook(db);
  const items = await Promise.all(rows.map((row) => toServiceView(row, forms.get(row.id)!, names, accessOf(actor, row))));
  return { items };
}

export async function getService(db: Queryable, actor: CatalogActor, idOrSlug: string): Promise<ServiceView> {
  const service = await findVisibleService(db, actor, idOrSlug);
  return viewOf(db, service, accessOf(actor, service));
}

const accessOf = (actor: CatalogActor, service: store.ServiceRow): ServiceAccess => ({
  manages: canManageService(actor, service.teamId),
  worksOn: worksOnService(actor, service),
});

/** Only admins and leads write services, and they may see all of it. */
const AUTHOR: ServiceAccess = { manages: true, worksOn: true };

export async function getServiceForm(db: Queryable, actor: CatalogActor, idOrSlug: string, version: number): Promise<FormView> {
  const service = await findVisibleService(db, actor, idOrSlug);
  const form = await store.selectForm(db, service.id, version);
  if (!form) throw new AppError('FORM_VERSION_NOT_FOUND', undefined, [{ field: 'params.version', reason: `the service's forms are versions 1 to ${service.formVersion}` }]);
  return toFormView(form);
}

async function viewOf(db: Queryable, service: store.ServiceRow, access: ServiceAccess): Promise<ServiceView> {
  const form = await store.selectForm(db, service.id, service.formVersion);
  if (!form) throw new AppError('INTERNAL', `service ${service.id} has no form version ${service.formVersion}`);
  return toServiceView(service, form, new NameBook(db), access);
}

/**
 * Publishes a service (admins, and leads of the owning team; 'system' for seeders). Input is parsed
 * here as well as by the route, so a seeder's mistake is the same problem an API client gets.
 */
export async function createService(tx: Queryable, author: ServiceAuthor, input: CreateServiceInput): Promise<ServiceView> {
  const parsed = createServiceBody.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues.map((issue) => ({ field: ['body', ...issue.path.map(String)].join('.'), reason: issue.message })));
  const values = parsed.data;
  const team = await requireTeamBySlug(tx, values.team, 'body.team');
  if (author !== 'system' && !canManageService(author, team.id)) {
    throw new AppError('FORBIDDEN', `Only an admin or a lead of ${team.name} publishes its services`);
  }
  const { problems, audienceTeamIds } = await checkReferences(tx, values, { teamId: team.id });
  if (problems.length > 0) throw invalid(problems);
  const row = await writeOrExplain(() =>
    store.insertService(tx, {
      slug: values.slug,
      teamId: team.id,
      name: values.name,
      description: values.description,
      requestType: values.requestType,
      defaultPriority: values.defaultPriority,
      confidential: values.confidential,
      audienceTeamIds: audienceTeamIds ?? null,
      formVersion: 1,
      procedure: values.procedure,
      approval: values.approval,
      slaPolicyId: values.slaPolicyId,
      workflow: values.workflow,
      active: values.active,
    }),
  );
  await store.insertForm(tx, row.id, { version: 1, fields: values.form.fields });
  return viewOf(tx, row, AUTHOR);
}

/**
 * Changes a service, guarded by the version read (412 when it moved on). A form that differs from
 * the current one becomes a new version; older versions stay, so requests made with them still read.
 */
export async function updateService(tx: Queryable, author: ServiceAuthor, id: string, input: UpdateServiceInput): Promise<ServiceView> {
  const { version: expected, ...change } = input;
  if (expected === undefined) throw new AppError('VERSION_REQUIRED');
  const current = author === 'system' ? await findService(tx, id) : await findVisibleService(tx, author, id);
  if (!current) throw notFound(id, 'params.id');
  const currentTeam = current.teamId;
  let teamId = currentTeam;
  if (change.team !== undefined) teamId = (await requireTeamBySlug(tx, change.team, 'body.team')).id;
  if (author !== 'system' && !(canManageService(author, currentTeam) && canManageService(author, teamId))) {
    throw new AppError('FORBIDDEN', 'Only an admin or a lead of the owning team changes a service (of both teams, to move it)');
  }
  if (current.version !== expected) throw versionConflict(current.version);

  // A move to another team must take a policy of that team along.
  const policyId = change.slaPolicyId !== undefined ? change.slaPolicyId : teamId !== currentTeam ? current.slaPolicyId : null;
  const { problems, audienceTeamIds } = await checkReferences(tx, { ...change, slaPolicyId: policyId }, { serviceId: current.id, teamId });
  if (problems.length > 0) throw invalid(problems);
  const currentForm = await store.selectForm(tx, current.id, current.formVersion);
  const formChanged = change.form !== undefined && !sameForm(change.form, currentForm?.form);
  const values: Partial<store.NewServiceRow> = {};
  const keys = ['slug', 'name', 'description', 'requestType', 'defaultPriority', 'confidential', 'procedure', 'approval', 'slaPolicyId', 'workflow', 'active'] as const;
  for (const key of keys) {
    if (change[key] !== undefined && fingerprintOf('', change[key]) !== fingerprintOf('', current[key])) Object.assign(values, { [key]: change[key] });
  }
  if (teamId !== currentTeam) values.teamId = teamId;
  if (audienceTeamIds !== undefined && fingerprintOf('', audienceTeamIds) !== fingerprintOf('', current.audienceTeamIds)) {
    values.audienceTeamIds = audienceTeamIds;
  }
  if (formChanged) values.formVersion = current.formVersion + 1;
  if (Object.keys(values).length === 0) return viewOf(tx, current, AUTHOR);

  const updated = await writeOrExplain(() => store.updateServiceRow(tx, current.id, expected, values));
  if (!updated) throw versionConflict(current.version + 1);
  if (formChanged) await store.insertForm(tx, updated.id, { version: updated.formVersion, fields: change.form!.fields });
  return viewOf(tx, updated, AUTHOR);
}

function sameForm(input: FormInput, stored: IntakeForm | undefined): boolean {
  return stored !== undefined && fingerprintOf('', input.fields) === fingerprintOf('', stored.fields);
}

/**
 * Every reference the input makes, checked at once (teams, people, services, form rules), and the
 * audience's team ids (undefined when the input does not name an audience).
 */
async function checkReferences(
  tx: Queryable,
  input: Partial<Pick<ServiceInput, 'audience' | 'approval' | 'workflow' | 'form' | 'slaPolicyId'>>,
  { serviceId, teamId }: { serviceId?: string; teamId: string },
): Promise<{ problems: FieldProblem[]; audienceTeamIds: string[] | null | undefined }> {
  const problems: FieldProblem[] = [];
  if (input.slaPolicyId) {
    // A service-level policy is counted in its team's business time: only the owning team's fits.
    const policy = await findSlaPolicy(tx, input.slaPolicyId);
    if (!policy) problems.push({ field: 'body.slaPolicyId', reason: 'no service-level policy has this id' });
    else if (policy.teamId !== teamId) problems.push({ field: 'body.slaPolicyId', reason: "is a policy of another team; use one of the owning team's" });
  }
  let audienceTeamIds: string[] | null | undefined;
  if (input.audience !== undefined) {
    const ids: string[] = [];
    for (const [index, slug] of (input.audience ?? []).entries()) {
      try {
        ids.push((await requireTeamBySlug(tx, slug, `body.audience.${index}`)).id);
      } catch (error) {
        if (!(error instanceof AppError) || !error.errors) throw error;
        problems.push(...error.errors);
      }
    }
    audienceTeamIds = input.audience === null ? null : [...new Set(ids)];
  }
  if (input.approval?.approver === 'person') {
    const person = await findPersonById(tx, input.approval.personId);
    if (!person?.active) problems.push({ field: 'body.approval.personId', reason: 'no active person has this id' });
  }
  if (input.workflow !== undefined) {
    const steps = input.workflow.map((step) => ({ ...step, serviceId: step.serviceId.toLowerCase() }));
    const named = await store.selectServicesByIds(tx, steps.map((step) => step.serviceId));
    const facts = new Map(named.map((row) => [row.id, { id: row.id, name: row.name, workflowLength: row.workflow.length }]));
    problems.push(...workflowDefinitionProblems(steps, 'body.workflow'), ...workflowStepServiceProblems(steps, facts, serviceId, 'body.workflow'));
  }
  return { problems, audienceTeamIds };
}

function invalid(problems: FieldProblem[]): AppError {
  return new AppError('VALIDATION_FAILED', problems.map((problem) => `${problem.field}: ${problem.reason}`).join('; '), problems);
}

function versionConflict(currentVersion: number): AppError {
  return new AppError('VERSION_CONFLICT', `The service is at version ${currentVersion}; read it again and reapply your change`, undefined, { currentVersion });
}

/** Slugs are unique and policies must exist: the database decides, and the error names the field. */
async function writeOrExplain<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const violated = store.violatedConstraint(error);
    if (violated?.constraint === 'services_slug_unique') throw new AppError('SERVICE_SLUG_TAKEN', undefined, [{ field: 'body.slug', reason: 'another service has this slug' }]);
    if (violated?.code === '23503' && violated.constraint.includes('sla_policy')) {
      throw invalid([{ field: 'body.slaPolicyId', reason: 'no service-level policy has this id' }]);
    }
    throw error;
  }
}
