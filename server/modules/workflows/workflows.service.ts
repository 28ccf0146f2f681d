import type { Queryable } from '../../platform/db/database.ts';
import { findTeamById } from '../people/people.service.ts';
import { canView, type RequestActor } from '../requests/requests.policy.ts';
import { findVisibleRequest } from '../requests/visible-request.ts';
import { inDependencyOrder, isDone } from './workflow-definition.ts';
import type { WorkflowStepView, WorkflowView } from './workflows.schema.ts';
import { findServiceById, type ServiceRow } from '../catalog/catalog.service.ts';
import * as store from './workflows.store.ts';

export { workflowReaction } from './workflow-reaction.ts';

/**
 * A parent's workflow: every step, its linked request and what it waits for. Whoever may see the
 * parent sees the progress: an HR agent following an onboarding needs to know where IT stands
 * without being an agent of IT. A linked request's key and subject are shown as the parent's
 * timeline shows them (`workflow_step_opened`): for an ordinary one, whoever reads the parent may
 * know it exists (its subject is the parent's subject and the service's name), even where opening
 * it would answer 404. A confidential one the caller may not see (a payroll case, read by an HR
 * agent) shows its step, its team (a catalog fact, not a fact about the case) and its status only,
 * never its key or subject. A request with no workflow has no steps: an empty list, not an error.
 */
export async function getWorkflowProgress(db: Queryable, actor: RequestActor, key: string): Promise<WorkflowView> {
  const parent = await findVisibleRequest(db, actor, key);
  const steps = await store.selectSteps(db, parent.id);
  const done = new Set(steps.filter((step) => step.child && isDone(step.child.status)).map((step) => step.stepKey));

  const services = new Map<string, Promise<ServiceRow | undefined>>();
  const serviceOf = (id: string) => {
    if (!services.has(id)) services.set(id, findServiceById(db, id));
    return services.get(id)!;
  };
  const teams = new Map<string, Promise<{ slug: string; name: string }>>();
  const teamOf = (id: string) => {
    if (!teams.has(id)) teams.set(id, findTeamById(db, id).then((team) => ({ slug: team?.slug ?? 'unknown', name: team?.name ?? 'Unknown team' })));
    return teams.get(id)!;
  };

  const ordered = inDependencyOrder(steps.map((step) => ({ ...step, key: step.stepKey, after: step.dependsOn })));
  const views = await Promise.all(
    ordered.map(async (step): Promise<WorkflowStepView> => {
      const service = await serviceOf(step.serviceId);
      const child = step.child;
      const hidden = child !== null && child.confidential && !canView(actor, child);
      // A handed-off child shows its current team, except to those it is hidden from.
      const team = await teamOf(child !== null && !hidden ? child.teamId : (service?.teamId ?? ''));
      return {
        step: step.stepKey,
        name: service?.name ?? step.stepKey,
        team,
        state: child === null ? 'waiting' : isDone(child.status) ? 'done' : 'open',
        status: child?.status ?? null,
        after: step.dependsOn,
        waitingFor: child === null ? step.dependsOn.filter((dependency) => !done.has(dependency)) : [],
        request: child !== null && !hidden ? { key: child.key, subject: child.subject } : null,
        hidden,
      };
    }),
  );
  return { key: parent.key, status: parent.status, done: done.size, total: steps.length, steps: views };
}
