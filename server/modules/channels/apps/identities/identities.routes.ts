import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../../../app.ts';
import { requireActor } from '../../../../platform/auth/authenticate.ts';
import { authorize, requireSignedIn } from '../../../../platform/auth/authorize.ts';
import { canManageOwnIdentities } from './identities.policy.ts';
import { identityClaimView, identityParams, identityView, linkIdentityBody } from './identities.schema.ts';
import { claimMyIdentity, listMyIdentities, unlinkMyIdentity } from './identities.service.ts';

const tags = ['channels'];

/**
 * /me/identities: the signed-in person's own links to chat-app accounts (Teams sends no e-mail
 * address, so a writer Hallway cannot name is given a signed link that lands here). Session or token
 * (scopes account:read / account:write, from the /me prefix).
 */
export function identityRoutes(deps: ModuleDeps) {
  const { db } = deps.database;
  return async (app: FastifyInstance) => {
    const routes = app.withTypeProvider<ZodTypeProvider>();

    routes.get(
      '/me/identities',
      { preValidation: requireSignedIn, schema: { tags, summary: 'My linked chat-app accounts', response: { 200: z.object({ items: z.array(identityView) }) } } },
      async (request) => {
        const actor = requireActor(request);
        authorize(canManageOwnIdentities(actor));
        return listMyIdentities(db, actor);
      },
    );

    routes.post(
      '/me/identities',
      {
        preValidation: requireSignedIn,
        schema: {
          tags,
          summary: 'Ask to link the chat-app account a signed link names to me; get the code that proves it',
          description:
            'The token comes from the link Hallway gave an unknown writer in the chat app (30 minutes). Links nothing: returns a ' +
            'code (15 minutes) to write as `link <code>` from that account in the chat app, and only that message makes the link, ' +
            'so someone else who opens a link shown in a shared channel cannot take the account. Asking again replaces your code. ' +
            '409 when the account is linked to someone else.',
          body: linkIdentityBody,
          response: { 201: identityClaimView },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        authorize(canManageOwnIdentities(actor));
        const claim = await claimMyIdentity(db, actor, request.body.token);
        // Never the code: it is as good as the link until it expires.
        request.log.info({ connectionId: claim.connectionId, kind: claim.kind }, 'chat-app account link claimed, waiting for its code');
        return reply.code(201).send(claim);
      },
    );

    routes.delete(
      '/me/identities/:connectionId/:externalUserId',
      { preValidation: requireSignedIn, schema: { tags, summary: 'Unlink one of my chat-app accounts', params: identityParams, response: { 204: z.null() } } },
      async (request, reply) => {
        const actor = requireActor(request);
        authorize(canManageOwnIdentities(actor));
        await unlinkMyIdentity(db, actor, request.params.connectionId, request.params.externalUserId);
        return reply.code(204).send(null);
      },
    );
  };
}
