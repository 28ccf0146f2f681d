import type { TokenScope } from '../api/types.ts';
import type { Caller } from '../sections.ts';

// The scopes a person may choose for a new token, grouped as the console shows them. The server
// decides (api-token-scopes.ts); this only keeps a person from ticking what would be refused.

export type ScopeArea = 'requests' | 'catalog' | 'knowledge' | 'people' | 'sla' | 'reports' | 'account' | 'admin';

export const SCOPE_AREAS: ReadonlyArray<{ area: ScopeArea; scopes: readonly TokenScope[] }> = [
  { area: 'requests', scopes: ['requests:read', 'requests:write'] },
  { area: 'knowledge', scopes: ['knowledge:read', 'knowledge:write'] },
  { area: 'catalog', scopes: ['catalog:read', 'catalog:write'] },
  { area: 'people', scopes: ['people:read', 'people:write'] },
  { area: 'sla', scopes: ['sla:read', 'sla:write'] },
  { area: 'reports', scopes: ['reports:read'] },
  { area: 'account', scopes: ['account:read', 'account:write'] },
  { area: 'admin', scopes: ['admin'] },
];

const forLeadsAndAdmins: ReadonlySet<TokenScope> = new Set(['catalog:write', 'people:write', 'sla:write', 'reports:read']);

/** Whether the person's role gives the scope anything to do (the server refuses it otherwise). */
export function mayChooseScope(me: Caller, scope: TokenScope): boolean {
  if (me.isAdmin) return true;
  if (scope === 'admin') return false;
  if (forLeadsAndAdmins.has(scope)) return me.memberships.some((membership) => membership.role === 'lead');
  return true;
}

/** The scopes a new token starts with: reading requests, what a first script usually does. */
export const DEFAULT_SCOPES: readonly TokenScope[] = ['requests:read'];

/**
 * Ticking a write scope ticks its read scope too (a script that changes requests nearly always
 * reads them first); unticking a read leaves the write alone, as the person chose it.
 */
export function toggleScope(chosen: readonly TokenScope[], scope: TokenScope, on: boolean): TokenScope[] {
  const next = new Set(chosen);
  if (!on) {
    next.delete(scope);
  } else {
    next.add(scope);
    const read = scope.endsWith(':write') ? (scope.replace(':write', ':read') as TokenScope) : undefined;
    if (read && SCOPE_AREAS.some((group) => group.scopes.includes(read))) next.add(read);
  }
  // Kept in the catalogue's order, so the list reads the same however it was ticked.
  return SCOPE_AREAS.flatMap((group) => group.scopes).filter((candidate) => next.has(candidate));
}

/** A token's scopes in a line; a token from before scopes has all of its person's rights. */
export function scopesSummary(scopes: readonly string[] | null, words: { allRights: string }): string {
  return scopes === null ? words.allRights : scopes.join(', ');
}
