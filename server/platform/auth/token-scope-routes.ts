import type { TokenScope } from './api-token-scopes.ts';

/** What a scoped token needs for a route: one scope, or 'any' for what every credential may call. */
export type RouteScope = TokenScope | 'any';

interface ScopeRule {
  /** A route path under /api/v1, matched segment by segment as a prefix; `:name` matches any parameter. */
  prefix: string;
  /** GET and HEAD. */
  read?: RouteScope;
  /** Every other method. */
  write?: RouteScope;
  /** The route itself only, not the routes below it. */
  exact?: boolean;
}

// The longest matching prefix that names the call's kind decides. A route under no prefix here
// has no scope, and a scoped token is refused there (and token-scope-routes.test.ts fails, so a
// new area is classified when it lands). A route may also declare `config.tokenScope` itself.
const RULES: readonly ScopeRule[] = [
  { prefix: '/session', write: 'any' },
  { prefix: '/me', read: 'any', exact: true },
  { prefix: '/me', read: 'account:read', write: 'account:write' },
  { prefix: '/requests', read: 'requests:read', write: 'requests:write' },
  { prefix: '/requests/:key/article-draft', write: 'knowledge:write' },
  { prefix: '/requests/:key/articles', read: 'knowledge:read', write: 'knowledge:write' },
  { prefix: '/approvals', read: 'requests:read', write: 'requests:write' },
  { prefix: '/uploads', write: 'requests:write' },
  { prefix: '/attachments', read: 'requests:read' },
  { prefix: '/live', read: 'requests:read' },
  // A chat is a request's conversation, as it happens.
  { prefix: '/chats', read: 'requests:read', write: 'requests:write' },
  { prefix: '/desk/chats', read: 'requests:read' },
  { prefix: '/services', read: 'catalog:read', write: 'catalog:write' },
  { prefix: '/services/:service/requests', write: 'requests:write' },
  { prefix: '/articles', read: 'knowledge:read', write: 'knowledge:write' },
  { prefix: '/deflections', write: 'knowledge:write' },
  { prefix: '/search', read: 'knowledge:read' },
  { prefix: '/reports', read: 'reports:read' },
  { prefix: '/people', read: 'people:read', write: 'people:write' },
  { prefix: '/teams', read: 'people:read', write: 'people:write' },
  { prefix: '/teams/:slug/availability', read: 'sla:read' },
  { prefix: '/sla-policies', read: 'sla:read', write: 'sla:write' },
  { prefix: '/agreements', read: 'sla:read', write: 'sla:write' },
  { prefix: '/calendars', read: 'sla:read', write: 'sla:write' },
  { prefix: '/admin', read: 'admin', write: 'admin' },
];

export const API_PREFIX = '/api/v1';
const READ_METHODS = new Set(['GET', 'HEAD']);
const segmentsOf = (path: string) => path.split('/').filter(Boolean);
const COMPILED = RULES.map((rule) => ({ ...rule, segments: segmentsOf(API_PREFIX + rule.prefix) }));

function matches(ruleSegments: string[], routeSegments: string[], exact: boolean): boolean {
  if (ruleSegments.length > routeSegments.length || (exact && ruleSegments.length !== routeSegments.length)) return false;
  return ruleSegments.every((segment, index) => {
    const routeSegment = routeSegments[index]!;
    return segment.startsWith(':') ? routeSegment.startsWith(':') : segment === routeSegment;
  });
}

/**
 * The scope a route needs, worked out once when the route is registered. Public routes need none:
 * anyone may call them without a token, so a token's narrowness has nothing to take away there.
 */
export function scopeForRoute(route: { method: string; url: string; public?: boolean }): RouteScope | undefined {
  if (route.public) return 'any';
  const kind = READ_METHODS.has(route.method.toUpperCase()) ? 'read' : 'write';
  const routeSegments = segmentsOf(route.url);
  let best: { length: number; scope: RouteScope } | undefined;
  for (const rule of COMPILED) {
    const scope = rule[kind];
    if (!scope || !matches(rule.segments, routeSegments, rule.exact === true)) continue;
    // An exact rule outranks a prefix of the same length.
    const length = rule.segments.length + (rule.exact ? 0.5 : 0);
    if (!best || length > best.length) best = { length, scope };
  }
  return best?.scope;
}

/** Does a token with these scopes (null: made before scopes, its person's rights) reach the route? */
export function tokenReaches(scopes: readonly string[] | null, needed: RouteScope | undefined): boolean {
  if (scopes === null) return true;
  if (needed === undefined) return false;
  return needed === 'any' || scopes.includes(needed);
}
