import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../platform/db/database.ts';
import type { WorkflowStepDefinition } from '../catalog/catalog.tables.ts';
import { serviceRequests, type RequestStatus } from '../requests/requests.tables.ts';
import { requestWorkflowSteps } from './workflows.tables.ts';

// The only place that writes SQL for workflows. It reads the requests table too, read-only and on
// purpose: a parent's progress is its children's statuses, read together with the steps in one
// query and under the steps' row locks (see lockSteps). The requests service reads a request only
// for an actor who may see it; here Hallway reads the children it opened itself.

const steps = requestWorkflowSteps;
const child = alias(serviceRequests, 'child');

/** The parent's copy of its service's workflow (see workflows.tables.ts). */
export async function insertSteps(tx: Queryable, parentRequestId: string, definition: readonly WorkflowStepDefinition[]): Promise<void> {
  if (definition.length === 0) return;
  await tx.insert(steps).values(
    definition.map((step) => ({ parentRequestId, stepKey: step.key, serviceId: step.serviceId, dependsOn: [...step.after] })),
  );
}

/** A step with its child's facts (null until the child is opened). */
export interface StepState {
  stepKey: string;
  serviceId: string;
  dependsOn: string[];
  childRequestId: string | null;
  child: {
    key: string;
    subject: string;
    status: RequestStatus;
    teamId: string;
    requesterId: string;
    assigneeId: string | null;
    confidential: boolean;
  } | null;
}

const stepColumns = {
  stepKey: steps.stepKey,
  serviceId: steps.serviceId,
  dependsOn: steps.dependsOn,
  childRequestId: steps.childRequestId,
  childKey: child.key,
  childSubject: child.subject,
  childStatus: child.status,
  childTeamId: child.teamId,
  childRequesterId: child.requesterId,
  childAssigneeId: child.assigneeId,
  childConfidential: child.confidential,
};

function toStepState(row: Awaited<ReturnType<typeof selectStepRows>>[number]): StepState {
  const opened = row.childRequestId !== null && row.childKey !== null && row.childStatus !== null;
  return {
    stepKey: row.stepKey,
    serviceId: row.serviceId,
    dependsOn: row.dependsOn,
    childRequestId: row.childRequestId,
    child: opened
      ? {
          key: row.childKey!,
          subject: row.childSubject!,
          status: row.childStatus!,
          teamId: row.childTeamId!,
          requesterId: row.childRequesterId!,
          assigneeId: row.childAssigneeId,
          confidential: row.childConfidential!,
        }
      : null,
  };
}

/**
 * The parent's steps, locked until the transaction ends. Every change that may open a step or
 * resolve the parent takes these locks first, so two children resolved at the same moment are
 * handled one after the other: the second sees the first's commit (each statement reads afresh
 * under READ COMMITTED), opens nothing twice and resolves the parent exactly once. Locked in key
 * order, so two such transactions never wait on each other in a circle.
 */
export async function lockSteps(tx: Queryable, parentRequestId: string): Promise<StepState[]> {
  await tx.select({ stepKey: steps.stepKey }).from(steps).where(eq(steps.parentRequestId, parentRequestId)).orderBy(asc(steps.stepKey)).for('update');
  return selectSteps(tx, parentRequestId);
}

function selectStepRows(db: Queryable, parentRequestId: string) {
  return db
    .select(stepColumns)
    .from(steps)
    .leftJoin(child, eq(child.id, steps.childRequestId))
    .where(eq(steps.parentRequestId, parentRequestId))
    .orderBy(asc(steps.stepKey));
}

/** The parent's steps by key (the copy keeps no position; the service layer orders them for people). */
export async function selectSteps(db: Queryable, parentRequestId: string): Promise<StepState[]> {
  return (await selectStepRows(db, parentRequestId)).map(toStepState);
}

/** The step a child request was opened for, if it was. */
export async function selectStepOfChild(db: Queryable, childRequestId: string): Promise<{ parentRequestId: string; stepKey: string } | undefined> {
  const [row] = await db
    .select({ parentRequestId: steps.parentRequestId, stepKey: steps.stepKey })
    .from(steps)
    .where(eq(steps.childRequestId, childRequestId));
  return row;
}

export async function setChildOfStep(tx: Queryable, parentRequestId: string, stepKey: string, childRequestKey: string): Promise<void> {
  await tx
    .update(steps)
    .set({ childRequestId: sql`(select id from ${serviceRequests} where ${serviceRequests.key} = ${childRequestKey})` })
    .where(and(eq(steps.parentRequestId, parentRequestId), eq(steps.stepKey, stepKey)));
}

/** The parent's facts a workflow copies onto its children, read fresh (not from a possibly older row). */
export interface ParentFacts {
  id: string;
  key: string;
  subject: string;
  status: RequestStatus;
  requesterId: string;
  confidential: boolean;
  channel: (typeof serviceRequests.$inferSelect)['channel'];
  serviceId: string | null;
}

export async function selectParent(db: Queryable, id: string): Promise<ParentFacts | undefined> {
  const r = serviceRequests;
  const [row] = await db
    .select({ id: r.id, key: r.key, subject: r.subject, status: r.status, requesterId: r.requesterId, confidential: r.confidential, channel: r.channel, serviceId: r.serviceId })
    .from(r)
    .where(eq(r.id, id));
  return row;
}
