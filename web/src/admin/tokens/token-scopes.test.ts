import { describe, expect, it } from 'vitest';
import { DEFAULT_SCOPES, mayChooseScope, SCOPE_AREAS, scopesSummary, toggleScope } from './token-scopes.ts';

const team = { id: 't1', slug: 'it', name: 'IT' };
const employee = { isAdmin: false, memberships: [] };
const agent = { isAdmin: false, memberships: [{ team, role: 'agent' as const }] };
const lead = { isAdmin: false, memberships: [{ team, role: 'lead' as const }] };
const admin = { isAdmin: true, memberships: [] };

describe('scopes a person may choose', () => {
  it('offers admins every scope, and nobody else the admin scope', () => {
    for (const { scopes } of SCOPE_AREAS) for (const scope of scopes) expect(mayChooseScope(admin, scope)).toBe(true);
    for (const person of [employee, agent, lead]) expect(mayChooseScope(person, 'admin')).toBe(false);
  });

  it('offers leads the management scopes, and employees and agents only the everyday ones', () => {
    for (const scope of ['catalog:write', 'people:write', 'sla:write', 'reports:read'] as const) {
      expect(mayChooseScope(lead, scope)).toBe(true);
      expect(mayChooseScope(agent, scope)).toBe(false);
      expect(mayChooseScope(employee, scope)).toBe(false);
    }
    for (const scope of ['requests:read', 'requests:write', 'knowledge:write', 'account:write'] as const) expect(mayChooseScope(employee, scope)).toBe(true);
  });

  it('starts a new token with a scope everyone may have', () => {
    for (const scope of DEFAULT_SCOPES) expect(mayChooseScope(employee, scope)).toBe(true);
  });
});

describe('ticking scopes', () => {
  it('adds the read scope with a write scope, and keeps the catalogue order', () => {
    expect(toggleScope([], 'requests:write', true)).toEqual(['requests:read', 'requests:write']);
    expect(toggleScope(['account:read'], 'knowledge:write', true)).toEqual(['knowledge:read', 'knowledge:write', 'account:read']);
    expect(toggleScope([], 'admin', true)).toEqual(['admin']);
  });

  it('removes only the unticked scope', () => {
    expect(toggleScope(['requests:read', 'requests:write'], 'requests:read', false)).toEqual(['requests:write']);
    expect(toggleScope(['requests:read'], 'requests:read', false)).toEqual([]);
  });

  it('never lists a scope twice', () => {
    expect(toggleScope(['requests:read'], 'requests:read', true)).toEqual(['requests:read']);
  });
});

describe('a token’s scopes in words', () => {
  it('says a token from before scopes has all of its person’s rights', () => {
    expect(scopesSummary(null, { allRights: 'All your rights' })).toBe('All your rights');
    expect(scopesSummary(['requests:read', 'admin'], { allRights: 'x' })).toBe('requests:read, admin');
  });
});
