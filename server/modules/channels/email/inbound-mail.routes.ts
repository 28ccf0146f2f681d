import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../../app.ts';
import { requireActor } from '../../../platform/auth/authenticate.ts';
import { inboundMailQuery, inboundMessageList, inboundMessageParams } from './inbound-mail.schema.ts';
import { listInboundMail, reprocessInboundMail } from './inbound-mail.service.ts';
import { teamMailBody, teamMailView, teamSlugParams } from './team-mail.schema.ts';
import { getTeamMail, setTeamMail } from './team-mail.service.ts';

export function inboundMailRoutes(deps: ModuleDeps) {
  const { db } = deps.database;
  return async (app: FastifyInstance) => {
    const routes = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['inbound mail'];
    routes.get(
      '/admin/inbound-mail',
      {
        schema: {
          tags,
          summary: 'Inbound mail by status (admins): failed, held, rejected ... newest first',
          querystring: inboundMailQuery,
          response: { 200: inboundMessageList },
        },
      },
      async (request) => listInboundMail(db, requireActor(request), request.query),
    );
    routes.post(
      '/admin/inbound-mail/:id/reprocess',
      {
        schema: {
          tags,
          summary: 'Process a failed, held or rejected message again from its stored raw bytes (admins)',
          params: inboundMessageParams,
          response: { 202: z.null() },
        },
      },
      async (request, reply) => {
        await reprocessInboundMail(db, requireActor(request), request.params.id);
        return reply.code(202).send(null);
      },
    );
    routes.get(
      '/admin/teams/:slug/mail',
      { schema: { tags, summary: "A team's mail intake settings (admins)", params: teamSlugParams, response: { 200: teamMailView } } },
      async (request) => getTeamMail(db, requireActor(request), request.params.slug),
    );
    routes.put(
      '/admin/teams/:slug/mail',
      {
        schema: {
          tags,
          summary: "Set a team's address, its rule for senders not in the directory, and its IMAP mailbox (admins)",
          description: 'The IMAP password is not sent: `imap.passwordEnv` names the environment variable of the Hallway processes that holds it.',
          params: teamSlugParams,
          body: teamMailBody,
          response: { 200: teamMailView },
        },
      },
      async (request) => setTeamMail(db, requireActor(request), request.params.slug, request.body),
    );
  };
}
