import { describe, expect, it } from 'vitest';
import { canDecideApproval, canManageService, canSeeService, canTickSteps, managedTeamsOf, mayRequest, type CatalogActor } from './catalog.policy.ts';

const IT = 'team-it';
const HR = 'team-hr';
const actor = (overrides: Partial<CatalogActor> = {}): CatalogActor => ({ personId: 'me', name: 'Me', isAdmin: false, memberships: [], ...overrides });
const agentOf = (teamId: string) => actor({ memberships: [{ teamId, role: 'agent' }] });
const leadOf = (teamId: string) => actor({ memberships: [{ teamId, role: 'lead' }] });
const service = (overrides: Partial<{ teamId: string; active: boolean; audienceTeamIds: string[] | null }> = {}) => ({
  teamId: IT,
  active: true,
  audienceTeamIds: null,
  ...overrides,
});

describe('requesting and seeing services', () => {
  it('anyone may request an active service for everyone; an audience service only from a home team in it', () => {
    expect(mayRequest(service(), null)).toBe(true);
    expect(mayRequest(service({ audienceTeamIds: [HR] }), HR)).toBe(true);
    expect(mayRequest(service({ audienceTeamIds: [HR] }), 'sales')).toBe(false);
    expect(mayRequest(service({ audienceTeamIds: [HR] }), null)).toBe(false);
    expect(mayRequest(service({ active: false }), null)).toBe(false);
  });

  it('the owning team and admins see every service of theirs; others only what they may request', () => {
    const hidden = service({ active: false, audienceTeamIds: [HR] });
    expect(canSeeService(agentOf(IT), hidden, null)).toBe(true);
    expect(canSeeService(actor({ isAdmin: true }), hidden, null)).toBe(true);
    expect(canSeeService(agentOf(HR), hidden, HR)).toBe(false);
    expect(canSeeService(actor(), service({ audienceTeamIds: [HR] }), HR)).toBe(true);
  });

  it('admins and the owning team’s leads manage services; agents do not', () => {
    expect(canManageService(leadOf(IT), IT)).toBe(true);
    expect(canManageService(leadOf(HR), IT)).toBe(false);
    expect(canManageService(agentOf(IT), IT)).toBe(false);
    expect(canManageService(actor({ isAdmin: true }), IT)).toBe(true);
    expect(managedTeamsOf(agentOf(IT))).toEqual([IT]);
    expect(managedTeamsOf(actor({ isAdmin: true }))).toBe('all');
    expect(managedTeamsOf(actor())).toEqual([]);
  });

  it('agents and leads of the team tick steps', () => {
    expect(canTickSteps(agentOf(IT), { teamId: IT })).toBe(true);
    expect(canTickSteps(leadOf(IT), { teamId: IT })).toBe(true);
    expect(canTickSteps(agentOf(HR), { teamId: IT })).toBe(false);
    expect(canTickSteps(actor({ isAdmin: true }), { teamId: IT })).toBe(false);
  });
});

describe('deciding approvals', () => {
  const request = { requesterId: 'requester', teamId: IT };
  it('the named approver decides, nobody else', () => {
    const named = { approverId: 'me', approverTeamId: null };
    expect(canDecideApproval(actor(), named, request)).toBe(true);
    expect(canDecideApproval(actor({ personId: 'someone' }), named, request)).toBe(false);
    expect(canDecideApproval(leadOf(IT), { approverId: 'boss', approverTeamId: null }, request)).toBe(false);
  });

  it('any lead of the approving team decides when nobody is named; agents do not', () => {
    const team = { approverId: null, approverTeamId: IT };
    expect(canDecideApproval(leadOf(IT), team, request)).toBe(true);
    expect(canDecideApproval(agentOf(IT), team, request)).toBe(false);
    expect(canDecideApproval(leadOf(HR), team, request)).toBe(false);
    expect(canDecideApproval(actor({ isAdmin: true }), team, request)).toBe(false);
  });

  it("the owning team's leads decide instead of a named approver who may not any more", () => {
    const named = { approverId: 'me', approverTeamId: null };
    expect(canDecideApproval(actor(), named, request, false)).toBe(false);
    expect(canDecideApproval(leadOf(IT), named, request, false)).toBe(true);
    expect(canDecideApproval(agentOf(IT), named, request, false)).toBe(false);
    expect(canDecideApproval(leadOf(HR), named, request, false)).toBe(false);
    expect(canDecideApproval({ ...leadOf(IT), personId: 'requester' }, named, request, false)).toBe(false);
  });

  it('nobody decides their own request', () => {
    expect(canDecideApproval(actor({ personId: 'requester' }), { approverId: 'requester', approverTeamId: null }, request)).toBe(false);
    expect(canDecideApproval({ ...leadOf(IT), personId: 'requester' }, { approverId: null, approverTeamId: IT }, request)).toBe(false);
  });
});
