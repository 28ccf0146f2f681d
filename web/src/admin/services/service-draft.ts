import type { Problem } from '../../api/problem.ts';
import type { Approver, ManagedService, Priority, RequestType, ServiceBody } from '../api/types.ts';
import { fromFormFields, toFormFields, type FieldDraft } from './form-builder/field-draft.ts';

// A service while it is being edited, and the steps between it and the API: what the editor
// holds (every input's text, even when not yet valid), the body it sends, and where the API's
// problems belong when it refuses.

export interface StepDraft {
  uid: string;
  title: string;
  description: string;
}

export interface ServiceDraft {
  name: string;
  slug: string;
  /** Until the author types a slug, it follows the name (new services only). */
  slugEdited: boolean;
  team: string;
  description: string;
  requestType: RequestType;
  defaultPriority: Priority;
  confidential: boolean;
  /** Team slugs; none means everyone may ask. */
  audience: string[];
  procedure: StepDraft[];
  approver: Approver | 'none';
  /** The named approver, with their name so the editor can show who it is. */
  approvalPerson: { id: string; name: string } | null;
  slaPolicyId: string | null;
  active: boolean;
  fields: FieldDraft[];
  /** The linked requests a request for this service opens, each in another team's queue, in order of their dependencies. */
  workflow: WorkflowStepDraft[];
}

export interface WorkflowStepDraft {
  uid: string;
  key: string;
  serviceId: string | null;
  after: string[];
}

export function newWorkflowStep(taken: readonly string[]): WorkflowStepDraft {
  stepCounter += 1;
  let n = taken.length + 1;
  while (taken.includes(`step_${n}`)) n += 1;
  return { uid: `w${stepCounter}`, key: `step_${n}`, serviceId: null, after: [] };
}

/** A step renamed: the steps that waited for it keep waiting for it under its new key. */
export function withStepKey(steps: readonly WorkflowStepDraft[], uid: string, key: string): WorkflowStepDraft[] {
  const old = steps.find((step) => step.uid === uid)?.key;
  return steps.map((step) => (step.uid === uid ? { ...step, key } : { ...step, after: step.after.map((name) => (name === old ? key : name)) }));
}

/** A step removed: nothing waits for it any more. */
export function withoutStep(steps: readonly WorkflowStepDraft[], uid: string): WorkflowStepDraft[] {
  const old = steps.find((step) => step.uid === uid)?.key;
  return steps.filter((step) => step.uid !== uid).map((step) => ({ ...step, after: step.after.filter((name) => name !== old) }));
}

let stepCounter = 0;
export function newStep(): StepDraft {
  stepCounter += 1;
  return { uid: `s${stepCounter}`, title: '', description: '' };
}

/** A slug the API accepts (a-z, 0-9, -), made from a name. */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

export function emptyDraft(team: string): ServiceDraft {
  return {
    name: '',
    slug: '',
    slugEdited: false,
    team,
    description: '',
    requestType: 'question',
    defaultPriority: 'normal',
    confidential: false,
    audience: [],
    procedure: [],
    approver: 'none',
    approvalPerson: null,
    slaPolicyId: null,
    active: true,
    fields: [],
    workflow: [],
  };
}

export function draftFromService(service: ManagedService): ServiceDraft {
  return {
    name: service.name,
    slug: service.slug,
    slugEdited: true,
    team: service.team.slug,
    description: service.description,
    requestType: service.requestType,
    defaultPriority: service.defaultPriority,
    confidential: service.confidential,
    audience: service.audience?.map((team) => team.slug) ?? [],
    procedure: (service.procedure ?? []).map((step) => ({ ...newStep(), title: step.title, description: step.description ?? '' })),
    approver: service.approval?.approver ?? 'none',
    approvalPerson: service.approval?.person ? { id: service.approval.person.id, name: service.approval.person.name } : null,
    slaPolicyId: service.slaPolicyId,
    active: service.active,
    fields: fromFormFields(service.form.fields),
    workflow: (service.workflow ?? []).map((step) => ({ ...newWorkflowStep([]), key: step.key, serviceId: step.serviceId, after: [...step.after] })),
  };
}

function approvalOf(draft: ServiceDraft): ServiceBody['approval'] {
  switch (draft.approver) {
    case 'none':
      return null;
    case 'person':
      // An empty choice is sent as it is, so the API names the missing person at its field.
      return { approver: 'person', personId: draft.approvalPerson?.id ?? '' };
    default:
      return { approver: draft.approver };
  }
}

export function bodyFromDraft(draft: ServiceDraft): ServiceBody {
  return {
    slug: draft.slug,
    team: draft.team,
    name: draft.name,
    description: draft.description,
    requestType: draft.requestType,
    defaultPriority: draft.defaultPriority,
    confidential: draft.confidential,
    audience: draft.audience.length > 0 ? draft.audience : null,
    form: { fields: toFormFields(draft.fields) },
    procedure: draft.procedure.map((step) => ({ title: step.title, ...(step.description.trim() ? { description: step.description } : {}) })),
    approval: approvalOf(draft),
    slaPolicyId: draft.slaPolicyId,
    // An unchosen service is sent empty, so the API names the step's missing service at its field.
    workflow: draft.workflow.map((step) => ({ key: step.key, serviceId: step.serviceId ?? '', after: step.after })),
    active: draft.active,
  };
}

/** Whether saving this draft changes the form, and so publishes a new form version. */
export function formChanged(draft: ServiceDraft, service: ManagedService | undefined): boolean {
  if (!service) return draft.fields.length > 0;
  return JSON.stringify(toFormFields(draft.fields)) !== JSON.stringify(service.form.fields.map(normalisedField));
}

/** The server fills defaults (help '', required false, integer false); compared as the editor would send them. */
function normalisedField(field: ManagedService['form']['fields'][number]) {
  return toFormFields(fromFormFields([field]))[0];
}

export interface FieldProblemAt {
  /** The setting, as the API names it under the field: `label`, `options.1.value`, `showWhen.field`. */
  setting: string;
  reason: string;
}

/**
 * The API's problems about form fields (`body.form.fields.<n>.<setting>`), by the draft id of the
 * field that was at position n when the form was sent: the author may move fields afterwards, and
 * each message stays with its field.
 */
export function problemsByField(problem: Problem, sentUids: readonly string[]): Record<string, FieldProblemAt[]> {
  const byField: Record<string, FieldProblemAt[]> = {};
  for (const { field, reason } of problem.errors ?? []) {
    const match = /^body\.form\.fields\.(\d+)(?:\.(.*))?$/.exec(field);
    if (!match) continue;
    const uid = sentUids[Number(match[1])];
    if (!uid) continue;
    (byField[uid] ??= []).push({ setting: match[2] ?? '', reason });
  }
  return byField;
}

/** The messages for one setting of a field (`options` gathers `options.1.value` and the like). */
export function messageFor(problems: readonly FieldProblemAt[] | undefined, setting: string): string | undefined {
  // The API may say the same thing twice (the field's schema, then the form's own check of it): once is enough.
  const reasons = new Set((problems ?? []).filter((item) => item.setting === setting || item.setting.startsWith(`${setting}.`)).map((item) => item.reason));
  return reasons.size > 0 ? [...reasons].join('; ') : undefined;
}
