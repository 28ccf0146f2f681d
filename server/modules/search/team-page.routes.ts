import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app.ts';
import { requireActor } from '../../platform/auth/authenticate.ts';
import { teamPage, teamPageParams } from './team-page.schema.ts';
import { getTeamPage } from './team-page.service.ts';

// The team page: registered inside searchRoutes, which already requires a signed-in caller.
export function teamPageRoutes(deps: ModuleDeps) {
  const { db } = deps.database;
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/teams/:slug/page',
      {
        schema: {
          tags: ['search'],
          summary: "A team's page: hours, the services you may request, its promises and its most useful articles",
          params: teamPageParams,
          response: { 200: teamPage },
        },
      },
      async (request) => getTeamPage(db, requireActor(request), request.params.slug),
    );
  };
}
