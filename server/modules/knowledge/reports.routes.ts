import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app.ts';
import { requireActor } from '../../platform/auth/authenticate.ts';
import { contentGapsReport, deflectionReport, reportQuery } from './reports.schema.ts';
import { getContentGapsReport, getDeflectionReport, MAX_GAP_GROUPS } from './reports.service.ts';

// The knowledge reports, for the leads of a team and admins. Registered inside deflectionRoutes,
// whose hook asks strangers to sign in first.
export function reportRoutes(deps: ModuleDeps) {
  const { db } = deps.database;
  return async (app: FastifyInstance) => {
    const routes = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['knowledge', 'reports'];
    const period = 'The period is whole days in UTC, from and to inclusive (default: the 30 days up to today).';

    routes.get(
      '/reports/deflection',
      {
        schema: {
          tags,
          summary: 'How often an article solved it at intake, per team and per service (leads of the team, admins)',
          description: `${period} rate = solved / (solved + filed), null when both are 0; see docs/metrics.md.`,
          querystring: reportQuery,
          response: { 200: deflectionReport },
        },
      },
      async (request) => getDeflectionReport(db, requireActor(request), request.query),
    );

    routes.get(
      '/reports/content-gaps',
      {
        schema: {
          tags,
          summary: 'What people searched for and did not find, grouped by similar wording (leads of the team, admins)',
          description: `${period} Searches with no hits, or followed by a request anyway; at most ${MAX_GAP_GROUPS} groups, biggest first. Without a team (admins), searches made outside any team are included.`,
          querystring: reportQuery,
          response: { 200: contentGapsReport },
        },
      },
      async (request) => getContentGapsReport(db, requireActor(request), request.query),
    );
  };
}
