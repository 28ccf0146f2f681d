import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import type { Actor } from './actor.ts';
import { findActorByApiToken, findActorBySession, touchApiToken } from './credentials.store.ts';
import { hashSecret, sameSecret } from './secrets.ts';

export const SESSION_COOKIE = 'hallway_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Writing last-used on every call would double the work of a read; once a minute is plenty. */
const TOKEN_TOUCH_INTERVAL_MS = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Routes that a browser may call without a CSRF token (signing in, before there is one). */
    skipCsrf?: boolean;
  }
}

/**
 * Resolves who is calling, once per request: a personal API token (Authorization: Bearer) or a
 * session cookie. Cookie-authenticated writes must carry the session's CSRF token in a header,
 * which a cross-site form cannot set. Deciding what the caller may do is left to policies.
 */
export function registerAuthentication(app: FastifyInstance, database: Database): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    request.actor = await resolveActor(request, database);
  });
}

async function resolveActor(request: FastifyRequest, database: Database): Promise<Actor | null> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) throw new AppError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>"');
    const actor = await findActorByApiToken(database.db, hashSecret(match[1]));
    if (!actor) throw new AppError('UNAUTHENTICATED', 'The API token is unknown or revoked');
    if (!actor.lastUsedAt || Date.now() - actor.lastUsedAt.getTime() > TOKEN_TOUCH_INTERVAL_MS) {
      await touchApiToken(database.db, actor.credentialId);
    }
    return actor;
  }

  const sessionSecret = request.cookies[SESSION_COOKIE];
  if (!sessionSecret) return null;
  const actor = await findActorBySession(database.db, hashSecret(sessionSecret));
  if (!actor) return null;
  if (!SAFE_METHODS.has(request.method) && !request.routeOptions.config?.skipCsrf) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameSecret(sent, actor.csrfToken)) {
      throw new AppError('CSRF_TOKEN_INVALID', `Send the session's CSRF token in the ${CSRF_HEADER} header`);
    }
  }
  const { csrfToken: _csrf, ...rest } = actor;
  return rest;
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}
