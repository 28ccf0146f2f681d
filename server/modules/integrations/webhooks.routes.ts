import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app.ts';
import { requireActor } from '../../platform/auth/authenticate.ts';
import {
  createWebhookBody,
  deliveriesQuery,
  deliveryList,
  deliveryParams,
  queuedDelivery,
  updateWebhookBody,
  webhookList,
  webhookParams,
  webhookView,
  webhookWithSecret,
} from './webhooks.schema.ts';
import * as service from './webhooks.service.ts';

export function webhookRoutes(deps: ModuleDeps) {
  const { db } = deps.database;
  return async (app: FastifyInstance) => {
    const routes = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['webhooks'];
    routes.get('/admin/webhooks', { schema: { tags, summary: 'Outgoing webhooks (admins)', response: { 200: webhookList } } }, async (request) =>
      service.listWebhooks(db, requireActor(request)),
    );
    routes.post(
      '/admin/webhooks',
      {
        schema: {
          tags,
          summary: 'Subscribe a URL to request events (admins); the answer carries the signing secret, shown this once',
          description: 'https, or http to an internal host only. Confidential requests are never sent. See docs/webhooks.md.',
          body: createWebhookBody,
          response: { 201: webhookWithSecret },
        },
      },
      async (request, reply) => reply.code(201).send(await service.createWebhook(db, requireActor(request), request.body)),
    );
    routes.get('/admin/webhooks/:id', { schema: { tags, summary: 'One outgoing webhook (admins)', params: webhookParams, response: { 200: webhookView } } }, async (request) =>
      service.getWebhook(db, requireActor(request), request.params.id),
    );
    routes.patch(
      '/admin/webhooks/:id',
      { schema: { tags, summary: 'Change or enable/disable an outgoing webhook (admins)', params: webhookParams, body: updateWebhookBody, response: { 200: webhookView } } },
      async (request) => service.updateWebhook(db, requireActor(request), request.params.id, request.body),
    );
    routes.delete(
      '/admin/webhooks/:id',
      { schema: { tags, summary: 'Delete an outgoing webhook and its delivery log (admins)', params: webhookParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await service.deleteWebhook(db, requireActor(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
    routes.post(
      '/admin/webhooks/:id/rotate-secret',
      {
        schema: {
          tags,
          summary: 'A new signing secret, shown this once; the previous one keeps signing for 24 hours (admins)',
          params: webhookParams,
          response: { 200: webhookWithSecret },
        },
      },
      async (request) => service.rotateWebhookSecret(db, requireActor(request), request.params.id),
    );
    routes.post(
      '/admin/webhooks/:id/ping',
      { schema: { tags, summary: 'Queue a ping delivery to the webhook (admins)', params: webhookParams, response: { 202: queuedDelivery } } },
      async (request, reply) => reply.code(202).send(await service.pingWebhook(db, requireActor(request), request.params.id)),
    );
    routes.get(
      '/admin/webhooks/:id/deliveries',
      {
        schema: {
          tags,
          summary: "A webhook's delivery log, newest first, with every attempt's status code and duration (admins)",
          params: webhookParams,
          querystring: deliveriesQuery,
          response: { 200: deliveryList },
        },
      },
      async (request) => service.listWebhookDeliveries(db, requireActor(request), request.params.id, request.query.limit),
    );
    routes.post(
      '/admin/deliveries/:id/redeliver',
      { schema: { tags, summary: 'Send a webhook delivery again, as a new delivery (admins)', params: deliveryParams, response: { 202: queuedDelivery } } },
      async (request, reply) => reply.code(202).send(await service.redeliver(db, requireActor(request), request.params.id)),
    );
  };
}
