import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../../app.ts';
import { requireActor } from '../../../platform/auth/authenticate.ts';
import {
  connectionIdParams,
  connectionList,
  connectionView,
  createConnectionBody,
  teamSlugParams,
  updateConnectionBody,
} from './connections.schema.ts';
import { createConnection, deleteConnection, getConnection, listConnections, updateConnection } from './connections.service.ts';

/** Admin API of a team's Slack, Teams and SMS connections (decision 0025). */
export function connectionRoutes(deps: ModuleDeps) {
  const { db } = deps.database;
  return async (app: FastifyInstance) => {
    const routes = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['channel connections'];
    const secrets =
      'The signing secret is write-only and never returned. The bot token or gateway key is never sent: `credentialEnv` names the environment variable of the Hallway processes that holds it, and `credentialSet` says whether it is set.';
    routes.get(
      '/admin/teams/:slug/connections',
      { schema: { tags, summary: "A team's chat-app and SMS connections (admins)", params: teamSlugParams, response: { 200: connectionList } } },
      async (request) => listConnections(db, requireActor(request), request.params.slug),
    );
    routes.post(
      '/admin/teams/:slug/connections',
      {
        schema: {
          tags,
          summary: 'Connect a Slack workspace, a Teams outgoing webhook or an SMS number to a team (admins)',
          description: secrets,
          params: teamSlugParams,
          body: createConnectionBody,
          response: { 201: connectionView },
        },
      },
      async (request, reply) => {
        const created = await createConnection(db, requireActor(request), request.params.slug, request.body);
        return reply.code(201).header('location', `/api/v1/admin/connections/${created.id}`).send(created);
      },
    );
    routes.get(
      '/admin/connections/:id',
      { schema: { tags, summary: 'A channel connection (admins)', params: connectionIdParams, response: { 200: connectionView } } },
      async (request) => getConnection(db, requireActor(request), request.params.id),
    );
    routes.patch(
      '/admin/connections/:id',
      {
        schema: {
          tags,
          summary: 'Change a channel connection; a new signing secret keeps the old one accepted for `secretGraceHours` (admins)',
          description: secrets,
          params: connectionIdParams,
          body: updateConnectionBody,
          response: { 200: connectionView },
        },
      },
      async (request) => updateConnection(db, requireActor(request), request.params.id, request.body),
    );
    routes.delete(
      '/admin/connections/:id',
      { schema: { tags, summary: 'Remove a channel connection with its threads (admins)', params: connectionIdParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await deleteConnection(db, requireActor(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
