import { describe, expect, it } from 'vitest';
import { canChange, canComment, canCountQueue, canFileFor, canSeeInternal, canView, type RequestActor, type RequestFacts } from './requests.policy.ts';

const TEAM = 'team-it';
const OTHER = 'team-hr';
const person = (personId: string, extra: Partial<RequestActor> = {}): RequestActor => ({
  personId,
  name: personId,
  isAdmin: false,
  memberships: [],
  ...extra,
});

const actors = {
  requester: person('requester'),
  otherEmployee: person('other'),
  agentOfOtherTeam: person('elsewhere', { memberships: [{ teamId: OTHER, role: 'agent' }] }),
  agent: person('agent', { memberships: [{ teamId: TEAM, role: 'agent' }] }),
  assignee: person('assignee', { memberships: [{ teamId: TEAM, role: 'agent' }] }),
  lead: person('lead', { memberships: [{ teamId: TEAM, role: 'lead' }] }),
  leadOfOtherTeam: person('other-lead', { memberships: [{ teamId: OTHER, role: 'lead' }] }),
  admin: person('admin', { isAdmin: true }),
};
type Who = keyof typeof actors;

const request = (extra: Partial<RequestFacts> = {}): RequestFacts => ({
  teamId: TEAM,
  requesterId: 'requester',
  assigneeId: 'assignee',
  confidential: false,
  status: 'in_progress',
  ...extra,
});

describe('canView', () => {
  const table: Array<[Who, boolean, boolean]> = [
    // who, sees an open request, sees a confidential one
    ['requester', true, true],
    ['otherEmployee', false, false],
    ['agentOfOtherTeam', false, false],
    ['agent', true, false],
    ['assignee', true, true],
    ['lead', true, true],
    ['leadOfOtherTeam', false, false],
    ['admin', true, false],
  ];
  it.each(table)('%s: open %s, confidential %s', (who, open, confidential) => {
    expect(canView(actors[who], request())).toBe(open);
    expect(canView(actors[who], request({ confidential: true }))).toBe(confidential);
  });
});

describe('canSeeInternal', () => {
  it.each([
    ['agent', true],
    ['lead', true],
    ['requester', false],
    ['admin', false],
    ['agentOfOtherTeam', false],
  ] as const)('%s -> %s', (who, expected) => expect(canSeeInternal(actors[who], request())).toBe(expected));
});

describe('canFileFor', () => {
  it('lets anyone file for themselves, and only the team agents for someone else', () => {
    expect(canFileFor(actors.otherEmployee, TEAM, 'other')).toBe(true);
    expect(canFileFor(actors.otherEmployee, TEAM, 'requester')).toBe(false);
    expect(canFileFor(actors.admin, TEAM, 'requester')).toBe(false);
    expect(canFileFor(actors.agentOfOtherTeam, TEAM, 'requester')).toBe(false);
    expect(canFileFor(actors.agent, TEAM, 'requester')).toBe(true);
    expect(canFileFor(actors.lead, TEAM, 'requester')).toBe(true);
  });
});

describe('canChange', () => {
  const table: Array<[string, Who, RequestFacts, Parameters<typeof canChange>[2], boolean]> = [
    ['agent changes priority', 'agent', request(), { priority: 'high' }, true],
    ['agent hands off', 'agent', request(), { team: 'hr' }, true],
    ['lead assigns', 'lead', request(), { assigneeId: 'agent' }, true],
    ['requester closes a resolved request', 'requester', request({ status: 'resolved' }), { status: 'closed' }, true],
    ['requester reopens a resolved request', 'requester', request({ status: 'resolved' }), { status: 'in_progress' }, true],
    ['requester resolves their own request', 'requester', request(), { status: 'resolved' }, false],
    ['requester closes an unresolved request', 'requester', request(), { status: 'closed' }, false],
    ['requester closes and re-prioritises', 'requester', request({ status: 'resolved' }), { status: 'closed', priority: 'low' }, false],
    ['requester changes priority', 'requester', request(), { priority: 'urgent' }, false],
    ['admin changes priority', 'admin', request(), { priority: 'high' }, false],
    ['agent of another team', 'agentOfOtherTeam', request(), { priority: 'high' }, false],
    ['another employee', 'otherEmployee', request({ status: 'resolved' }), { status: 'closed' }, false],
  ];
  it.each(table)('%s', (_name, who, facts, change, allowed) => {
    expect(canChange(actors[who], facts, change).allowed).toBe(allowed);
  });
});

describe('canComment', () => {
  const table: Array<[Who, 'public' | 'internal', boolean]> = [
    ['requester', 'public', true],
    ['requester', 'internal', false],
    ['agent', 'public', true],
    ['agent', 'internal', true],
    ['lead', 'internal', true],
    ['admin', 'public', false],
    ['otherEmployee', 'public', false],
    ['agentOfOtherTeam', 'internal', false],
  ];
  it.each(table)('%s writes %s: %s', (who, visibility, allowed) => {
    expect(canComment(actors[who], request(), visibility).allowed).toBe(allowed);
  });
});

describe('confidential requests stay with the owning team', () => {
  it('hides a confidential case from its assignee once they have left the team', () => {
    const leftTheTeam = person('assignee');
    expect(canView(leftTheTeam, request({ confidential: true }))).toBe(false);
    expect(canView(leftTheTeam, request())).toBe(true);
  });

  it("lets only the owning team's leads hand a confidential case to another team", () => {
    const handoff = { team: 'hr', status: undefined };
    expect(canChange(actors.agent, request({ confidential: true }), handoff)).toMatchObject({ allowed: false });
    expect(canChange(actors.assignee, request({ confidential: true }), handoff)).toMatchObject({ allowed: false });
    expect(canChange(actors.lead, request({ confidential: true }), handoff)).toEqual({ allowed: true });
    expect(canChange(actors.agent, request(), handoff)).toEqual({ allowed: true });
  });
});

describe('canCountQueue', () => {
  const table: Array<[Who, boolean]> = [
    ['requester', false],
    ['otherEmployee', false],
    ['agentOfOtherTeam', false],
    ['leadOfOtherTeam', false],
    ['agent', true],
    ['lead', true],
    ['admin', true],
  ];
  it.each(table)('%s counts the team queue: %s', (who, expected) => {
    expect(canCountQueue(actors[who], TEAM)).toBe(expected);
  });
});
