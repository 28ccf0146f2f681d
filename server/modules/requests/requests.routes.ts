import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../app.ts';
import { requireActor } from '../../platform/auth/authenticate.ts';
import { sendAnswer } from '../../platform/http/idempotency.ts';
import {
  changeRequestBody,
  commentBody,
  commentResult,
  createRequestBody,
  idempotentHeaders,
  listRequestsQuery,
  requestDetailView,
  requestKeyParams,
  requestPage,
  requestView,
  versionHeaders,
} from './requests.schema.ts';
import { bulkChangeBody, bulkChangeResult, countsQuery, MAX_BULK_KEYS, queueCounts } from './requests.queue.schema.ts';
import { addComment, bulkChangeRequests, changeRequest, countQueue, createRequest, getRequest, listRequests } from './requests.service.ts';
import { versionFrom, withVersion } from '../../platform/http/versions.ts';

// HTTP only: who is calling, what they sent, and the shape of the reply. Rules live in the service
// and the policy; every effect of a call commits in one statement or one transaction.
export function requestRoutes(deps: ModuleDeps) {
  const { db } = deps.database;
  return async (app: FastifyInstance) => {
    const routes = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['requests'];
    routes.post(
      '/requests',
      {
        schema: {
          tags,
          summary: 'Ask a team for help',
          description: 'Send an Idempotency-Key header to retry safely: the same key and body give the first answer again.',
          headers: idempotentHeaders,
          body: createRequestBody,
          response: { 201: requestView },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const body = { ...request.body, channel: request.body.channel ?? (actor.via === 'session' ? 'portal' : 'api') };
        const answer = await createRequest(db, actor, body, { idempotencyKey: request.headers['idempotency-key'] });
        return sendAnswer(withVersion(reply, answer.body.version), answer);
      },
    );

    routes.get(
      '/requests',
      {
        schema: {
          tags,
          summary: 'Requests you can see, newest first or earliest due first',
          description:
            'Filters combine (AND). sort=due puts the earliest dueAt first and requests with no running SLA clock after all that have one. ' +
            'A cursor continues the sort it came from; giving it to the other sort is a 400.',
          querystring: listRequestsQuery,
          response: { 200: requestPage },
        },
      },
      async (request) => listRequests(db, requireActor(request), request.query),
    );

    routes.get(
      '/requests/counts',
      {
        schema: {
          tags,
          summary: "A team's queue counts: open, mine, unassigned, breaching soon, waiting on the requester, by status",
          description: 'Counts only what you may see of the team (a plain agent does not count confidential requests). For its agents, leads and admins.',
          querystring: countsQuery,
          response: { 200: queueCounts },
        },
      },
      async (request) => countQueue(db, requireActor(request), request.query.team),
    );

    routes.post(
      '/requests/bulk',
      {
        schema: {
          tags,
          summary: `Change status, priority or assignee of up to ${MAX_BULK_KEYS} requests at once`,
          description:
            'Each request is changed as PATCH /requests/{key} would change it, in its own transaction, against its current version (no If-Match). ' +
            'The answer is 200 with one result per key, in order: ok with the new version, or the status, code and detail a PATCH would have answered. ' +
            'A request you may not see is REQUEST_NOT_FOUND, like one that does not exist.',
          body: bulkChangeBody,
          response: { 200: bulkChangeResult },
        },
      },
      async (request) => bulkChangeRequests(db, requireActor(request), request.body),
    );

    routes.get(
      '/requests/:key',
      {
        schema: {
          tags,
          summary: 'A request and its timeline',
          params: requestKeyParams,
          response: { 200: requestDetailView },
        },
      },
      async (request, reply) => {
        const view = await getRequest(db, requireActor(request), request.params.key);
        return withVersion(reply, view.version).send(view);
      },
    );

    routes.patch(
      '/requests/:key',
      {
        schema: {
          tags,
          summary: 'Change status, priority, assignee or team',
          description: 'Say which version you change with If-Match: "<version>" (the ETag) or `version` in the body.',
          params: requestKeyParams,
          headers: versionHeaders,
          body: changeRequestBody,
          response: { 200: requestView },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const { version, ...change } = request.body;
        const expectedVersion = versionFrom(request.headers['if-match'], version);
        const view = await changeRequest(db, actor, request.params.key, { ...change, expectedVersion });
        return withVersion(reply, view.version).send(view);
      },
    );

    routes.post(
      '/requests/:key/comments',
      {
        schema: {
          tags,
          summary: 'Reply publicly, or write an internal note (agents)',
          params: requestKeyParams,
          body: commentBody,
          response: { 201: commentResult },
        },
      },
      async (request, reply) => {
        const result = await addComment(db, requireActor(request), request.params.key, request.body);
        return withVersion(reply, result.request.version).code(201).send(result);
      },
    );
  };
}
