import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app.ts';
import { requireActor } from '../../platform/auth/authenticate.ts';
import { requireSignedIn } from '../../platform/auth/authorize.ts';
import { searchQuery, searchResult } from './search.schema.ts';
import { search } from './search.service.ts';
import { teamPageRoutes } from './team-page.routes.ts';

// Routes for one search over articles, services, teams and holidays (issue 5), and the team page.
export function searchRoutes(deps: ModuleDeps) {
  const { db } = deps.database;
  return async (app: FastifyInstance) => {
    const routes = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['search'];
    app.addHook('preValidation', requireSignedIn);

    routes.get(
      '/search',
      {
        schema: {
          tags,
          summary: 'Search articles, services, teams and the company holidays you may see',
          description:
            'Websearch syntax: "a phrase", -word to exclude, or. English stemming; misspelt words still find titles. ' +
            'Portal, desk and API searches are logged (searchId); intake searches are not.',
          querystring: searchQuery,
          response: { 200: searchResult },
        },
      },
      async (request) => search(db, requireActor(request), request.query),
    );

    await app.register(teamPageRoutes(deps));
  };
}
