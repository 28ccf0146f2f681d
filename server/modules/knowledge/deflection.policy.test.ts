import { describe, expect, it } from 'vitest';
import { mayReadKnowledgeReports, mayReadPublishedArticle, type KnowledgeActor } from './deflection.policy.ts';

const TEAM = 'team-a';
const actor = (overrides: Partial<KnowledgeActor> = {}): KnowledgeActor => ({ personId: 'p', isAdmin: false, memberships: [], ...overrides });
const employee = actor();
const agent = actor({ memberships: [{ teamId: TEAM, role: 'agent' }] });
const lead = actor({ memberships: [{ teamId: TEAM, role: 'lead' }] });
const otherLead = actor({ memberships: [{ teamId: 'team-b', role: 'lead' }] });
const admin = actor({ isAdmin: true });

describe('mayReadKnowledgeReports', () => {
  it("lets a team's leads and admins read the team's reports, and only admins the all-teams view", () => {
    expect([employee, agent, lead, otherLead, admin].map((who) => mayReadKnowledgeReports(who, TEAM))).toEqual([false, false, true, false, true]);
    expect([employee, agent, lead, otherLead, admin].map((who) => mayReadKnowledgeReports(who, undefined))).toEqual([false, false, false, false, true]);
  });
});

describe('mayReadPublishedArticle', () => {
  it('never takes an unpublished article, even for its own team or an admin', () => {
    for (const status of ['draft', 'in_review', 'archived'] as const) {
      for (const who of [agent, lead, admin]) expect(mayReadPublishedArticle(who, { teamId: TEAM, status, visibility: 'everyone' })).toBe(false);
    }
  });

  it('follows the visibility of a published article', () => {
    const who = [employee, agent, otherLead, admin];
    const read = (visibility: 'everyone' | 'agents' | 'team') => who.map((person) => mayReadPublishedArticle(person, { teamId: TEAM, status: 'published', visibility }));
    expect(read('everyone')).toEqual([true, true, true, true]);
    expect(read('agents')).toEqual([false, true, true, true]);
    expect(read('team')).toEqual([false, true, false, true]);
  });
});
