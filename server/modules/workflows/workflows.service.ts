import type { Queryable } from '../../platform/db/database.ts';
import { findTeamById } from '../people/people.service.ts';
import { canView, type RequestActor } from '../requests/requests.policy.ts';
import { findVisibleRequest } from '../requests/visible-request.ts';
import { inDependencyOrder, isDone } from './workflow-definition.ts';
import type { WorkflowStepView, WorkflowView } from './workflows.schema.ts';
import * as store from './workflows.store.ts';

export { workflowReaction } from './workflow-reaction.ts';

/**
 * A parent's workflow: every step, its linked request and what it waits for. Whoever may see the
 * parent sees the progress, because the requester needs to know where their onboarding stands
 * without being able to read each team's requests. A linked request the caller may not see
 * (confidential: a payroll case read by the hiring manager's HR agent) shows its step, its team
 * (a catalog fact, not a fact about the case) and its status only; never its key or subject,
 * which is what the requests module's own rules would hide. A request with no workflow has no
 * steps (an empty list, not an error: "this request spawned nothing" is an answer).
 */
export async function getWorkflowProgress(db: Queryable, actor: RequestActor, key: string): Promise<WorkflowView> {
  const parent = await findVisibleRequest(db, actor, key);
  const steps = await store.selectSteps(db, parent.id);
  const done = new Set(steps.filter((step) => step.child && isDone(step.child.status)).map((step) => step.stepKey));

  const services = new Map<string, Promise<store.WorkflowService | undefined>>();
  const serviceOf = (id: string) => {
    if (!services.has(id)) services.set(id, store.selectWorkflowService(db, id));
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
      const visible = child !== null && canView(actor, child);
      // A handed-off child shows its current team to those who see it, the service's to others.
      const team = await teamOf(visible ? child.teamId : (service?.teamId ?? ''));
      return {
        step: step.stepKey,
        name: service?.name ?? step.stepKey,
        team,
        state: child === null ? 'waiting' : isDone(child.status) ? 'done' : 'open',
        status: child?.status ?? null,
        after: step.dependsOn,
        waitingFor: child === null ? step.dependsOn.filter((dependency) => !done.has(dependency)) : [],
        request: visible ? { key: child.key, subject: child.subject } : null,
        hidden: child !== null && !visible,
      };
    }),
  );
  return { key: parent.key, status: parent.status, done: done.size, total: steps.length, steps: views };
}
