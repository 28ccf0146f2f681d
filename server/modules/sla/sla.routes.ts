import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app.ts';
import { requireActor } from '../../platform/auth/authenticate.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { requireTeamBySlug } from '../people/people.service.ts';
import { requestKeyParams } from '../requests/requests.schema.ts';
import { agreementRoutes } from './agreements.routes.ts';
import { expectedWait } from './expected-wait.service.ts';
import { requestClocks } from './sla-clocks.service.ts';
import { canManagePolicy } from './sla.policy.ts';
import {
  createPolicyBody,
  expectedWaitView,
  policyIdParams,
  policyView,
  requestSlaView,
  serviceParams,
  updatePolicyBody,
} from './sla.schema.ts';
import { createSlaPolicy, getSlaPolicy, listSlaPolicies, updateSlaPolicy } from './sla.service.ts';

// HTTP only: service-level policies (admins and the team's leads), a request's clocks (whoever
// sees the request), a service's expected wait (anyone signed in) and internal agreements.
export function slaRoutes(deps: ModuleDeps) {
  const { db } = deps.database;
  return async (app: FastifyInstance) => {
    const routes = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['sla'];

    routes.get(
      '/sla-policies',
      { schema: { tags, summary: 'SLA policies of the teams you lead (admins: all)', response: { 200: z.object({ items: z.array(policyView) }) } } },
      async (request) => ({ items: await listSlaPolicies(db, requireActor(request)) }),
    );

    routes.post(
      '/sla-policies',
      {
        schema: {
          tags,
          summary: "A team's targets per priority, in its business minutes (admins, the team's leads)",
          body: createPolicyBody,
          response: { 201: policyView },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const { team: slug, ...input } = request.body;
        const view = await db.transaction(async (tx) => {
          const team = await requireTeamBySlug(tx, slug, 'body.team');
          authorize(canManagePolicy(actor, team.id), "Only an admin or a lead of the team sets its SLA policies");
          return createSlaPolicy(tx, { ...input, teamId: team.id });
        });
        return reply.code(201).header('location', `/api/v1/sla-policies/${view.id}`).send(view);
      },
    );

    routes.get(
      '/sla-policies/:id',
      { schema: { tags, summary: 'An SLA policy', params: policyIdParams, response: { 200: policyView } } },
      async (request) => getSlaPolicy(db, requireActor(request), request.params.id),
    );

    routes.patch(
      '/sla-policies/:id',
      {
        schema: {
          tags,
          summary: 'Change an SLA policy; requests filed from now on get it, running clocks keep theirs',
          params: policyIdParams,
          body: updatePolicyBody,
          response: { 200: policyView },
        },
      },
      async (request) => db.transaction((tx) => updateSlaPolicy(tx, requireActor(request), request.params.id, request.body)),
    );

    routes.get(
      '/requests/:key/sla',
      {
        schema: {
          tags,
          summary: "A request's SLA clocks: target, due, paused, remaining, warned, breached, met",
          params: requestKeyParams,
          response: { 200: requestSlaView },
        },
      },
      async (request) => requestClocks(db, requireActor(request), request.params.key),
    );

    routes.get(
      '/services/:idOrSlug/expected-wait',
      {
        schema: {
          tags,
          summary: 'Whether the team works now, when it next opens, its committed and its real recent first response',
          description:
            'The recent figure is the median wall-clock minutes to first response over the last 30 days: the service\'s with at least 5 answered requests, else the team\'s.',
          params: serviceParams,
          response: { 200: expectedWaitView },
        },
      },
      async (request) => expectedWait(db, requireActor(request), request.params.idOrSlug),
    );

    await app.register(agreementRoutes(deps));
  };
}
