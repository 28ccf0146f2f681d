import { z } from 'zod';
import { requestStatuses } from '../requests/requests.tables.ts';

export const stepStates = ['waiting', 'open', 'done'] as const;
export type StepStateName = (typeof stepStates)[number];

const teamRef = z.object({ slug: z.string(), name: z.string() });

export const workflowStepView = z.object({
  step: z.string().describe('The step key in the workflow, e.g. "training"'),
  name: z.string().describe("The step's service, e.g. \"First-week training\""),
  team: teamRef,
  state: z.enum(stepStates).describe('waiting: not opened yet; open: its linked request is being worked; done: resolved or closed'),
  status: z.enum(requestStatuses).nullable().describe("The linked request's status; null until it is opened"),
  after: z.array(z.string()).describe('The steps it waits for'),
  waitingFor: z.array(z.string()).describe('Of those, the ones not done yet, while the step is not opened'),
  request: z
    .object({ key: z.string(), subject: z.string() })
    .nullable()
    .describe('The linked request (you may not be able to open it); null until it is opened, and for a confidential one you may not see'),
  hidden: z.boolean().describe('The linked request is confidential and not yours to see: only its step, team and status show'),
});
export type WorkflowStepView = z.infer<typeof workflowStepView>;

export const workflowView = z.object({
  key: z.string().describe('The parent request'),
  status: z.enum(requestStatuses),
  done: z.number().int().describe('Steps whose linked request is resolved or closed'),
  total: z.number().int(),
  steps: z.array(workflowStepView).describe('In the order they can happen: steps waiting for nothing first'),
});
export type WorkflowView = z.infer<typeof workflowView>;
