import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import { canManagePeople, canManageTeamMembers, canManageTeams, canReadDirectory, canSetTeamMembership } from './people.policy.ts';

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

describe('giving roles on a team', () => {
  it('lets admins and the lead give roles to others, and nobody to themselves', () => {
    const admin = callers.admin!;
    const lead = callers.lead!;
    expect(canSetTeamMembership(admin, 'it', 'someone-else')).toBe(true);
    expect(canSetTeamMembership(lead, 'it', 'someone-else')).toBe(true);
    // An admin making themselves a lead of HR would read its confidential cases.
    expect(canSetTeamMembership(admin, 'hr', admin.personId)).toBe(false);
    expect(canSetTeamMembership(lead, 'it', lead.personId)).toBe(false);
    expect(canSetTeamMembership(callers.agent!, 'it', 'someone-else')).toBe(false);
  });
});
