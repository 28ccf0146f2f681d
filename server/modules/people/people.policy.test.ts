import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import { canManagePeople, canManageTeamMembers, canManageTeams, canReadDirectory } from './people.policy.ts';

const base: Actor = { personId: 'p', email: 'p@example.test', name: 'P', isAdmin: false, memberships: [], via: 'token', credentialId: 'c' };
const callers: Record<string, Actor | null> = {
  anonymous: null,
  employee: base,
  agentOfOtherTeam: { ...base, memberships: [{ teamId: 'other', role: 'agent' }] },
  leadOfOtherTeam: { ...base, memberships: [{ teamId: 'other', role: 'lead' }] },
  agent: { ...base, memberships: [{ teamId: 'it', role: 'agent' }] },
  lead: { ...base, memberships: [{ teamId: 'it', role: 'lead' }] },
  admin: { ...base, isAdmin: true },
};

// caller -> [read directory, manage people, manage teams, manage members of team "it"]
const expectations: Record<string, [boolean, boolean, boolean, boolean]> = {
  anonymous: [false, false, false, false],
  employee: [true, false, false, false],
  agentOfOtherTeam: [true, false, false, false],
  leadOfOtherTeam: [true, false, false, false],
  agent: [true, false, false, false],
  lead: [true, false, false, true],
  admin: [true, true, true, true],
};

describe('directory policies', () => {
  it.each(Object.entries(expectations))('%s', (caller, [read, people, teams, members]) => {
    const actor = callers[caller]!;
    expect(canReadDirectory(actor)).toBe(read);
    expect(canManagePeople(actor)).toBe(people);
    expect(canManageTeams(actor)).toBe(teams);
    expect(canManageTeamMembers(actor, 'it')).toBe(members);
  });
});
