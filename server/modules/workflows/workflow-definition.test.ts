import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkflowStepDefinition } from '../catalog/catalog.tables.ts';
import { findCycle, inDependencyOrder, stepsReadyToOpen, workflowDefinitionProblems, workflowStepServiceProblems } from './workflow-definition.ts';

const step = (key: string, after: string[] = [], serviceId = `service-${key}`): WorkflowStepDefinition => ({ key, serviceId, after });

/** The onboarding example of issue 3: training waits for IT. */
const onboarding = [step('it'), step('payroll'), step('facilities'), step('training', ['it'])];

describe('workflowDefinitionProblems', () => {
  it('accepts the onboarding workflow and an empty one', () => {
    expect(workflowDefinitionProblems(onboarding)).toEqual([]);
    expect(workflowDefinitionProblems([])).toEqual([]);
  });

  it('refuses a repeated key at the second step that uses it', () => {
    expect(workflowDefinitionProblems([step('it'), step('it')])).toEqual([{ field: 'body.workflow.1.key', reason: '"it" is used by another step' }]);
  });

  it('refuses a step that waits for itself or for a step that is not there, at the dependency', () => {
    expect(workflowDefinitionProblems([step('it', ['it']), step('hr', ['it', 'payroll'])], 'workflow')).toEqual([
      { field: 'workflow.0.after.0', reason: 'a step cannot wait for itself' },
      { field: 'workflow.1.after.1', reason: '"payroll" is not a step of this workflow' },
    ]);
  });

  it('refuses a cycle and names it', () => {
    const problems = workflowDefinitionProblems([step('it', ['training']), step('payroll'), step('training', ['it'])]);
    expect(problems).toEqual([{ field: 'body.workflow.0.after', reason: 'the steps wait on each other in a cycle: it -> training -> it' }]);
  });

  it('finds a long cycle hidden behind steps that are fine', () => {
    const steps = [step('a'), step('b', ['a', 'e']), step('c', ['b']), step('d', ['c']), step('e', ['d'])];
    expect(findCycle(steps)).toEqual(['b', 'e', 'd', 'c', 'b']);
  });
});

/** A random DAG: each step may wait only for steps before it, so it cannot have a cycle. */
const dagArbitrary = fc
  .array(fc.array(fc.nat(), { maxLength: 4 }), { minLength: 1, maxLength: 12 })
  .map((dependencyPicks) =>
    dependencyPicks.map((picks, index) =>
      step(
        `s${index}`,
        index === 0 ? [] : [...new Set(picks.map((pick) => `s${pick % index}`))],
      ),
    ),
  );

/** Every step reachable from `from` by following `after` (what `from` transitively waits for). */
function ancestorsOf(steps: WorkflowStepDefinition[], from: string): Set<string> {
  const after = new Map(steps.map((candidate) => [candidate.key, candidate.after]));
  const seen = new Set<string>();
  const stack = [...(after.get(from) ?? [])];
  while (stack.length > 0) {
    const key = stack.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    stack.push(...(after.get(key) ?? []));
  }
  return seen;
}

