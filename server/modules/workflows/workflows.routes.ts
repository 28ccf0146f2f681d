import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app.ts';
import { requireActor } from '../../platform/auth/authenticate.ts';
import { requestKeyParams } from '../requests/requests.schema.ts';
import { workflowView } from './workflows.schema.ts';
import { getWorkflowProgress } from './workflows.service.ts';

// HTTP only. Workflows are started and advanced by the requests they belong to (workflow-reaction.ts);
// the API reads their progress.
export function workflowRoutes(deps: ModuleDeps) {
  const { db } = deps.database;
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/requests/:key/workflow',
      {
        schema: {
          tags: ['requests', 'workflows'],
          summary: "A request's multi-team workflow: each linked request, its team, status and what it waits for",
          description: 'Visible to whoever can see the request. Linked requests you may not see show only their step and status.',
          params: requestKeyParams,
          response: { 200: workflowView },
        },
      },
      async (request) => getWorkflowProgress(db, requireActor(request), request.params.key),
    );
  };
}
