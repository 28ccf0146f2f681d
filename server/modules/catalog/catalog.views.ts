import type { Queryable } from '../../platform/db/database.ts';
import { NameBook } from '../requests/requests.views.ts';
import type { FormView, ServiceView } from './catalog.schema.ts';
import { selectForm, type FormRow, type ServiceRow } from './catalog.store.ts';
import { answerRecordSchema, displayAnswers, type DisplayedAnswer } from './intake-form.ts';

// Shaping services for the API. Names of teams and people come through the people service (NameBook).

export function toFormView(row: FormRow): FormView {
  return { version: row.version, fields: row.form.fields, createdAt: row.createdAt.toISOString() };
}

/** What the caller may see of a service beyond what every requester sees. */
export interface ServiceAccess {
  /** Admins and the owning team's leads: who exactly approves, and the workflow it spawns. */
  manages: boolean;
  /** The owning team's agents and admins: the procedure (the team's checklist, decision 0012). */
  worksOn: boolean;
}

/**
 * A service as the caller may see it. Those who manage it see who exactly approves and the workflow
 * it spawns; those who work on it, its procedure; requesters see what kind of approval to expect,
 * not the internals.
 */
export async function toServiceView(row: ServiceRow, form: FormRow, names: NameBook, { manages, worksOn }: ServiceAccess): Promise<ServiceView> {
  const [team, audience] = await Promise.all([
    names.team(row.teamId),
    row.audienceTeamIds === null ? null : Promise.all(row.audienceTeamIds.map((id) => names.team(id))),
  ]);
  let approval: ServiceView['approval'] = null;
  if (row.approval) {
    approval = { approver: row.approval.approver };
    if (manages && row.approval.approver === 'person') approval.person = await names.person(row.approval.personId);
  }
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    team: { slug: team.slug, name: team.name },
    requestType: row.requestType,
    defaultPriority: row.defaultPriority,
    confidential: row.confidential,
    audience: audience?.map((entry) => ({ slug: entry.slug, name: entry.name })) ?? null,
    form: toFormView(form),
    ...(worksOn ? { procedure: row.procedure } : {}),
    approval,
    slaPolicyId: row.slaPolicyId,
    ...(manages ? { workflow: row.workflow } : {}),
    active: row.active,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * A request's stored answers for people to read, in the order of the form they were given to.
 * jsonb keeps object keys in its own order (shortest first), not the form's, so the order comes
 * from that form version, which is never deleted; names it does not know (none, normally) go last.
 */
export async function answersInFormOrder(db: Queryable, serviceId: string | null, stored: unknown): Promise<{ formVersion: number; answers: DisplayedAnswer[]; values: Record<string, string | number | string[]> } | undefined> {
  const record = answerRecordSchema.safeParse(stored);
  if (!record.success) return undefined;
  const form = serviceId === null ? undefined : await selectForm(db, serviceId, record.data.formVersion);
  const order = new Map(form?.form.fields.map((field, index) => [field.name, index]) ?? []);
  const rank = (name: string) => order.get(name) ?? Number.MAX_SAFE_INTEGER;
  const answers = displayAnswers(record.data).sort((a, b) => rank(a.name) - rank(b.name));
  return { formVersion: record.data.formVersion, answers, values: record.data.answers };
}

export { NameBook };