describe('workflow definitions, property-tested', () => {
  it('accepts every acyclic workflow, in any order of its steps', () => {
    fc.assert(
      fc.property(dagArbitrary, fc.func(fc.integer()), (steps, shuffleKey) => {
        const shuffled = [...steps].sort((a, b) => shuffleKey(a.key) - shuffleKey(b.key));
        expect(workflowDefinitionProblems(shuffled)).toEqual([]);
      }),
    );
  });

  it('refuses the workflow once a back edge closes a cycle', () => {
    const withPath = dagArbitrary.filter((steps) => steps.some((candidate) => candidate.after.length > 0));
    fc.assert(
      fc.property(withPath, fc.nat(), (steps, pick) => {
        // A step that waits for something, and one of the steps it (transitively) waits for:
        // making that one wait for it back closes a cycle.
        const waiting = steps.filter((candidate) => candidate.after.length > 0);
        const from = waiting[pick % waiting.length]!;
        const ancestors = [...ancestorsOf(steps, from.key)];
        const to = ancestors[pick % ancestors.length]!;
        const withBackEdge = steps.map((candidate) => (candidate.key === to ? { ...candidate, after: [...candidate.after, from.key] } : candidate));
        const problems = workflowDefinitionProblems(withBackEdge);
        expect(problems).toHaveLength(1);
        expect(problems[0]!.reason).toMatch(/cycle/);
        const cycle = findCycle(withBackEdge)!;
        expect(cycle[0]).toBe(cycle.at(-1));
      }),
    );
  });

  it('opens every step exactly once when steps finish in any order the dependencies allow', () => {
    fc.assert(
      fc.property(dagArbitrary, fc.func(fc.integer()), (steps, choose) => {
        const opened = new Set<string>();
        const done = new Set<string>();
        const openings: string[] = [];
        const open = () => {
          const ready = stepsReadyToOpen(
            steps.map((candidate) => ({ ...candidate, opened: opened.has(candidate.key) })),
            done,
          );
          for (const key of ready) opened.add(key);
          openings.push(...ready);
        };
        open();
        while (done.size < steps.length) {
          const running = [...opened].filter((key) => !done.has(key));
          expect(running.length).toBeGreaterThan(0);
          const finishing = running[Math.abs(choose(running.join())) % running.length]!;
          // A step never opens before everything it waits for is done.
          for (const dependency of steps.find((candidate) => candidate.key === finishing)!.after) expect(done.has(dependency)).toBe(true);
          done.add(finishing);
          open();
        }
        expect([...openings].sort()).toEqual(steps.map((candidate) => candidate.key).sort());
      }),
    );
  });
});

describe('stepsReadyToOpen', () => {
  const state = (opened: string[]) => onboarding.map((candidate) => ({ ...candidate, opened: opened.includes(candidate.key) }));

  it('opens the steps without dependencies first, training only once IT is done', () => {
    expect(stepsReadyToOpen(state([]), new Set())).toEqual(['it', 'payroll', 'facilities']);
    expect(stepsReadyToOpen(state(['it', 'payroll', 'facilities']), new Set(['payroll']))).toEqual([]);
    expect(stepsReadyToOpen(state(['it', 'payroll', 'facilities']), new Set(['it']))).toEqual(['training']);
    expect(stepsReadyToOpen(state(['it', 'payroll', 'facilities', 'training']), new Set(['it']))).toEqual([]);
  });
});

describe('workflowStepServiceProblems', () => {
  const facts = (id: string, workflowLength = 0) => [id, { id, name: `Service ${id}`, workflowLength }] as const;
  const services = new Map([facts('service-it'), facts('service-payroll'), facts('service-onboarding', 4)]);

  it('accepts steps through existing services without workflows of their own', () => {
    expect(workflowStepServiceProblems([step('it'), step('payroll')], services, 'service-onboarding')).toEqual([]);
  });

  it('refuses a missing service, the service itself and a service with its own workflow', () => {
    const steps = [step('it'), step('ghost'), step('self', [], 'service-onboarding'), step('nested', [], 'service-onboarding')];
    expect(workflowStepServiceProblems(steps, services, 'service-onboarding')).toEqual([
      { field: 'body.workflow.1.serviceId', reason: 'is not a service' },
      { field: 'body.workflow.2.serviceId', reason: 'a workflow cannot open its own service' },
      { field: 'body.workflow.3.serviceId', reason: 'a workflow cannot open its own service' },
    ]);
    expect(workflowStepServiceProblems([step('nested', [], 'service-onboarding')], services, undefined)).toEqual([
      { field: 'body.workflow.0.serviceId', reason: '"Service service-onboarding" has a workflow of its own; workflows are one level deep' },
    ]);
  });
});

describe('inDependencyOrder', () => {
  it('lists the steps waiting for nothing first, then by depth and key', () => {
    const steps = [step('training', ['it']), step('payroll'), step('it'), step('review', ['training', 'payroll']), step('facilities')];
    expect(inDependencyOrder(steps).map((candidate) => candidate.key)).toEqual(['facilities', 'it', 'payroll', 'training', 'review']);
  });

  it('puts every step after the steps it waits for, for any acyclic workflow', () => {
    fc.assert(
      fc.property(dagArbitrary, (steps) => {
        const position = new Map(inDependencyOrder(steps).map((candidate, index) => [candidate.key, index]));
        for (const candidate of steps) for (const dependency of candidate.after) expect(position.get(dependency)!).toBeLessThan(position.get(candidate.key)!);
      }),
    );
  });
});
