import type { FieldProblem } from '../../platform/http/errors.ts';
import type { WorkflowStepDefinition } from '../catalog/catalog.tables.ts';
import type { RequestStatus } from '../requests/requests.tables.ts';

/** A step is done while its linked request is resolved or closed (see workflow-reaction.ts). */
export const isDone = (status: RequestStatus): boolean => status === 'resolved' || status === 'closed';

/**
 * Checks a service's workflow definition: pure, every problem at once, each at its field path
 * (`<at>.2.after.0`). Keys are unique, `after` names other steps of the same workflow, and the
 * dependencies form no cycle (a cycle would leave its steps waiting on each other for ever).
 */
export function workflowDefinitionProblems(steps: readonly WorkflowStepDefinition[], at = 'body.workflow'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const indexByKey = new Map<string, number>();
  steps.forEach((step, index) => {
    if (indexByKey.has(step.key)) problems.push({ field: `${at}.${index}.key`, reason: `"${step.key}" is used by another step` });
    else indexByKey.set(step.key, index);
  });
  steps.forEach((step, index) => {
    step.after.forEach((dependency, position) => {
      if (dependency === step.key) problems.push({ field: `${at}.${index}.after.${position}`, reason: 'a step cannot wait for itself' });
      else if (!indexByKey.has(dependency)) problems.push({ field: `${at}.${index}.after.${position}`, reason: `"${dependency}" is not a step of this workflow` });
    });
  });
  if (problems.length > 0) return problems;

  const cycle = findCycle(steps);
  if (cycle) {
    const index = indexByKey.get(cycle[0]!)!;
    problems.push({ field: `${at}.${index}.after`, reason: `the steps wait on each other in a cycle: ${cycle.join(' -> ')}` });
  }
  return problems;
}

/** A cycle as its keys (first repeated last), or undefined: depth-first search with three colours. */
export function findCycle(steps: readonly WorkflowStepDefinition[]): string[] | undefined {
  const after = new Map(steps.map((step) => [step.key, step.after]));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (key: string): string[] | undefined => {
    if (state.get(key) === 'done') return undefined;
    if (state.get(key) === 'visiting') return [...path.slice(path.indexOf(key)), key];
    state.set(key, 'visiting');
    path.push(key);
    for (const dependency of after.get(key) ?? []) {
      const found = visit(dependency);
      if (found) return found;
    }
    path.pop();
    state.set(key, 'done');
    return undefined;
  };
  for (const step of steps) {
    const found = visit(step.key);
    if (found) return found;
  }
  return undefined;
}

/** The steps whose dependencies are all in `done` and that are not opened yet, in definition order. */
export function stepsReadyToOpen(
  steps: readonly { key: string; after: readonly string[]; opened: boolean }[],
  done: ReadonlySet<string>,
): string[] {
  return steps.filter((step) => !step.opened && step.after.every((dependency) => done.has(dependency))).map((step) => step.key);
}

/** What the definition check needs to know about a service a step names. */
export interface StepServiceFacts {
  id: string;
  name: string;
  /** The service's own workflow: a step's service must have none. */
  workflowLength: number;
}

/**
 * Checks the services a workflow's steps name (pure; the catalog looks them up): each exists, is not
 * the service being defined, and has no workflow of its own. Workflows are one level deep: a
 * parent's progress is its children's statuses, nothing nested to roll up, and a service that spawns
 * one that spawns it back could never finish filing. The run time keeps the same rule (a child
 * never starts a workflow), so a step's service gaining a workflow later changes nothing.
 */
export function workflowStepServiceProblems(
  steps: readonly WorkflowStepDefinition[],
  servicesById: ReadonlyMap<string, StepServiceFacts>,
  definingServiceId: string | undefined,
  at = 'body.workflow',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  steps.forEach((step, index) => {
    const field = `${at}.${index}.serviceId`;
    const service = servicesById.get(step.serviceId);
    if (step.serviceId === definingServiceId) problems.push({ field, reason: 'a workflow cannot open its own service' });
    else if (!service) problems.push({ field, reason: 'is not a service' });
    else if (service.workflowLength > 0) {
      problems.push({ field, reason: `"${service.name}" has a workflow of its own; workflows are one level deep` });
    }
  });
  return problems;
}

/**
 * The steps in the order they can happen: by depth (steps waiting for nothing first, then those
 * waiting only for them ...), then by key. A step in a cycle, which a checked definition never
 * has, counts as depth 0 rather than looping.
 */
export function inDependencyOrder<Step extends { key: string; after: readonly string[] }>(steps: readonly Step[]): Step[] {
  const byKey = new Map(steps.map((step) => [step.key, step]));
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (key: string): number => {
    const known = depth.get(key);
    if (known !== undefined) return known;
    if (visiting.has(key)) return 0;
    visiting.add(key);
    const dependencies = byKey.get(key)?.after ?? [];
    const value = dependencies.length === 0 ? 0 : 1 + Math.max(...dependencies.map(depthOf));
    visiting.delete(key);
    depth.set(key, value);
    return value;
  };
  return [...steps].sort((a, b) => depthOf(a.key) - depthOf(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
