import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app.ts';
import { requireActor } from '../../platform/auth/authenticate.ts';
import { AppError, fieldError } from '../../platform/http/errors.ts';
import { HALLWAY_SIGNATURE_HEADER, verifyHallwayDelivery } from '../channels/signatures/hallway-delivery-signature.ts';
import { ReplayGuard } from '../channels/signatures/replay-guard.ts';
import { parseInboundCall } from './inbound-payload.ts';
import { createInboundWebhookBody, inboundAnswer, inboundWebhookList, inboundWebhookParams, inboundWebhookWithSecret } from './inbound-webhooks.schema.ts';
import * as service from './inbound-webhooks.service.ts';
import { selectInboundWebhook } from './inbound-webhooks.store.ts';
import { liveSecrets } from './webhook-secrets.ts';

const HOOK_BODY_LIMIT_BYTES = 256 * 1024;
// Sized above the calls one process could take within the five-minute signature window (decision 0021).
const REPLAY_CAPACITY = 20_000;

export function inboundWebhookRoutes(deps: ModuleDeps) {
  const { db } = deps.database;
  return async (app: FastifyInstance) => {
    const routes = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['inbound webhooks'];
    routes.get('/admin/inbound-webhooks', { schema: { tags, summary: 'Inbound webhooks (admins)', response: { 200: inboundWebhookList } } }, async (request) =>
      service.listInboundWebhooks(db, requireActor(request)),
    );
    routes.post(
      '/admin/inbound-webhooks',
      {
        schema: {
          tags,
          summary: "An URL a tool POSTs to, filing requests for a team (admins); the answer carries the signing secret, shown this once",
          body: createInboundWebhookBody,
          response: { 201: inboundWebhookWithSecret },
        },
      },
      async (request, reply) => reply.code(201).send(await service.createInboundWebhook(db, requireActor(request), request.body)),
    );
    routes.post(
      '/admin/inbound-webhooks/:id/rotate-secret',
      { schema: { tags, summary: 'A new secret, shown this once; the previous one is accepted for 24 hours (admins)', params: inboundWebhookParams, response: { 200: inboundWebhookWithSecret } } },
      async (request) => service.rotateInboundWebhookSecret(db, requireActor(request), request.params.id),
    );
    routes.delete(
      '/admin/inbound-webhooks/:id',
      { schema: { tags, summary: 'Delete an inbound webhook (admins); its requests stay', params: inboundWebhookParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await service.deleteInboundWebhook(db, requireActor(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
    await app.register(signedHookRoute(deps));
  };
}

/**
 * POST /api/v1/hooks/{id}, in its own plugin: JSON arrives as raw bytes, because the signature
 * covers the bytes as sent; it is parsed only once the Hallway-Signature header checked out. Every
 * refusal of the signature (and an unknown or disabled hook) is the same 401; the reason is logged.
 */
function signedHookRoute(deps: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const replayGuard = new ReplayGuard({ capacity: REPLAY_CAPACITY });
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: HOOK_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));
    app.withTypeProvider<ZodTypeProvider>().post(
      '/hooks/:id',
      {
        config: { public: true, skipCsrf: true },
        schema: {
          tags: ['inbound webhooks'],
          summary: 'File (or find) a request from a monitoring or project tool',
          description:
            'JSON `{ externalId?, title | subject, description?, priority?, status?, fields? }`, an Alertmanager notification or a ' +
            'GitHub issues event, signed with `Hallway-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed ' +
            "with the hook's secret. A repeated externalId answers with the first request (200). See docs/webhooks.md.",
          params: z.object({ id: z.uuid({ message: 'must be an inbound webhook id' }) }),
          response: { 200: inboundAnswer, 201: inboundAnswer },
          security: [],
        },
      },
      async (request, reply) => {
        const hook = await selectInboundWebhook(deps.database.db, request.params.id);
        const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const check = hook?.enabled
          ? verifyHallwayDelivery({ signature: request.headers[HALLWAY_SIGNATURE_HEADER.toLowerCase()], rawBody }, { secrets: liveSecrets(hook, new Date()), replayGuard })
          : ({ ok: false, reason: 'missing' } as const);
        if (!check.ok) {
          request.log.warn({ hookId: request.params.id, reason: check.reason, known: Boolean(hook?.enabled) }, 'inbound webhook refused');
          throw new AppError('WEBHOOK_SIGNATURE_INVALID');
        }
        let json: unknown;
        try {
          json = JSON.parse(rawBody.toString('utf8'));
        } catch {
          throw new AppError('MALFORMED_JSON');
        }
        const parsed = parseInboundCall(json);
        if (!parsed.ok) throw fieldError(parsed.field, parsed.reason);
        const outcome = await service.receiveInboundCall(deps.database.db, hook!, parsed.call);
        request.log.info({ hookId: hook!.id, key: outcome.key, created: outcome.created }, 'inbound webhook received');
        return reply.code(outcome.created ? 201 : 200).send(outcome);
      },
    );
  };
}
