import type { Actor } from './actor.ts';

/**
 * What a personal API token may be used for (decision 0027). A scope only narrows: the token's
 * person must still be allowed by the route's policy, so a scope never adds a right they lack.
 * Each area has a read scope (GET, HEAD) and most a write scope (everything else).
 */
export const TOKEN_SCOPES = [
  'requests:read',
  'requests:write',
  'catalog:read',
  'catalog:write',
  'knowledge:read',
  'knowledge:write',
  'people:read',
  'people:write',
  'sla:read',
  'sla:write',
  'reports:read',
  'account:read',
  'account:write',
  'admin',
] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** What each scope opens, in words for the API document and the console. */
export const TOKEN_SCOPE_PURPOSE: Record<TokenScope, string> = {
  'requests:read': 'read requests the person may see: lists, counts, timelines, answers, approvals, SLA clocks, attachments, live updates',
  'requests:write': 'file requests (directly or through a service), comment, change, decide approvals, tick steps, upload files',
  'catalog:read': 'read the service catalog, its forms and expected waits',
  'catalog:write': "create and change services and their forms (admins, and leads for their teams' services)",
  'knowledge:read': 'read help articles, their versions and diffs, and search',
  'knowledge:write': 'write, publish and link articles; give feedback and record views and deflections',
  'people:read': 'look up people and teams',
  'people:write': 'manage people, teams and memberships (admins; leads for their teams)',
  'sla:read': 'read SLA policies, internal agreements, calendars and team availability',
  'sla:write': 'manage SLA policies, agreements and calendars (admins and leads)',
  'reports:read': "read the leads' and admins' reports",
  'account:read': "read the person's own API tokens and preferences",
  'account:write': "change the person's own preferences, make and revoke their tokens",
  admin: 'the admin console: mail and chat-app settings, inbound mail, outbox, webhooks and deliveries (admins)',
};

type Holder = Pick<Actor, 'isAdmin' | 'memberships'>;
const isLead = (person: Holder) => person.memberships.some((membership) => membership.role === 'lead');

/**
 * Who a scope can do anything for. A token is refused a scope its person could never use, so the
 * token's listing does not promise what every route would refuse. (Policies still decide each call:
 * a lead who loses the role keeps the scope on paper and gains nothing.)
 */
const HELD_BY: Partial<Record<TokenScope, (person: Holder) => boolean>> = {
  'catalog:write': (person) => person.isAdmin || isLead(person),
  'people:write': (person) => person.isAdmin || isLead(person),
  'sla:write': (person) => person.isAdmin || isLead(person),
  'reports:read': (person) => person.isAdmin || isLead(person),
  admin: (person) => person.isAdmin,
};

export function mayHoldScope(person: Holder, scope: TokenScope): boolean {
  return HELD_BY[scope]?.(person) ?? true;
}

export const isTokenScope = (value: string): value is TokenScope => (TOKEN_SCOPES as readonly string[]).includes(value);
