import type { Queryable } from '../../platform/db/database.ts';
import { findServiceById, findServiceOfChange } from '../catalog/catalog.service.ts';
import { findPersonById, findTeamById } from '../people/people.service.ts';
import type { RequestChange, RequestReaction } from '../requests/request-reactions.ts';
import type { NewEvent, RequestRow } from '../requests/requests.store.ts';
import { appendRequestEvents } from '../requests/request-changes.service.ts';
import { applyHallwayChange, createRequest } from '../requests/requests.service.ts';
import { inDependencyOrder, isDone, stepsReadyToOpen } from './workflow-definition.ts';
import * as store from './workflows.store.ts';

/**
 * A multi-team workflow at work (issue 3). The parent, filed through a service with a workflow,
 * gets a copy of the definition; each step becomes a child request through the step's service
 * once every step it waits for is done; the parent is resolved when every child is.
 *
 * "Done" is a child's status at the moment: resolved or closed. A child reopened after its
 * dependents were opened does not take them back (work under way is not withdrawn), but it is not
 * done again until resolved again: a step still waiting on it stays waiting, and a parent that was
 * resolved goes back to in_progress, because the parent's state says whether everything it asked
 * for is done. A closed parent is final: it opens no more steps (closing it is how a workflow is
 * called off, e.g. the hire withdrew).
 *
 * A parent that waits for approval opens nothing until approved (pending_approval -> new): the
 * workflow's work starts when the parent's work may.
 */
export const workflowReaction: RequestReaction = async (tx, change) => {
  const { before, after } = change;
  if (before === null) {
    // A child never starts a workflow of its own, whatever its service says now: workflows are one
    // level deep (see workflowStepServiceProblems), which also makes recursion impossible.
    if (after.parentId === null && after.serviceId !== null) await startWorkflow(tx, change);
    return;
  }
  if (before.status === 'pending_approval' && after.status === 'new' && after.parentId === null) {
    await advance(tx, after.id, change.at);
    return;
  }
  if (after.parentId !== null && isDone(before.status) !== isDone(after.status)) await childMoved(tx, after, change);
};

async function startWorkflow(tx: Queryable, change: RequestChange): Promise<void> {
  const { after: parent, at } = change;
  const service = await findServiceOfChange(tx, change);
  if (!service || service.workflow.length === 0) return;
  await store.insertSteps(tx, parent.id, service.workflow);
  if (parent.status === 'pending_approval') return;
  await advance(tx, parent.id, at);
}

async function childMoved(tx: Queryable, child: RequestRow, change: RequestChange): Promise<void> {
  const link = await store.selectStepOfChild(tx, child.id);
  if (!link) return;
  if (isDone(child.status)) {
    await advance(tx, link.parentRequestId, change.at);
    return;
  }
  // Reopened. The steps' locks first, as every workflow change takes them (see lockSteps).
  await store.lockSteps(tx, link.parentRequestId);
  const parent = await store.selectParent(tx, link.parentRequestId);
  if (parent?.status !== 'resolved') return;
  await applyHallwayChange(
    tx,
    parent.id,
    { status: 'in_progress', reason: 'a linked request was reopened', data: { step: link.stepKey } },
    { at: change.at },
  );
}

/**
 * Opens every step whose dependencies are all done and, when every step's child is done, resolves
 * the parent. Safe to call again at any time: it only ever does what the current state asks for.
 */
async function advance(tx: Queryable, parentId: string, at: Date): Promise<void> {
  const steps = await store.lockSteps(tx, parentId);
  const parent = await store.selectParent(tx, parentId);
  if (steps.length === 0 || !parent || parent.status === 'closed' || parent.status === 'pending_approval') return;

  const done = new Set(steps.filter((step) => step.child && isDone(step.child.status)).map((step) => step.stepKey));
  // In the order the progress view lists them, so the parent's timeline reads the same way.
  const ready = stepsReadyToOpen(
    inDependencyOrder(steps.map((step) => ({ key: step.stepKey, after: step.dependsOn, opened: step.childRequestId !== null }))),
    done,
  );
  const events: NewEvent[] = [];
  for (const stepKey of ready) {
    const step = steps.find((candidate) => candidate.stepKey === stepKey)!;
    events.push(await openStep(tx, parent, stepKey, step.serviceId, at));
  }
  // One append for all the steps opened together: one version bump on the parent, not one each.
  if (events.length > 0) await appendRequestEvents(tx, parent.id, events, { at });

  if (done.size === steps.length) {
    await applyHallwayChange(tx, parent.id, { status: 'resolved', reason: 'every linked request is done' }, { at });
  }
}

/**
 * Files the step's child request through the step's service, in the parent requester's name (it is
 * their need; the `created` event says the workflow opened it). Its status is `new` even when the
 * service asks for approval: the parent's filing, and its own approval if it had one, is the
 * decision to do every step, and an approval per team would hold the hire's first day up on
 * decisions nobody means to refuse. No form answers: the child's description points at the parent,
 * where the requester's answers are.
 */
async function openStep(tx: Queryable, parent: store.ParentFacts, stepKey: string, serviceId: string, at: Date): Promise<NewEvent> {
  const service = await findServiceById(tx, serviceId);
  const team = service && (await findTeamById(tx, service.teamId));
  const requester = await findPersonById(tx, parent.requesterId);
  if (!service || !team || !requester) {
    throw new Error(`workflow of ${parent.key}: step "${stepKey}" names a service, team or requester that is gone`);
  }
  // A confidential parent's subject stays on the parent: the child's team sees only what it needs.
  const subject = parent.confidential ? service.name : `${parent.subject}: ${service.name}`.slice(0, 300);
  const description = `Opened by the workflow of ${parent.key} (step "${stepKey}"): see ${parent.key} for what was asked.`;
  const actor = { personId: requester.id, name: requester.name, isAdmin: false, memberships: [] };
  const created = await createRequest(
    tx,
    actor,
    { team: team.slug, subject, description, priority: service.defaultPriority, confidential: service.confidential, channel: parent.channel },
    {
      at,
      intake: {
        serviceId: service.id,
        answers: null,
        parentId: parent.id,
        status: 'new',
        eventData: { openedBy: 'workflow', workflowStep: stepKey, parentKey: parent.key },
      },
    },
  );
  await store.setChildOfStep(tx, parent.id, stepKey, created.body.key);
  // A confidential child's key is not shown to the parent's readers (see the progress view).
  return {
    actorId: null,
    kind: 'workflow_step_opened',
    visibility: 'public',
    data: { step: stepKey, service: service.name, team: team.slug, ...(service.confidential ? {} : { childKey: created.body.key }) },
  };
}
