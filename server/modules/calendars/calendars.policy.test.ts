import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import { canCreateCalendar, canManageCalendar, canReadCalendars } from './calendars.policy.ts';

const TEAM = '11111111-1111-4111-8111-111111111111';
const OTHER_TEAM = '33333333-3333-4333-8333-333333333333';
const actor = (overrides: Partial<Actor> = {}): Actor => ({
  personId: 'p',
  email: 'p@example.test',
  name: 'P',
  isAdmin: false,
  memberships: [],
  via: 'token',
  credentialId: 'c',
  ...overrides,
});
const employee = actor();
const agent = actor({ memberships: [{ teamId: TEAM, role: 'agent' }] });
const lead = actor({ memberships: [{ teamId: TEAM, role: 'lead' }] });
const admin = actor({ isAdmin: true });
const teamCalendar = { kind: 'team' as const, teamId: TEAM };
const holidays = { kind: 'company-holidays' as const, teamId: null };

describe('calendar policy', () => {
  it('lets anyone signed in read calendars, and nobody signed out', () => {
    expect(canReadCalendars(null)).toBe(false);
    for (const who of [employee, agent, lead, admin]) expect(canReadCalendars(who)).toBe(true);
  });

  it("lets the team's lead and admins keep a team calendar", () => {
    expect(canManageCalendar(null, teamCalendar)).toBe(false);
    expect(canManageCalendar(employee, teamCalendar)).toBe(false);
    expect(canManageCalendar(agent, teamCalendar)).toBe(false);
    expect(canManageCalendar(lead, teamCalendar)).toBe(true);
    expect(canManageCalendar(admin, teamCalendar)).toBe(true);
  });

  it("does not let a lead keep another team's calendar", () => {
    expect(canManageCalendar(lead, { kind: 'team', teamId: OTHER_TEAM })).toBe(false);
    expect(canCreateCalendar(lead, { kind: 'team', teamId: OTHER_TEAM })).toBe(false);
  });

  it('keeps the company holiday calendar to admins, even from leads', () => {
    expect(canManageCalendar(lead, holidays)).toBe(false);
    expect(canCreateCalendar(lead, holidays)).toBe(false);
    expect(canCreateCalendar(admin, holidays)).toBe(true);
  });

  it('lets a lead create a calendar for their own team only', () => {
    expect(canCreateCalendar(lead, teamCalendar)).toBe(true);
    expect(canCreateCalendar(agent, teamCalendar)).toBe(false);
    expect(canCreateCalendar(lead, { kind: 'team', teamId: null })).toBe(false);
  });
});
