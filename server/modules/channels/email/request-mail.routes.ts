import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../../app.ts';
import { requireActor } from '../../../platform/auth/authenticate.ts';
import { requestKeyParams } from '../../requests/requests.schema.ts';
import { FULL_TEXT_LIMIT, requestMailList, requestMailSourceList } from './request-mail.schema.ts';
import { listRequestMail, listRequestMailSources } from './request-mail.service.ts';

// Token scope: under /requests, so `requests:read` (token-scope-routes.ts).
export function requestMailRoutes(deps: ModuleDeps) {
  const { db } = deps.database;
  return async (app: FastifyInstance) => {
    const routes = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['inbound mail'];
    routes.get(
      '/requests/:key/mail',
      {
        schema: {
          tags,
          summary: 'The mail filed on a request, whole: quoted history and signature included, oldest first',
          description: `For whoever may see the request (404 for anyone else). The text is cut at ${FULL_TEXT_LIMIT} characters; attachments are named here and served as the request's files.`,
          params: requestKeyParams,
          response: { 200: requestMailList },
        },
      },
      async (request) => listRequestMail(db, requireActor(request), request.params.key),
    );
    routes.get(
      '/requests/:key/mail/sources',
      {
        schema: {
          tags,
          summary: 'Which timeline entries of a request came from mail (no text), oldest first',
          description: 'Cheap enough to ask with every page: nothing is parsed. `eventId` null is the message that opened the request.',
          params: requestKeyParams,
          response: { 200: requestMailSourceList },
        },
      },
      async (request) => listRequestMailSources(db, requireActor(request), request.params.key),
    );
  };
}
