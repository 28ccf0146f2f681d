import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app.ts';
import { requireActor } from '../../platform/auth/authenticate.ts';
import { requireSignedIn } from '../../platform/auth/authorize.ts';
import { sendAnswer } from '../../platform/http/idempotency.ts';
import { idempotentHeaders } from '../requests/requests.schema.ts';
import { createDeflectionBody, deflectionCreated } from './deflection.schema.ts';
import { recordSolved } from './deflection.service.ts';
import { reportRoutes } from './reports.routes.ts';

// Intake deflection ("This solved it") and the knowledge reports built on what intake logs (issue 5).
export function deflectionRoutes(deps: ModuleDeps) {
  const { db } = deps.database;
  return async (app: FastifyInstance) => {
    const routes = app.withTypeProvider<ZodTypeProvider>();
    // Strangers hear "sign in" before any validation message.
    app.addHook('preValidation', requireSignedIn);

    routes.post(
      '/deflections',
      {
        schema: {
          tags: ['knowledge'],
          summary: '"This solved it": an article answered what you were about to request; nothing is filed',
          description: 'Send an Idempotency-Key header to retry safely. The article must be published and readable by you, the service one you may request.',
          headers: idempotentHeaders,
          body: createDeflectionBody,
          response: { 201: deflectionCreated },
        },
      },
      async (request, reply) => {
        const answer = await recordSolved(db, requireActor(request), request.body, request.headers['idempotency-key']);
        return sendAnswer(reply, answer);
      },
    );

    await app.register(reportRoutes(deps));
  };
}
