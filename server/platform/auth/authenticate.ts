import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sharedCache, type CacheOptions, type SignalledCache } from '../cache/signalled-cache.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import type { Actor } from './actor.ts';
import { scopeForRoute, tokenReaches, type RouteScope } from './token-scope-routes.ts';
import { findActorByApiToken, findActorBySession, touchApiToken } from './credentials.store.ts';
import { hashSecret, sameSecret } from './secrets.ts';

export const SESSION_COOKIE = 'hallway_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Writing last-used on every call would double the work of a read; once a minute is plenty. */
const TOKEN_TOUCH_INTERVAL_MS = 60_000;
/**
 * Who a credential belongs to, kept in memory: that lookup was a third of a request's work. The
 * database announces every change to credentials, people and memberships (decision 0005); the TTL
 * is only a backstop, and 10k entries are a few MB.
 */
const CREDENTIAL_CACHE: CacheOptions = { ttlMs: 60_000, maxEntries: 10_000 };

type TokenActor = Readonly<Actor & { lastUsedAt: Date | null }>;
type SessionActor = Readonly<Actor & { csrfToken: string; expiresAt: Date }>;
interface ActorCaches {
  byToken: SignalledCache<TokenActor>;
  bySession: SignalledCache<SessionActor>;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Routes that a browser may call without a CSRF token (signing in, before there is one). */
    skipCsrf?: boolean;
    /** Routes anyone may call without signing in. Every other API route refuses them (401). */
    public?: boolean;
    /**
     * Public routes whose caller proves itself in the Authorization header with a scheme of its own
     * (a Teams outgoing webhook's `HMAC <signature>`): no Hallway credential is read, the route checks it.
     */
    peerSignedAuthorization?: boolean;
    /**
     * The scope an API token needs here (decision 0027). Routes rarely say: it is worked out from
     * token-scope-routes.ts when the route is registered, and a scoped token is refused where it is
     * still unknown.
     */
    tokenScope?: RouteScope;
  }
}

/**
 * Resolves who is calling, once per request: a personal API token (Authorization: Bearer) or a
 * session cookie. Cookie-authenticated writes must carry the session's CSRF token in a header,
 * which a cross-site form cannot set. Deciding what the caller may do is left to policies.
 */
export function registerAuthentication(app: FastifyInstance, database: Database): void {
  app.decorateRequest('actor', null);
  const caches: ActorCaches = {
    byToken: sharedCache(database.changes, 'actors by API token', 'credentials', CREDENTIAL_CACHE),
    bySession: sharedCache(database.changes, 'actors by session', 'credentials', CREDENTIAL_CACHE),
  };
  app.addHook('onRoute', (route) => {
    const config = route.config ?? {};
    const tokenScope = config.tokenScope ?? scopeForRoute({ method: String(route.method), url: route.url, public: config.public });
    route.config = { ...config, tokenScope };
    routeScopes.set(`${String(route.method)} ${route.url}`, tokenScope);
  });
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config?.public && request.routeOptions.config.peerSignedAuthorization) return;
    request.actor = await resolveActor(request, database, caches);
    // Denied by default: a route is open to the signed-out only when it says so, so a new module
    // that forgets to check is closed, not open. Policies then decide what the signed-in may do.
    if (!request.actor && !request.routeOptions.config?.public) throw new AppError('UNAUTHENTICATED');
    const scopes = request.actor?.scopes;
    if (scopes && request.routeOptions.url !== undefined) refuseOutOfScope(scopes, request.routeOptions.config?.tokenScope);
  });
}

/** Every route's scope as registered ("METHOD /url" -> scope, undefined when unclassified); for tests. */
const routeScopes = new Map<string, RouteScope | undefined>();
export const registeredRouteScopes = (): ReadonlyMap<string, RouteScope | undefined> => routeScopes;

/**
 * Before anything else runs, so a token made for reading learns nothing from a write's validation.
 * The scope is named, so its owner knows what to ask for; scopes only narrow what the person may do.
 */
function refuseOutOfScope(scopes: readonly string[], needed: RouteScope | undefined): void {
  if (tokenReaches(scopes, needed)) return;
  if (needed === undefined) {
    throw new AppError('TOKEN_SCOPE_MISSING', 'This route is not open to API tokens with scopes', undefined, { missingScope: null });
  }
  throw new AppError('TOKEN_SCOPE_MISSING', `The API token lacks the scope ${needed}`, undefined, { missingScope: needed });
}

/** Cached values are shared by concurrent requests: frozen, so no request can change another's actor. */
const frozen = <T extends Actor>(actor: T | undefined): Readonly<T> | undefined =>
  actor &&
  Object.freeze({
    ...actor,
    memberships: Object.freeze([...actor.memberships]),
    ...(actor.scopes ? { scopes: Object.freeze([...actor.scopes]) } : {}),
  });

async function resolveActor(request: FastifyRequest, database: Database, caches: ActorCaches): Promise<Actor | null> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) throw new AppError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>"');
    const tokenHash = hashSecret(match[1]);
    const actor = await caches.byToken.get(tokenHash, async () => frozen(await findActorByApiToken(database.db, tokenHash)));
    if (!actor) throw new AppError('UNAUTHENTICATED', 'The API token is unknown or revoked');
    if (!actor.lastUsedAt || Date.now() - actor.lastUsedAt.getTime() > TOKEN_TOUCH_INTERVAL_MS) {
      await touchApiToken(database.db, actor.credentialId);
      // The triggers ignore this bookkeeping column, so the cache must learn of the touch from us.
      caches.byToken.update(tokenHash, Object.freeze({ ...actor, lastUsedAt: new Date() }));
    }
    const { lastUsedAt: _lastUsed, ...rest } = actor;
    return rest;
  }

  const sessionSecret = request.cookies[SESSION_COOKIE];
  if (!sessionSecret) return null;
  const sessionHash = hashSecret(sessionSecret);
  const actor = await caches.bySession.get(
    sessionHash,
    async () => frozen(await findActorBySession(database.db, sessionHash)),
    (session) => session.expiresAt.getTime(),
  );
  if (!actor) return null;
  if (!SAFE_METHODS.has(request.method) && !request.routeOptions.config?.skipCsrf) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameSecret(sent, actor.csrfToken)) {
      throw new AppError('CSRF_TOKEN_INVALID', `Send the session's CSRF token in the ${CSRF_HEADER} header`);
    }
  }
  const { csrfToken: _csrf, expiresAt: _expires, ...rest } = actor;
  return rest;
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}
