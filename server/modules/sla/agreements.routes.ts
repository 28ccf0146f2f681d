import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app.ts';
import { requireActor } from '../../platform/auth/authenticate.ts';
import { requireTeamBySlug } from '../people/people.service.ts';
import { acceptAgreement, listAgreements, proposeAgreement, withdrawAgreement } from './agreements.service.ts';
import { agreementIdParams, agreementView, proposeAgreementBody } from './sla.schema.ts';

// HTTP only. Internal agreements between a provider and a consumer team: a lead of either side
// proposes (their side accepted), a lead of the other side accepts, either side withdraws.
export function agreementRoutes(deps: ModuleDeps) {
  const { db } = deps.database;
  return async (app: FastifyInstance) => {
    const routes = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['sla'];

    routes.get(
      '/agreements',
      {
        schema: {
          tags,
          summary: "Internal agreements of the caller's teams (admins: all)",
          response: { 200: z.object({ items: z.array(agreementView) }) },
        },
      },
      async (request) => ({ items: await listAgreements(db, requireActor(request)) }),
    );

    routes.post(
      '/agreements',
      {
        schema: {
          tags,
          summary: 'Propose an internal agreement (a lead of the provider or the consumer team)',
          description: "The proposer's side counts as accepted; it applies once the other team's lead accepts too.",
          body: proposeAgreementBody,
          response: { 201: agreementView },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const { providerTeam, consumerTeam, ...rest } = request.body;
        const view = await db.transaction(async (tx) => {
          const provider = await requireTeamBySlug(tx, providerTeam, 'body.providerTeam');
          const consumer = await requireTeamBySlug(tx, consumerTeam, 'body.consumerTeam');
          return proposeAgreement(tx, actor, { ...rest, providerTeamId: provider.id, consumerTeamId: consumer.id });
        });
        return reply.code(201).header('location', `/api/v1/agreements/${view.id}`).send(view);
      },
    );

    routes.post(
      '/agreements/:id/accept',
      {
        schema: { tags, summary: "Accept for your team's side (a lead of the other team)", params: agreementIdParams, response: { 200: agreementView } },
      },
      async (request) => db.transaction((tx) => acceptAgreement(tx, requireActor(request), request.params.id)),
    );

    routes.post(
      '/agreements/:id/withdraw',
      {
        schema: { tags, summary: 'Withdraw an agreement (a lead of either team, or an admin)', params: agreementIdParams, response: { 200: agreementView } },
      },
      async (request) => db.transaction((tx) => withdrawAgreement(tx, requireActor(request), request.params.id)),
    );
  };
}
