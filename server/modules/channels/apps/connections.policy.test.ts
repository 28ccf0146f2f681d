import { describe, expect, it } from 'vitest';
import { canManageConnections } from './connections.policy.ts';

// A connection decides where a server secret (the variable it names) is sent: admins only.

describe('canManageConnections', () => {
  const teamId = '00000000-0000-4000-8000-000000000001';
  it('lets admins manage connections', () => {
    expect(canManageConnections({ isAdmin: true })).toBe(true);
  });
  it("refuses a team's lead, its agents, everyone else and the signed-out", () => {
    const lead = { isAdmin: false, memberships: [{ teamId, role: 'lead' as const }] };
    const agent = { isAdmin: false, memberships: [{ teamId, role: 'agent' as const }] };
    for (const actor of [lead, agent, { isAdmin: false }, null]) expect(canManageConnections(actor)).toBe(false);
  });
});
