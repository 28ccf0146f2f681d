import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../app.ts';
import { requireActor, SESSION_COOKIE } from '../../platform/auth/authenticate.ts';
import { authorize, requireSignedIn } from '../../platform/auth/authorize.ts';
import { AppError } from '../../platform/http/errors.ts';
import { canManageOwnAccess } from './auth.policy.ts';
import { apiTokenView, createTokenBody, issuedTokenView, meView, signedInView, signInBody, tokenIdParams, updateMeBody } from './auth.schema.ts';
import { createToken, describeMe, listTokens, revokeToken, SESSION_LIFETIME_MS, signIn, signOut, updateMe } from './auth.service.ts';

const tags = ['sign-in'];

export function authRoutes(deps: ModuleDeps) {
  return async (app: FastifyInstance) => {
    const routes = app.withTypeProvider<ZodTypeProvider>();
    const { db } = deps.database;
    // Secure when configured, and whenever the call itself came over HTTPS (directly or, with
    // HALLWAY_TRUST_PROXY, through a proxy that says so).
    const cookieOptions = (request: FastifyRequest) => ({
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: deps.secureCookies || request.protocol === 'https',
    });

    routes.post(
      '/session',
      {
        // There is no CSRF token before signing in. A cross-site form cannot send JSON, and this
        // route only takes JSON, so a forged sign-in is refused as 415 before it gets here.
        config: { skipCsrf: true, public: true },
        schema: { tags, summary: 'Sign in with e-mail and password', security: [], body: signInBody, response: { 200: signedInView } },
      },
      async (request, reply) => {
        const signedIn = await signIn(db, { ...request.body, ipAddress: request.ip }).catch((error: unknown) =>
          rethrowWithRetryAfter(reply, error),
        );
        reply.setCookie(SESSION_COOKIE, signedIn.sessionSecret, {
          ...cookieOptions(request),
          expires: signedIn.expiresAt,
          maxAge: SESSION_LIFETIME_MS / 1000,
        });
        return { person: signedIn.person, csrfToken: signedIn.csrfToken };
      },
    );

    routes.delete(
      '/session',
      { preValidation: requireSignedIn, schema: { tags, summary: 'Sign out', response: { 204: z.null() } } },
      async (request, reply) => {
        const actor = requireActor(request);
        authorize(canManageOwnAccess(actor));
        await signOut(db, actor);
        return reply.clearCookie(SESSION_COOKIE, cookieOptions(request)).code(204).send(null);
      },
    );

    routes.get(
      '/me',
      { preValidation: requireSignedIn, schema: { tags, summary: 'Who is signed in', response: { 200: meView } } },
      async (request) => {
        const actor = requireActor(request);
        authorize(canManageOwnAccess(actor));
        return describeMe(db, actor);
      },
    );

    routes.patch(
      '/me',
      {
        preValidation: requireSignedIn,
        schema: {
          tags,
          summary: 'Change my own preferences: how I like to be thanked (recognition)',
          body: updateMeBody,
          response: { 200: meView },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        authorize(canManageOwnAccess(actor));
        return updateMe(db, actor, request.body);
      },
    );

    routes.get(
      '/me/tokens',
      {
        preValidation: requireSignedIn,
        schema: { tags, summary: 'My personal API tokens (never their secrets)', response: { 200: z.object({ items: z.array(apiTokenView) }) } },
      },
      async (request) => {
        const actor = requireActor(request);
        authorize(canManageOwnAccess(actor));
        return { items: await listTokens(db, actor) };
      },
    );

    routes.post(
      '/me/tokens',
      {
        preValidation: requireSignedIn,
        schema: { tags, summary: 'Make a personal API token; its secret is shown once', body: createTokenBody, response: { 201: issuedTokenView } },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        authorize(canManageOwnAccess(actor));
        return reply.code(201).send(await createToken(db, actor, request.body));
      },
    );

    routes.delete(
      '/me/tokens/:id',
      {
        preValidation: requireSignedIn,
        schema: { tags, summary: 'Revoke one of my tokens', params: tokenIdParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        authorize(canManageOwnAccess(actor));
        await revokeToken(db, actor, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}

/** A lockout tells the client when to come back, in the standard header as well as the body. */
function rethrowWithRetryAfter(reply: FastifyReply, error: unknown): never {
  if (error instanceof AppError && error.code === 'TOO_MANY_SIGN_IN_ATTEMPTS') {
    reply.header('retry-after', String(error.extensions?.retryAfterSeconds ?? 60));
  }
  throw error;
}
