import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app.ts';
import { requireActor } from '../../platform/auth/authenticate.ts';
import { approvalLinkSecret, decideApproval, decideByLink, listMyApprovals, listRequestApprovals } from './approvals.service.ts';
import { getRequestIntake } from './intake.service.ts';
import {
  approvalList,
  approvalView,
  decisionBody,
  decideByLinkBody,
  decisionParams,
  intakeView,
  listApprovalsQuery,
  requestKeyParams,
  stepBody,
  stepList,
  stepParams,
  stepView,
} from './request-work.schema.ts';
import { listSteps, setStepDone } from './steps.service.ts';

// What the catalog adds to a request: answers, procedure steps and approvals. HTTP only.
export function requestWorkRoutes(deps: ModuleDeps) {
  const { db } = deps.database;
  return async (app: FastifyInstance) => {
    const routes = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['catalog'];

    routes.get(
      '/requests/:key/answers',
      { schema: { tags, summary: "A request's answers to its service's form, as they read when it was filed", params: requestKeyParams, response: { 200: intakeView } } },
      async (request) => getRequestIntake(db, requireActor(request), request.params.key),
    );

    routes.get(
      '/requests/:key/steps',
      { schema: { tags, summary: "The request's procedure steps (the team's agents)", params: requestKeyParams, response: { 200: stepList } } },
      async (request) => listSteps(db, requireActor(request), request.params.key),
    );

    routes.patch(
      '/requests/:key/steps/:position',
      { schema: { tags, summary: 'Tick or untick a procedure step (the team\'s agents)', params: stepParams, body: stepBody, response: { 200: stepView } } },
      async (request) => setStepDone(db, requireActor(request), request.params.key, request.params.position, request.body.done),
    );

    routes.get(
      '/requests/:key/approvals',
      { schema: { tags, summary: "The request's approvals (whoever may see the request)", params: requestKeyParams, response: { 200: approvalList } } },
      async (request) => listRequestApprovals(db, requireActor(request), request.params.key),
    );

    routes.get(
      '/approvals',
      {
        schema: {
          tags,
          summary: 'Approvals you may decide (status=pending, the default), or the ones you decided',
          querystring: listApprovalsQuery,
          response: { 200: approvalList },
        },
      },
      async (request) => listMyApprovals(db, requireActor(request), request.query),
    );

    routes.post(
      '/requests/:key/approvals/:approvalId/decision',
      {
        schema: {
          tags,
          summary: 'Approve (work starts) or reject (the request is closed), with a comment',
          params: decisionParams,
          body: decisionBody,
          response: { 200: approvalView },
        },
      },
      async (request) => decideApproval(db, requireActor(request), request.params.key, request.params.approvalId, request.body),
    );
  };
}

/**
 * POST /approvals/decide-by-link { token, comment? }: the page an e-mailed one-click link opens
 * posts its token here. Open to the signed-out (config.public) and free of CSRF checks: the signed,
 * expiring token is the proof, and it names who decides (see approval-links.ts).
 */
export function approvalLinkRoutes(deps: ModuleDeps) {
  const { db } = deps.database;
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().post(
      '/approvals/decide-by-link',
      {
        config: { public: true, skipCsrf: true },
        schema: {
          tags: ['catalog'],
          summary: 'Decide an approval from a one-click e-mail link (no sign-in: the token is the proof)',
          security: [],
          body: decideByLinkBody,
          response: { 200: approvalView },
        },
      },
      async (request) => decideByLink(db, await approvalLinkSecret(db), request.body.token, request.body.comment),
    );
  };
}
