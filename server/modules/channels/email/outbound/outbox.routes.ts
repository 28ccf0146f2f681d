import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../../../app.ts';
import { requireActor } from '../../../../platform/auth/authenticate.ts';
import { outboundMessageDetail, outboxPage, outboxParams, outboxQuery } from './outbox.schema.ts';
import { getOutboundMessage, listOutbox, retryOutboundMessage } from './outbox.service.ts';

/** The outbox for admins: every mail Hallway wrote, what became of it, and "send it again". */
export function outboxRoutes(deps: ModuleDeps) {
  const { db } = deps.database;
  return async (app: FastifyInstance) => {
    const routes = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['outbox'];
    routes.get(
      '/admin/outbox',
      {
        schema: {
          tags,
          summary: 'Outgoing mail, newest first, by status, kind, recipient or request (admins)',
          querystring: outboxQuery,
          response: { 200: outboxPage },
        },
      },
      async (request) => listOutbox(db, requireActor(request), request.query),
    );
    routes.get(
      '/admin/outbox/:id',
      {
        schema: { tags, summary: 'One outgoing mail, whole: headers, bodies, attempts, last error (admins)', params: outboxParams, response: { 200: outboundMessageDetail } },
      },
      async (request) => getOutboundMessage(db, requireActor(request), request.params.id),
    );
    routes.post(
      '/admin/outbox/:id/retry',
      {
        schema: {
          tags,
          summary: 'Queue a failed or suppressed mail to be sent now (admins)',
          description: 'A suppressed mail was held back by the loop guard; sending it again is the admin\'s decision. 409 for any other status.',
          params: outboxParams,
          response: { 200: outboundMessageDetail },
        },
      },
      async (request) => retryOutboundMessage(db, requireActor(request), request.params.id),
    );
  };
}
