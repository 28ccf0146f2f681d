import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app.ts';
import { requireActor } from '../../platform/auth/authenticate.ts';
import { requireSignedIn } from '../../platform/auth/authorize.ts';
import { sendAnswer } from '../../platform/http/idempotency.ts';
import { idempotentHeaders, requestView } from '../requests/requests.schema.ts';
import {
  createServiceBody,
  fileThroughServiceBody,
  formVersionParams,
  formView,
  listServicesQuery,
  serviceIdParams,
  serviceList,
  serviceRefParams,
  serviceView,
  updateServiceBody,
  versionHeaders,
} from './catalog.schema.ts';
import { createService, getService, getServiceForm, listServices, updateService } from './catalog.service.ts';
import { fileRequestThroughService } from './intake.service.ts';
import { approvalLinkRoutes, requestWorkRoutes } from './request-work.routes.ts';
import { versionFrom, withVersion } from '../../platform/http/versions.ts';

// HTTP only: who is calling, what they sent, and the shape of the reply. Rules live in the services
// and catalog.policy.ts; each write commits in one transaction.
export function catalogRoutes(deps: ModuleDeps) {
  return async (app: FastifyInstance) => {
    await app.register(signedInRoutes(deps));
    // The one-click approval link is for people who are not signed in: its token is the proof.
    await app.register(approvalLinkRoutes(deps));
  };
}

function signedInRoutes(deps: ModuleDeps) {
  const { db } = deps.database;
  return async (app: FastifyInstance) => {
    const routes = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['catalog'];
    // Strangers hear "sign in" before any validation message.
    app.addHook('preValidation', requireSignedIn);

    routes.get(
      '/services',
      { schema: { tags, summary: 'The services you may request, each with its form', querystring: listServicesQuery, response: { 200: serviceList } } },
      async (request) => listServices(db, requireActor(request), request.query),
    );

    routes.get(
      '/services/:idOrSlug',
      { schema: { tags, summary: 'A service: its form, procedure, approval and owning team', params: serviceRefParams, response: { 200: serviceView } } },
      async (request, reply) => {
        const view = await getService(db, requireActor(request), request.params.idOrSlug);
        return withVersion(reply, view.version).send(view);
      },
    );

    routes.get(
      '/services/:idOrSlug/forms/:version',
      { schema: { tags, summary: 'One version of a service form (requests keep the version they were made with)', params: formVersionParams, response: { 200: formView } } },
      async (request) => getServiceForm(db, requireActor(request), request.params.idOrSlug, request.params.version),
    );

    routes.post(
      '/services',
      { schema: { tags, summary: 'Publish a service (admins, leads of the owning team)', body: createServiceBody, response: { 201: serviceView } } },
      async (request, reply) => {
        const view = await db.transaction((tx) => createService(tx, requireActor(request), request.body));
        return withVersion(reply, view.version).code(201).header('location', `/api/v1/services/${view.id}`).send(view);
      },
    );

    routes.patch(
      '/services/:id',
      {
        schema: {
          tags,
          summary: 'Change a service (admins, leads of the owning team); a changed form becomes a new version',
          description: 'Say which version you change with If-Match: "<version>" (the ETag) or `version` in the body.',
          params: serviceIdParams,
          headers: versionHeaders,
          body: updateServiceBody,
          response: { 200: serviceView },
        },
      },
      async (request, reply) => {
        const version = versionFrom(request.headers['if-match'], request.body.version);
        const view = await db.transaction((tx) => updateService(tx, requireActor(request), request.params.id, { ...request.body, version }));
        return withVersion(reply, view.version).send(view);
      },
    );

    routes.post(
      '/services/:idOrSlug/requests',
      {
        schema: {
          tags,
          summary: 'Ask for a service: answers are checked against its form',
          description: 'Send an Idempotency-Key header to retry safely. Each invalid answer is reported at `body.answers.<field>`.',
          params: serviceRefParams,
          headers: idempotentHeaders,
          body: fileThroughServiceBody,
          response: { 201: requestView },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const answer = await fileRequestThroughService(
          db,
          actor,
          request.params.idOrSlug,
          { ...request.body, channel: actor.via === 'session' ? 'portal' : 'api' },
          { idempotencyKey: request.headers['idempotency-key'] },
        );
        return sendAnswer(withVersion(reply, answer.body.version), answer);
      },
    );

    await app.register(requestWorkRoutes(deps));
  };
}
