import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import { canManageOwnAccess, canRevokeToken } from './auth.policy.ts';

const actor = (personId: string, overrides: Partial<Actor> = {}): Actor => ({
  personId,
  email: `${personId}@example.test`,
  name: personId,
  isAdmin: false,
  memberships: [],
  via: 'token',
  credentialId: 'credential',
  ...overrides,
});

describe('sign-in and token policies', () => {
  it('lets only someone signed in see themselves and manage their tokens', () => {
    expect(canManageOwnAccess(null)).toBe(false);
    expect(canManageOwnAccess(actor('amy'))).toBe(true);
  });

  it.each([
    ['the owner', actor('amy'), true],
    ['someone else', actor('bob'), false],
    ['an admin who is not the owner', actor('bob', { isAdmin: true }), false],
    ['a lead who is not the owner', actor('bob', { memberships: [{ teamId: 't', role: 'lead' }] }), false],
    ['nobody', null, false],
  ])('lets %s revoke a token: %s', (_who, caller, allowed) => {
    expect(canRevokeToken(caller, { personId: 'amy' })).toBe(allowed);
  });
});
